"""Reading actuals files into one DuckDB view, `actuals`, with the columns of docs/measure.md.

DuckDB reads CSV, Parquet and JSON lines itself, in parallel, so no row passes through Python;
an XLSX workbook (small by nature) is read by the sheets package, with its zip-bomb and entity
checks, and handed over as a table. Every column is text here: checks.py says which values are
bad, with the file, row and (for XLSX) the cell.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from journeyctl.config import ACTUALS_COLUMNS
from journeyctl.paths import printable
from journeyctl.problems import UsageError, did_you_mean

if TYPE_CHECKING:
    import duckdb

COLUMNS = ACTUALS_COLUMNS
REQUIRED = ("metric", "period", "value")
FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".parquet": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl"}
STDIN = "-"


@dataclass(frozen=True, slots=True)
class ActualsProblem:
    """A located problem of an actuals file: `actuals.csv:12`, `actuals.xlsx:Sheet1!C12`."""

    where: str
    message: str

    def line(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class ActualsSource:
    index: int
    where: str  # the printable name
    kind: str  # csv | xlsx | parquet | jsonl
    scan: str  # the SQL that reads the file, every column as it is
    path_text: str = ""  # the path DuckDB reads, as its error messages name it
    headers: dict[str, str] = field(default_factory=dict)  # our column -> the file's header
    sheet: str = ""  # XLSX: the sheet read
    letters: dict[str, str] = field(default_factory=dict)  # XLSX: our column -> its column letter

    def row_where(self, row: int, column: str | None = None) -> str:
        """CSV: the line (line 1 is the headers); JSON lines: the line; Parquet: the row; XLSX: the cell."""
        if self.kind == "xlsx":
            return f"{self.where}:{self.sheet}!{self.letters.get(column or '', 'A')}{row}"
        return f"{self.where}:{row}"


def kind_of(name: str) -> str:
    if name == STDIN:
        return "csv"
    kind = FORMATS.get(Path(name).suffix.lower())
    if kind is None:
        raise UsageError(
            f"{printable(name)}: not an actuals file: name it .csv, .xlsx, .parquet or .jsonl (docs/measure.md)"
        )
    return kind


def open_actuals(
    con: duckdb.DuckDBPyConnection,
    files: Sequence[str],
    mapping: dict[str, str],
    max_bytes: int,
    problems: list[ActualsProblem],
    scratch: Path,
) -> list[ActualsSource]:
    """Register every file and the view `actuals` (src, metric, map, period, value, account, segment,
    and `row` for XLSX); a file that lacks a required column is a problem and left out."""
    sources = []
    for index, name in enumerate(files):
        source = _open(con, index, name, max_bytes, scratch)
        headers = _headers(con, source)
        source.headers = _match_columns(source, headers, mapping, problems)
        if all(column in source.headers for column in REQUIRED):
            if source.kind == "xlsx":
                source.letters = {c: _letter(headers.index(h)) for c, h in source.headers.items()}
            sources.append(source)
    selects = [_select(source) for source in sources] or [
        "SELECT NULL::INT AS src, " + ", ".join(f"NULL::VARCHAR AS {c}" for c in COLUMNS) + " WHERE false"
    ]
    con.execute("CREATE TEMP VIEW actuals AS " + " UNION ALL ".join(selects))
    return sources


def _open(con: duckdb.DuckDBPyConnection, index: int, name: str, max_bytes: int, scratch: Path) -> ActualsSource:
    kind = kind_of(name)
    where = "<stdin>" if name == STDIN else printable(name)
    path = _stdin_to_file(scratch, max_bytes) if name == STDIN else Path(name)
    try:
        size = path.stat().st_size
        with open(path, "rb") as stream:
            head = stream.read(4096)
    except OSError as error:
        raise UsageError(f"cannot read {where}: {error.strerror or error}") from None
    if not path.is_file():
        raise UsageError(f"{where}: not a file")
    if size > max_bytes:
        raise UsageError(f"{where}: refused: the file is larger than {max_bytes} bytes (actuals.max_bytes)")
    literal = _sql_text(str(path))
    if kind == "csv":
        _check_text(where, head, "CSV")
        scan = _csv_scan(literal, head)
    elif kind == "jsonl":
        _check_text(where, head, "JSON lines")
        scan = f"read_json({literal}, format = 'newline_delimited', union_by_name = true)"
    elif kind == "parquet":
        if not head.startswith(b"PAR1"):
            raise UsageError(f"{where}: not a Parquet file (it does not start with PAR1)")
        scan = f"read_parquet({literal})"
    else:
        return _xlsx(con, index, where, path, max_bytes, scratch)
    return ActualsSource(index, where, kind, scan, str(path))


def _stdin_to_file(scratch: Path, max_bytes: int) -> Path:
    """CSV on standard input, copied once to a file so that DuckDB can read it in parallel."""
    target = scratch / "stdin.csv"
    with open(target, "wb") as out:
        copied = 0
        while chunk := sys.stdin.buffer.read(1 << 20):
            copied += len(chunk)
            if copied > max_bytes:
                raise UsageError(f"<stdin>: refused: more than {max_bytes} bytes (actuals.max_bytes)")
            out.write(chunk)
    return target


def _check_text(where: str, head: bytes, kind: str) -> None:
    if head.startswith(b"PK\x03\x04"):
        raise UsageError(f"{where}: this is a zip archive (an XLSX workbook?), not {kind} text; name it .xlsx")
    if head.startswith(b"PAR1"):
        raise UsageError(f"{where}: this is a Parquet file, not {kind} text; name it .parquet")
    if b"\x00" in head:
        raise UsageError(f"{where}: not {kind} text (it holds NUL bytes: UTF-16, or a binary file?); save it as UTF-8")
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not just a character cut at the end of the sample
            raise UsageError(f"{where}: not UTF-8 text (byte {error.start}); save it as UTF-8") from None


def _csv_scan(literal: str, head: bytes) -> str:
    """The CSV read with its header line's columns, all text: DuckDB sniffs no types (a bad value is a
    bad row, not a failed read) and reads the file in parallel from the start."""
    import csv

    first = head.split(b"\n", 1)[0].decode("utf-8-sig", "replace").rstrip("\r")
    delimiter = max((",", ";", "\t"), key=first.count)
    if len(head) == 4096 and b"\n" not in head:
        return f"read_csv({literal}, header = true, all_varchar = true, delim = {_sql_text(delimiter)})"
    headers = next(csv.reader([first], delimiter=delimiter), [])
    if not headers or len(set(headers)) != len(headers) or any(not h.strip() for h in headers):
        # an empty file, or names DuckDB must make unique: let it read the header itself
        return f"read_csv({literal}, header = true, all_varchar = true, delim = {_sql_text(delimiter)})"
    columns = "{" + ", ".join(f"{_sql_text(h)}: 'VARCHAR'" for h in headers) + "}"
    return (
        f"read_csv({literal}, header = true, auto_detect = false, columns = {columns}, "
        f"delim = {_sql_text(delimiter)}, quote = '\"', escape = '\"', null_padding = true)"
    )


def _xlsx(
    con: duckdb.DuckDBPyConnection, index: int, where: str, path: Path, max_bytes: int, scratch: Path
) -> ActualsSource:
    """The first sheet with rows, through the sheets package's checked reader, as a DuckDB table."""
    import csv

    from journeyctl.sheets.files import read_sheets

    sheets = [sheet for sheet in read_sheets(path, max_bytes) if sheet.rows]
    if not sheets:
        raise UsageError(f"{where}: the workbook has no rows")
    sheet = sheets[0]
    width = max(len(row) for row in sheet.rows)
    headers = [_cell_text(value) or f"column {_letter(i)}" for i, value in enumerate(sheet.rows[0])]
    headers += [f"column {_letter(i)}" for i in range(len(headers), width)]
    table = f"xlsx_{index}"
    csv_path = scratch / f"{table}.csv"
    try:
        with open(csv_path, "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["row", *headers])
            for number, row in enumerate(sheet.rows[1:], start=2):
                writer.writerow([number, *(_cell_text(value) for value in row), *[""] * (width - len(row))])
        con.execute(
            f"CREATE TEMP TABLE {table} AS SELECT * FROM read_csv({_sql_text(str(csv_path))}, header = true, "
            "all_varchar = true, delim = ',', quote = '\"', escape = '\"')"
        )
    finally:
        os.unlink(csv_path)
    return ActualsSource(index, where, "xlsx", table, sheet=sheet.name)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]  # a date cell: the day it names
    return str(value)


def _headers(con: duckdb.DuckDBPyConnection, source: ActualsSource) -> list[str]:
    import duckdb

    try:
        described = con.execute(f"DESCRIBE SELECT * FROM {source.scan}").fetchall()
    except duckdb.Error as error:
        raise UsageError(f"{source.where}: not readable as {source.kind}: {_first_line(error)}") from None
    names = [str(row[0]) for row in described]
    return names[1:] if source.kind == "xlsx" else names  # the XLSX table's first column is its row number


def _match_columns(
    source: ActualsSource, headers: list[str], mapping: dict[str, str], problems: list[ActualsProblem]
) -> dict[str, str]:
    """Our column -> the file's header: the configuration's `actuals.columns` first, else the
    column's own name in any case."""
    by_lower = {header.strip().lower(): header for header in headers}
    found = {}
    for column in COLUMNS:
        wanted = mapping.get(column, column)
        header = wanted if wanted in headers else by_lower.get(wanted.strip().lower())
        if header is not None:
            found[column] = header
        elif column in REQUIRED:
            mapped = f" (mapped to {wanted!r} in actuals.columns)" if column in mapping else ""
            problems.append(
                ActualsProblem(
                    source.row_where(1, column) if source.kind != "xlsx" else f"{source.where}:{source.sheet}!1",
                    f"missing required column {wanted!r}{mapped}{did_you_mean(wanted, headers)}; "
                    f"the file has {', '.join(map(repr, headers)) or 'no columns'}",
                )
            )
    return found


def _select(source: ActualsSource, *extra: str) -> str:
    parts = [*extra, f"{source.index} AS src"]
    for column in COLUMNS:
        header = source.headers.get(column)
        parts.append(
            f"NULLIF(CAST({_sql_name(header)} AS VARCHAR), '') AS {column}" if header else f"NULL::VARCHAR AS {column}"
        )
    return f"SELECT {', '.join(parts)} FROM {source.scan}"


def numbered(source: ActualsSource) -> str:
    """The same rows with their row number in the file (row 1 is the headers): for the error path only,
    since numbering the rows keeps DuckDB from reading the file in parallel."""
    if source.kind == "xlsx":
        return _select(source, "CAST(row AS INT) AS row")
    header = 1 if source.kind == "csv" else 0  # a JSON-lines file's row is its line; Parquet's, its row
    return f"SELECT row_number() OVER () + {header} AS row, * FROM ({_select(source)})"


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _sql_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _first_line(error: Exception) -> str:
    return printable(str(error).strip().splitlines()[0].strip() if str(error).strip() else type(error).__name__)[:200]


def remove_scratch(scratch: Path) -> None:
    shutil.rmtree(scratch, ignore_errors=True)

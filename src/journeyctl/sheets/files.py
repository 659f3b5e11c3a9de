"""Sheets as plain rows of cell values, and the CSV and XLSX files that hold them.

Reading refuses what is not a spreadsheet, or is one built to hurt (sheets/safety.py), with one
line (a UsageError); formulas are read as the values the spreadsheet program last computed,
never evaluated. Writing makes every text that could start a formula show as text.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journeyctl.paths import printable
from journeyctl.problems import UsageError
from journeyctl.sheets.layout import guard_csv, needs_text_guard, unguard_csv
from journeyctl.sheets.safety import MAX_COLUMNS, MAX_ROWS, check_csv_bytes, check_xlsx_archive

FORMATS = ("csv", "xlsx")


@dataclass
class Sheet:
    name: str  # "" for the one table of a CSV file
    rows: list[list[Any]]  # row 1 (the headers) first
    validations: dict[int, tuple[str, ...]] = field(default_factory=dict)  # column index -> allowed values (template)


def format_of(path: str | Path) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise UsageError(
            f"{printable(str(path))}: not a .csv or .xlsx file (a spreadsheet saved from another "
            "program: save it as CSV UTF-8 or as an Excel workbook .xlsx)"
        )
    return suffix


# --- writing -----------------------------------------------------------------------------------


def csv_bytes(sheet: Sheet) -> bytes:
    """UTF-8 with a byte order mark, which Excel needs to read UTF-8; CRLF line ends, as RFC 4180 has it."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    for row in sheet.rows:
        writer.writerow(
            ["" if value is None else guard_csv(value) if isinstance(value, str) else value for value in row]
        )
    return ("\ufeff" + stream.getvalue()).encode("utf-8")


def xlsx_bytes(sheets: list[Sheet]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.remove(book.worksheets[0])  # a new workbook's one empty sheet
    wrapped = Alignment(wrap_text=True, vertical="top")
    for sheet in sheets:
        worksheet = book.create_sheet(sheet.name)
        widths: dict[int, int] = {}
        for number, row in enumerate(sheet.rows, start=1):
            for index, value in enumerate(row):
                if value is None:
                    continue
                cell = worksheet.cell(number, index + 1)
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever it starts with
                    cell.quotePrefix = needs_text_guard(value)  # and stays text when someone edits it
                cell.alignment = wrapped
                longest = max((len(line) for line in str(value).splitlines()), default=0)
                widths[index] = max(widths.get(index, 0), longest)
        for cell in worksheet[1]:
            cell.font = Font(bold=True)
        worksheet.freeze_panes = "A2"
        for index, width in widths.items():
            worksheet.column_dimensions[get_column_letter(index + 1)].width = min(max(width + 2, 10), 60)
        for index, allowed in sheet.validations.items():
            validation = DataValidation(type="list", formula1='"' + ",".join(allowed) + '"', allow_blank=True)
            letter = get_column_letter(index + 1)
            validation.add(f"{letter}2:{letter}{MAX_ROWS}")
            worksheet.add_data_validation(validation)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


# --- reading -----------------------------------------------------------------------------------


def read_sheets(path: str | Path, max_bytes: int) -> list[Sheet]:
    """Every sheet of a CSV or XLSX file, as rows of values; a UsageError for anything else."""
    kind = format_of(path)
    try:
        with open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as error:
        raise UsageError(f"cannot read {printable(str(path))}: {error.strerror or error}") from None
    where = printable(str(path))
    if len(data) > max_bytes:
        raise UsageError(f"{where}: refused: the file is larger than {max_bytes} bytes (max_file_bytes)")
    if kind == "csv":
        return [Sheet("", _csv_rows(where, data))]
    return _xlsx_sheets(where, data)


def _csv_rows(where: str, data: bytes) -> list[list[Any]]:
    text = check_csv_bytes(where, data)
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows: list[list[Any]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), dialect):
            if len(rows) >= MAX_ROWS:
                raise UsageError(f"{where}: refused: more than {MAX_ROWS} rows")
            if len(row) > MAX_COLUMNS:
                raise UsageError(f"{where}:{len(rows) + 1}: refused: more than {MAX_COLUMNS} columns")
            rows.append([unguard_csv(value) for value in row])
    except csv.Error as error:
        raise UsageError(f"{where}:{len(rows) + 1}: not readable as CSV: {error}") from None
    return rows


def _xlsx_sheets(where: str, data: bytes) -> list[Sheet]:
    check_xlsx_archive(where, data)
    import warnings

    from defusedxml import DefusedXmlException
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops; we only read values
            # data_only: a formula's cached value, never the formula; read_only: streamed, row by row
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
            sheets = []
            for worksheet in book.worksheets:
                worksheet.reset_dimensions()  # a stated size of a million rows is not believed
                rows: list[list[Any]] = []
                for row in worksheet.iter_rows(values_only=True):
                    if len(rows) >= MAX_ROWS:
                        raise UsageError(f"{where}:{worksheet.title}: refused: more than {MAX_ROWS} rows")
                    if len(row) > MAX_COLUMNS and any(value is not None for value in row[MAX_COLUMNS:]):
                        raise UsageError(f"{where}:{worksheet.title}: refused: more than {MAX_COLUMNS} columns")
                    rows.append(list(row[:MAX_COLUMNS]))
                sheets.append(Sheet(worksheet.title, rows))
            book.close()
            return sheets
    except UsageError:
        raise
    except Exception as error:  # openpyxl's many ways of saying the archive is not a workbook
        if isinstance(error, DefusedXmlException) or isinstance(error.__cause__, DefusedXmlException):
            raise UsageError(
                f"{where}: refused: the workbook's XML declares entities or a document type; "
                "a spreadsheet program never writes them"
            ) from None
        raise UsageError(
            f"{where}: not a readable XLSX workbook ({type(error).__name__}: "
            f"{printable(' '.join(str(error).split())[:120])})"
        ) from None

"""What is checked before a spreadsheet parser sees a byte: XLSX is a zip archive of XML, so a
hostile file is a zip bomb, an archive of a million entries, or XML with entities.

Every refusal is a UsageError of one line. The zip's declared sizes are checked here, and
Python's zipfile holds an entry to its declared size when it is read (a lie fails its CRC).
Entities are refused twice: by a scan here and by defusedxml, which openpyxl uses when it is
installed (a dependency for that reason).
"""

from __future__ import annotations

import io
import re
import zipfile

from journeyctl.problems import UsageError

MAX_ROWS = 10_000
MAX_COLUMNS = 200
MAX_ENTRIES = 1_000
MAX_UNPACKED_BYTES = 200 * 2**20  # all entries together, as declared
MAX_RATIO = 200  # unpacked / packed, for an entry larger than RATIO_FROM_BYTES
RATIO_FROM_BYTES = 2**20
_REQUIRED = ("[Content_Types].xml", "xl/workbook.xml")
_DOCTYPE = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def check_xlsx_archive(where: str, data: bytes) -> None:
    if not data.startswith(b"PK"):
        raise UsageError(f"{where}: not an XLSX workbook (an .xlsx file is a zip archive; this one is not)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise UsageError(f"{where}: not an XLSX workbook (a broken zip archive: {error})") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise UsageError(f"{where}: refused: the archive holds {len(entries)} entries (at most {MAX_ENTRIES})")
        names = {entry.filename for entry in entries}
        if not all(name in names for name in _REQUIRED):
            raise UsageError(
                f"{where}: not an XLSX workbook (no {' or '.join(n for n in _REQUIRED if n not in names)}"
                " in the archive)"
            )
        total = 0
        for entry in entries:
            if entry.flag_bits & 0x1:
                raise UsageError(f"{where}: refused: the workbook is encrypted (save it without a password)")
            total += entry.file_size
            if total > MAX_UNPACKED_BYTES:
                raise UsageError(
                    f"{where}: refused: the archive unpacks to more than {MAX_UNPACKED_BYTES} bytes (a zip bomb?)"
                )
            if entry.file_size > RATIO_FROM_BYTES and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
                raise UsageError(
                    f"{where}: refused: {entry.filename} unpacks {entry.file_size // max(entry.compress_size, 1)}"
                    f" times its packed size (a zip bomb?)"
                )
        for entry in entries:
            if entry.filename.endswith((".xml", ".rels")) or entry.filename == "[Content_Types].xml":
                try:
                    head = archive.read(entry)
                except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as error:
                    raise UsageError(f"{where}: not a readable XLSX workbook ({entry.filename}: {error})") from None
                if _DOCTYPE.search(head):
                    raise UsageError(
                        f"{where}: refused: {entry.filename} declares a document type or entities "
                        "(entity expansion or an external entity); a spreadsheet program never writes them"
                    )


def check_csv_bytes(where: str, data: bytes) -> str:
    """CSV text, or a UsageError for a file that is not text (a workbook renamed .csv, a binary)."""
    if data.startswith(b"PK\x03\x04"):
        raise UsageError(f"{where}: this is a zip archive (an XLSX workbook?), not CSV text; name it .xlsx")
    if b"\x00" in data:
        raise UsageError(f"{where}: not CSV text (it holds NUL bytes: UTF-16, or a binary file?); save it as CSV UTF-8")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UsageError(f"{where}: not UTF-8 text (byte {error.start}); save it as CSV UTF-8") from None

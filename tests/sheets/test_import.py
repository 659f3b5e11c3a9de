"""`journeyctl import`: what it refuses, what it never overwrites, and how headers are matched."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.sheets.helpers import run
from tests.test_printed_lines import check_lines

SHEET = "Phase,Touchpoint,Channel,Owner,Customer view\nLand,Kickoff,video-call,csm,A call.\n"
CATALOG = "journeyctl: 1\nkind: catalog\nowners:\n  - id: csm\n    name: Customer Success Manager\n"


@pytest.fixture(autouse=True)
def _in_a_repository(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "catalog.yaml").write_text(CATALOG)
    (tmp_path / ".journeyctl.yaml").write_text("catalogs: [catalog.yaml]\n")
    (tmp_path / "journey.csv").write_text(SHEET)


def test_an_existing_map_is_replaced_only_with_overwrite(tmp_path):
    (tmp_path / "map.yaml").write_text("mine\n")
    result = run("import", "journey.csv", "--out", "map.yaml")
    assert result.returncode == 2 and "already exists; add --overwrite" in result.stderr
    assert (tmp_path / "map.yaml").read_text() == "mine\n"
    assert run("import", "journey.csv", "--out", "map.yaml", "--overwrite").returncode == 0
    assert "name: Kickoff" in (tmp_path / "map.yaml").read_text()


def test_nothing_is_written_on_an_error(tmp_path):
    (tmp_path / "journey.csv").write_text(SHEET.replace("video-call", "zoom"))
    result = run("import", "journey.csv", "--out", "map.yaml")
    assert result.returncode == 1 and "journey.csv:C2: error unknown channel 'zoom'" in result.stderr
    assert not (tmp_path / "map.yaml").exists() and list(tmp_path.glob(".journeyctl-*")) == []


def test_map_fields_from_options(tmp_path):
    result = run(
        "import",
        "journey.csv",
        "--out",
        "map.yaml",
        "--id",
        "first-steps",
        "--title",
        "First steps",
        "--segment",
        "smb",
        "--owner",
        "csm",
    )
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "map.yaml").read_text()
    assert "id: first-steps\ntitle: First steps\nsegment: smb\nowner: csm\n" in text


def test_an_option_names_itself_in_a_problem(tmp_path):
    result = run("import", "journey.csv", "--out", "map.yaml", "--id", "Not An Id")
    assert result.returncode == 1 and "journey.csv (--id): error" in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["--columns", "Kanal=Chanel"], "'Kanal' is mapped to 'Chanel', which is no column (did you mean 'Channel'?)"),
        (["--columns", "Kanal"], "--columns 'Kanal': expected HEADER=COLUMN"),
        (["--sheet", "Touchpoints"], "no sheet 'Touchpoints'"),
    ],
)
def test_usage_errors(args, message):
    result = run("import", "journey.csv", "--out", "map.yaml", *args)
    assert result.returncode == 2 and message in result.stderr, result.stderr


def test_an_unusual_header_is_mapped_in_the_configuration(tmp_path):
    (tmp_path / "journey.csv").write_text(SHEET.replace("Channel", "Kanal"))
    assert "unknown column 'Kanal'" in run("import", "journey.csv", "--out", "map.yaml").stderr
    (tmp_path / ".journeyctl.yaml").write_text("catalogs: [catalog.yaml]\nsheets:\n  columns: {Kanal: Channel}\n")
    assert run("import", "journey.csv", "--out", "map.yaml").returncode == 0


def test_a_mistyped_configuration_key_is_named(tmp_path):
    (tmp_path / ".journeyctl.yaml").write_text("sheets:\n  colums: {Kanal: Channel}\n")
    result = run("import", "journey.csv", "--out", "map.yaml")
    assert (
        result.returncode == 2
        and "unknown configuration key 'sheets.colums' (did you mean 'columns'?)" in result.stderr
    )


def test_a_workbook_of_several_maps_needs_sheet(tmp_path):
    (tmp_path / "a.yaml").write_text("journeyctl: 1\nkind: journey\nid: a\ntitle: A\n")
    (tmp_path / "b.yaml").write_text("journeyctl: 1\nkind: journey\nid: b\ntitle: B\nphases:\n  - id: p\n    name: P\n")
    (tmp_path / "c.yaml").write_text("journeyctl: 1\nkind: journey\nid: c\ntitle: C\nphases:\n  - id: q\n    name: Q\n")
    assert run("export", "a.yaml", "b.yaml", "c.yaml", "--out", "maps.xlsx").returncode == 0
    result = run("import", "maps.xlsx", "--out", "map.yaml")
    assert result.returncode == 2 and "3 sheets hold rows ('a', 'b', 'c'); choose one with --sheet" in result.stderr
    assert run("import", "maps.xlsx", "--sheet", "c", "--out", "map.yaml").returncode == 0
    assert "id: c\ntitle: C\n" in (tmp_path / "map.yaml").read_text()  # the Journey row of sheet c


@pytest.mark.parametrize(
    "name, message",
    [
        ("journey.txt", "not a .csv or .xlsx file"),
        ("missing.csv", "cannot read missing.csv: No such file or directory"),
    ],
)
def test_files_that_are_not_spreadsheets(tmp_path, name, message):
    (tmp_path / "journey.txt").write_text(SHEET)
    result = run("import", name, "--out", "map.yaml")
    assert result.returncode == 2 and message in result.stderr


def test_semicolons_and_a_byte_order_mark(tmp_path):
    """Excel's 'CSV UTF-8' in a European locale: a BOM, semicolons, CRLF."""
    (tmp_path / "journey.csv").write_bytes(("\ufeff" + SHEET.replace(",", ";").replace("\n", "\r\n")).encode())
    assert run("import", "journey.csv", "--out", "map.yaml").returncode == 0
    assert "customer_view: A call.\n" in (tmp_path / "map.yaml").read_text()


def test_hostile_names_and_cells_print_only_printable_lines(tmp_path):
    """A file name and cells with a newline and ::error::, ESC and BEL, as tests/test_printed_lines.py checks."""
    name = "evil\n::error::forged.csv"
    (tmp_path / name).write_text(
        "Phase,Touchpoint,Channel,Owner,\x1b]0;PWNED\x07 ::error::x\nLand,Kickoff,\x1b[2J::error::zoom,csm,x\n"
    )
    environment = dict(os.environ, GITHUB_ACTIONS="true")
    done = subprocess.run(
        [sys.executable, "-m", "journeyctl", "import", name, "--out", "map.yaml"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 1 and b"Traceback" not in done.stderr, done.stderr
    check_lines(done.stdout, "stdout")
    check_lines(done.stderr, "stderr")
    assert b"unknown column" in done.stderr and b"unknown channel" in done.stderr


PERSONA_CATALOG = CATALOG + "personas:\n  - id: champion\n    name: Dana\n  - id: admin\n    name: Sam\n"


def test_emotion_per_persona_is_one_cell_of_persona_id_colon_score(tmp_path):
    """`champion: 1; admin: -1` (labels too, one a line too) becomes the mapping, in fmt's form."""
    (tmp_path / "catalog.yaml").write_text(PERSONA_CATALOG)
    (tmp_path / "journey.csv").write_text(
        "Phase,Touchpoint,Channel,Owner,Customer view,Personas,Emotion\n"
        'Land,Kickoff,video-call,csm,A call.,"champion, admin","admin: -1; champion: +1"\n'
        'Land,Set-up,in-app,csm,Your space.,"champion, admin","champion: neutral\nadmin: very negative"\n'
        "Land,Review,meeting,csm,A look back.,champion,2\n"
    )
    result = run("import", "journey.csv", "--out", "map.yaml")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "map.yaml").read_text()
    assert "emotion:\n          champion: 1\n          admin: -1\n" in text  # in the order of the personas
    assert "emotion:\n          champion: 0\n          admin: -2\n" in text and "emotion: 2\n" in text
    assert run("fmt", "--check", "map.yaml").returncode == 0


@pytest.mark.parametrize(
    "cell, message",
    [
        ("champion 1", "journey.csv:G2: error Emotion: expected an emotion from -2 (very negative) to 2"),
        ("champion: 1; champion: 2", "journey.csv:G2: error Emotion: persona 'champion' has two emotions in this cell"),
        ("champion: 5", "journey.csv:G2: error the emotion of 'champion', 5, is out of range: allowed -2 to 2"),
        ("Champion: 1", "journey.csv:G2: error persona id 'Champion' in emotion may contain only lowercase"),
        ("champoin: 1", "unknown persona 'champoin' (did you mean 'champion'?)"),
        ("champion: 1; admin: 0", "emotion for persona 'admin', who is not a persona of touchpoint 'kickoff'"),
        ("{'champion': 1}", "journey.csv:G2: error Emotion: expected an emotion"),
    ],
)
def test_a_wrong_emotion_cell_is_located_and_nothing_is_written(tmp_path, cell, message):
    (tmp_path / "catalog.yaml").write_text(PERSONA_CATALOG)
    (tmp_path / "journey.csv").write_text(
        f'Phase,Touchpoint,Channel,Owner,Customer view,Personas,Emotion\nLand,Kickoff,video-call,csm,A call.,champion,"{cell}"\n'
    )
    result = run("import", "journey.csv", "--out", "map.yaml")
    assert result.returncode == 1 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "map.yaml").exists()

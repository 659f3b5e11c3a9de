"""Import cases kept as data: tests/sheets/cases/NAME/ holds journey.xlsx or journey.csv (made by
make_cases.py), optionally .journeyctl.yaml and `args` (more options, one a line), and `expected`:
the exit status on its first line (`exit 2`), then exactly what import prints on stderr; and
`expected.yaml` when a map is written: the map, but for its first line (the schema line names
this installation). JOURNEYCTL_UPDATE_CASES=1 rewrites them from what import does now (review the diff).

Each runs in a fresh process in a copy of its folder, so a hang would stop at the timeout and a
traceback would show in stderr; nothing may be written unless the case exits 0 (or --force).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.sheets.helpers import CASES, journeyctl

CASE_FOLDERS = sorted(path.parent for path in CASES.glob("*/journey.*"))


@pytest.mark.parametrize("case", CASE_FOLDERS, ids=lambda path: path.name)
def test_import_case(case: Path, tmp_path):
    folder = tmp_path / case.name
    shutil.copytree(case, folder)
    source = next(path.name for path in folder.iterdir() if path.stem == "journey")
    args = (folder / "args").read_text().split("\n") if (folder / "args").exists() else []
    result = journeyctl("import", source, "--out", "out.yaml", *[arg for arg in args if arg], cwd=folder)
    if os.environ.get("JOURNEYCTL_UPDATE_CASES"):
        (case / "expected").write_text(f"exit {result.returncode}\n{result.stderr}", encoding="utf-8")
        if (folder / "out.yaml").exists():
            (case / "expected.yaml").write_text(
                (folder / "out.yaml").read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8"
            )
    expected = (
        (folder / "expected").read_text(encoding="utf-8")
        if not os.environ.get("JOURNEYCTL_UPDATE_CASES")
        else (case / "expected").read_text(encoding="utf-8")
    )
    status, lines = expected.split("\n", 1)
    assert f"exit {result.returncode}" == status, result.stderr
    assert result.stderr == lines
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert (folder / "out.yaml").exists() == (result.returncode == 0 or "--force" in args)
    if (case / "expected.yaml").exists():
        first, written = (folder / "out.yaml").read_text(encoding="utf-8").split("\n", 1)
        assert first.startswith("# yaml-language-server: $schema=")
        assert written == (case / "expected.yaml").read_text(encoding="utf-8")


def test_every_case_has_its_input():
    assert CASE_FOLDERS, "no cases found"
    for case in CASE_FOLDERS:
        assert any(path.stem == "journey" for path in case.iterdir()), case

"""Bad actuals kept as data: every file in cases/ beside a NAME.expected holding the lines that
`journeyctl measure maps --actuals FILE` must print on standard error, and nothing else.

A refusal (`journeyctl: error: ...`, one line) exits 2; located problems of bad rows exit 1.
Adding a case adds two files."""

from __future__ import annotations

import json

import pytest

from tests.measure.helpers import CASES, journeyctl

CASE_FILES = sorted(
    path
    for path in CASES.iterdir()
    if path.is_file() and path.suffix != ".expected" and path.with_suffix(".expected").exists()
)


def test_every_expected_file_has_its_case():
    stems = {path.stem for path in CASE_FILES}
    orphans = [path.name for path in CASES.glob("*.expected") if path.stem not in stems]
    assert not orphans


@pytest.mark.parametrize("case", CASE_FILES, ids=lambda path: path.name)
def test_case(case):
    expected = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    done = journeyctl("measure", "maps", "--actuals", case.name, "--format", "json")
    assert done.stderr.splitlines() == expected
    refused = expected[0].startswith("journeyctl: error:")
    assert done.returncode == (2 if refused else 1), done.stderr
    if refused:
        assert done.stdout == ""  # nothing half written
    else:
        assert "Traceback" not in done.stderr
        json.loads(done.stdout)  # the good rows are still measured

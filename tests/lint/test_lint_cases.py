"""Lint cases as data, through the whole lint run (rules, suppressions, workspace checks): each
folder under tests/lint/cases/ holds map files and an `expected` file in the format of
tests/test_cases.py. Adding a case is adding a folder."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from journeyctl.config import load_config
from journeyctl.lint.engine import make_settings, run_lint
from tests.test_cases import _read_expected

CASES = Path(__file__).resolve().parent / "cases"
TODAY = date(2026, 11, 25)


@pytest.mark.parametrize("case", sorted(path for path in CASES.iterdir() if path.is_dir()), ids=lambda path: path.name)
def test_lint_case_reports_exactly_its_problems(case: Path, tmp_path: Path, monkeypatch):
    expected, options = _read_expected(case / "expected")
    repo = tmp_path / case.name
    shutil.copytree(case, repo, ignore=shutil.ignore_patterns("expected"))
    (repo / ".git").mkdir()  # the configuration search stops here, not at this repository's
    monkeypatch.chdir(repo)
    monkeypatch.delenv("JOURNEYCTL_CONFIG", raising=False)
    problems = run_lint(options.get("paths", ["."]), make_settings(load_config(None), TODAY)).problems
    described = "\n".join(f"{p.path}:{p.line}:{p.column} {p.code} {p.message}" for p in problems)
    unmatched = [item for item in expected if not any(item.matches(p, case) for p in problems)]
    assert not unmatched, f"expected problems not reported: {unmatched}\nreported:\n{described}"
    assert len(problems) == len(expected), f"unexpected extra problems:\n{described}"

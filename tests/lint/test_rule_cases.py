"""Rule cases as data, as sqlfluff keeps them: tests/lint/rule_cases/<CODE>.yaml holds passing and
failing snippets of one rule and the problems each must report. Adding a case is adding a snippet.

A case file is `rule: CODE` and `cases:`, a list of

    - name: what-it-shows
      map: |          # the map linted, as maps/map.yaml
        journeyctl: 1
        ...
      files: {}       # optional: more files beside it, by name (a catalog); linted with it
      config: {}      # optional: the run's .journeyctl.yaml (deny_words, internal_hosts, ...)
      expected:       # the rule's problems, exactly: [] for a passing snippet
        - {line: 7, message: "a fragment of the message"}   # file: name.yaml when not the map

Only the rule's own problems are compared; a snippet must be a well-formed map (no JC0xx or
JC1xx problem) unless the rule is about that. Whole-run cases with several files, suppressions
and baselines are folders under tests/lint/cases/.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from journeyctl.config import load_config
from journeyctl.lint.engine import make_settings, run_lint
from journeyctl.lint.registry import RULES

CASES = Path(__file__).resolve().parent / "rule_cases"
TODAY = date(2026, 11, 25)


def _case_files() -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text()) for path in sorted(CASES.glob("*.yaml"))}


CASE_FILES = _case_files()


def _cases():
    for code, data in CASE_FILES.items():
        for case in data["cases"]:
            yield pytest.param(code, case, id=f"{code}-{case['name']}")


@pytest.mark.parametrize("code, case", list(_cases()))
def test_rule_case(code, case, tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()  # the configuration search stops here, not at this repository's
    (tmp_path / ".journeyctl.yaml").write_text(yaml.safe_dump(case.get("config") or {}))
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "map.yaml").write_text(case["map"])
    for name, text in (case.get("files") or {}).items():
        (maps / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    problems = run_lint(["maps"], make_settings(load_config(None), TODAY)).problems
    broken = [f"{p.path}:{p.line} {p.code} {p.message}" for p in problems if p.code < "JC200" and p.code != code]
    assert not broken, f"the snippet is not a well-formed map: {broken}"
    found = sorted((Path(p.path).name, p.line, p.message) for p in problems if p.code == code)
    expected = case["expected"] or []
    described = "\n".join(f"{name}:{line} {message}" for name, line, message in found)
    for item in expected:
        where = (item.get("file", "map.yaml"), item["line"])
        assert any((name, line) == where and item["message"] in message for name, line, message in found), (
            f"expected {code} at {where[0]}:{where[1]} with {item['message']!r}; reported:\n{described or 'nothing'}"
        )
    assert len(found) == len(expected), f"{code} reported other problems too:\n{described}"


def test_case_files_are_named_by_their_rule():
    for code, data in CASE_FILES.items():
        assert data["rule"] == code and code in RULES, code


def test_every_map_rule_has_two_failing_and_two_passing_cases():
    for code in RULES:
        if not code.startswith("JC2"):
            continue
        cases = CASE_FILES.get(code, {"cases": []})["cases"]
        failing = sum(1 for case in cases if case["expected"])
        passing = sum(1 for case in cases if not case["expected"])
        assert failing >= 2 and passing >= 2, (
            f"{code}: {failing} failing, {passing} passing cases in tests/lint/rule_cases/"
        )

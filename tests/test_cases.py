"""Cases as data: tests/cases/valid/* lint clean; each tests/cases/invalid/<case> names its problems.

An invalid case is a file `<case>.yaml` with `<case>.expected` beside it, or a folder `<case>/`
with a file `expected`. Each expected line is `[file:]line[:column] CODE message-fragment`; an
optional line `args: --max-file-bytes N` passes that option to lint, and in a folder case
`args: --paths FILE...` lints only those files of it. Adding a case is adding files.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest

from journeyctl.loading import load_workspace
from journeyctl.loading.source import DEFAULT_MAX_BYTES

CASES = Path(__file__).resolve().parent / "cases"
_EXPECTED_LINE = re.compile(
    r"^(?:(?P<file>[^:\s]+\.ya?ml):)?(?P<line>\d+)(?::(?P<column>\d+))? (?P<code>JC\d+) (?P<fragment>.+)$"
)


@dataclass
class Expected:
    file: str | None
    line: int
    column: int | None
    code: str
    fragment: str

    def matches(self, problem, case_path: Path) -> bool:
        return (
            (self.file is None or Path(problem.path).name == self.file)
            and problem.line == self.line
            and (self.column is None or problem.column == self.column)
            and problem.code == self.code
            and self.fragment in problem.message
        )


def _read_expected(path: Path) -> tuple[list[Expected], dict]:
    expected, options = [], {}
    for raw in path.read_text().splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith("args:"):
            words = shlex.split(raw[len("args:") :])
            if words[0] == "--paths":  # a folder case that lints only these of its files
                options["paths"] = words[1:]
                continue
            assert words[0] == "--max-file-bytes", f"unknown case option {words[0]}"
            options["max_bytes"] = int(words[1])
            continue
        match = _EXPECTED_LINE.match(raw)
        assert match, f"{path}: cannot read expected line {raw!r}"
        expected.append(
            Expected(
                match["file"],
                int(match["line"]),
                int(match["column"]) if match["column"] else None,
                match["code"],
                match["fragment"],
            )
        )
    return expected, options


def _invalid_cases():
    for path in sorted((CASES / "invalid").iterdir()):
        if path.is_dir():
            yield pytest.param(path, path / "expected", id=path.name)
        elif path.suffix in (".yaml", ".yml"):
            yield pytest.param(path, path.with_suffix(".expected"), id=path.stem)


@pytest.mark.parametrize("case, expected_file", list(_invalid_cases()))
def test_invalid_case_reports_exactly_its_problems(case: Path, expected_file: Path, monkeypatch):
    expected, options = _read_expected(expected_file)
    if case.is_dir():
        monkeypatch.chdir(case)
        workspace = load_workspace(options.get("paths", ["."]), max_bytes=options.get("max_bytes", DEFAULT_MAX_BYTES))
    else:
        workspace = load_workspace([str(case)], max_bytes=options.get("max_bytes", DEFAULT_MAX_BYTES))
    problems = list(workspace.problems)
    described = "\n".join(f"{p.path}:{p.line}:{p.column} {p.code} {p.message}" for p in problems)
    unmatched = [item for item in expected if not any(item.matches(p, case) for p in problems)]
    assert not unmatched, f"expected problems not reported: {unmatched}\nreported:\n{described}"
    assert len(problems) == len(expected), f"unexpected extra problems:\n{described}"


@pytest.mark.parametrize("case", sorted((CASES / "valid").glob("*.yaml")), ids=lambda path: path.stem)
def test_valid_case_has_no_problems(case: Path):
    workspace = load_workspace([str(case)])
    assert workspace.problems == []
    assert len(workspace.maps) == 1


def test_every_invalid_case_has_expectations():
    for path in (CASES / "invalid").iterdir():
        if path.suffix in (".yaml", ".yml"):
            assert path.with_suffix(".expected").exists(), f"{path.name} has no .expected file"
        elif path.is_dir():
            assert (path / "expected").exists(), f"{path.name}/ has no expected file"

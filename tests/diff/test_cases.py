"""Diff cases as data: each tests/diff/cases/<case>/ holds the two versions and what must come out.

A case is `old.yaml` + `new.yaml` (two files) or `old/` + `new/` (two folders), and
`expected.yaml`:

    options: {order: true, rename_threshold: 0.8}   # optional
    changes:                                        # exactly these, in any order
      - {kind: moved, path: phases/adopt/touchpoints/kickoff, old: land, new: adopt}
    problems:                                       # optional: `file:line:col CODE message-fragment`
      - new.yaml:88:9 JC010 unknown field

Each expected change names `kind` and `path`; every other key it gives (map, old, new,
customer_facing, moment_that_matters, line) must match too. `headlines:` (optional) lists how
the text and markdown formats name every change (`catalog added`), in any order. Adding a case
is adding files.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from journeyctl.diff.compare import Options
from journeyctl.diff.engine import run_diff
from journeyctl.diff.formats.words import headline
from journeyctl.diff.operands import collect

CASES = Path(__file__).resolve().parent / "cases"


def _cases():
    return [pytest.param(path, id=path.name) for path in sorted(CASES.iterdir()) if (path / "expected.yaml").exists()]


def _operands(case: Path) -> tuple[str, str]:
    if (case / "old.yaml").exists():
        return str(case / "old.yaml"), str(case / "new.yaml")
    return str(case / "old"), str(case / "new")


def _matches(expected: dict, actual: dict) -> bool:
    return all(actual.get(key) == value for key, value in expected.items())


@pytest.mark.parametrize("case", _cases())
def test_case_gives_exactly_its_changes(case: Path):
    spec = YAML(typ="safe", pure=True).load((case / "expected.yaml").read_text())
    options = Options(**spec.get("options", {}))
    result = run_diff(collect(_operands(case)), options=options)
    actual = [change.to_json() for change in result.changes]
    shown = "\n".join(f"  {item}" for item in actual)

    unmatched = [item for item in spec["changes"] if not any(_matches(item, found) for found in actual)]
    assert not unmatched, f"expected changes not found: {unmatched}\ngot:\n{shown}"
    assert len(actual) == len(spec["changes"]), f"unexpected extra changes:\n{shown}"
    if "headlines" in spec:
        assert sorted(headline(change) for change in result.changes) == sorted(spec["headlines"])

    problems = [f"{Path(p.path).name}:{p.line}:{p.column} {p.code} {p.message}" for p in result.problems]
    expected_problems = spec.get("problems", [])
    for fragment in expected_problems:
        location, code, message = fragment.split(" ", 2)
        assert any(p.startswith(f"{location} {code} {message}") for p in problems), (fragment, problems)
    assert len(problems) == len(expected_problems), problems


def test_every_case_folder_is_complete():
    for case in CASES.iterdir():
        assert (case / "expected.yaml").exists(), f"{case.name} has no expected.yaml"
        old, new = _operands(case)
        assert Path(old).exists() and Path(new).exists(), f"{case.name} needs old and new"


@pytest.mark.parametrize("case", _cases())
def test_reversed_case_mirrors_the_changes(case: Path):
    """Swapping the two versions swaps added/removed and old/new: the matching has no favourite side."""
    spec = YAML(typ="safe", pure=True).load((case / "expected.yaml").read_text())
    if spec.get("problems") or spec.get("options", {}).get("order"):
        pytest.skip("an invalid side, or a swap in order, has no single mirror image")
    old, new = _operands(case)
    forward = run_diff(collect([old, new])).changes
    backward = run_diff(collect([new, old])).changes
    flip = {"added": "removed", "removed": "added"}
    # whether customers see a change does not depend on which side is older
    assert sorted((flip.get(c.kind, c.kind), repr(c.old), repr(c.new), c.customer_facing) for c in forward) == sorted(
        (c.kind, repr(c.new), repr(c.old), c.customer_facing) for c in backward
    )

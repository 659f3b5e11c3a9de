"""Each rule's documented examples are tests: the 'Fails' example fails it, the 'Passes' one does not.

Together with tests/cases/invalid (the loader rules' hostile files) this gives every rule a
passing and a failing case, and keeps the documentation true.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli.app import app
from journeyctl.config import Config
from journeyctl.fmt.run import Mode, format_paths
from journeyctl.lint.docs import rules_page
from journeyctl.lint.engine import make_settings, run_lint
from journeyctl.lint.registry import RULE_MODULES, RULES

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 25)
# JC001's failing file is not UTF-8, which a docstring cannot hold; tests/cases/invalid/not-utf8.yaml is its case.
# JC302's examples are baseline files, exercised by the baseline tests in test_configuration.py.
NOT_YAML_EXAMPLES = {"JC001": "fails", "JC302": "both"}


def _lint_example(tmp_path: Path, rule, text: str) -> list:
    folder = tmp_path / rule.code
    folder.mkdir()
    example = folder / "example.yaml"
    example.write_text(text)
    if rule.scope == "fmt":  # reported by `journeyctl fmt`, on top of what lint reports
        lint = run_lint([str(example)], make_settings(Config(), TODAY)).problems
        return lint + format_paths([str(example)], Mode.CHECK).problems
    # JC006 is about files found in a folder of maps; everything else is linted as a named file.
    target = example
    if rule.code == "JC006":
        (folder / "catalog.yaml").write_text("journeyctl: 1\nkind: catalog\n")
        target = folder
    return run_lint([str(target)], make_settings(Config(), TODAY)).problems


def _cases():
    for rule in RULES.values():
        for label in ("fails", "passes"):
            skip = NOT_YAML_EXAMPLES.get(rule.code)
            if skip in (label, "both"):
                continue
            yield pytest.param(rule.code, label, id=f"{rule.code}-{label}")


@pytest.mark.parametrize("code, label", list(_cases()))
def test_documented_example(tmp_path, code, label):
    rule = RULES[code]
    examples = rule.examples()
    assert label in examples, f"{code} has no '{label.title()}:' example"
    problems = _lint_example(tmp_path, rule, examples[label])
    found = [problem for problem in problems if problem.code == code]
    # An example must be a well-formed map apart from what it shows, or it proves nothing.
    broken = [p for p in problems if p.code != code and p.code < "JC200" and p.code != "JC006"]
    assert not broken, f"{code}'s {label} example is broken: {[p.message for p in broken]}"
    if label == "fails":
        assert found, f"{code}'s failing example does not fail it"
    else:
        assert not found, f"{code}'s passing example fails it: {[p.message for p in found]}"


def test_every_rule_has_docs_with_why_and_both_examples():
    for rule in RULES.values():
        assert "Why it matters" in rule.doc, rule.code
        assert set(rule.examples()) == {"fails", "passes"}, rule.code


def test_every_rule_module_is_registered_under_its_own_code():
    modules = {path.stem for path in (ROOT / "src" / "journeyctl" / "lint" / "rules").glob("jc*.py")}
    assert modules == set(RULE_MODULES)
    assert sorted(name[:5].upper() for name in RULE_MODULES) == sorted(RULES)


def test_rules_page_is_current():
    committed = (ROOT / "docs" / "rules.md").read_text()
    assert committed == rules_page(), "docs/rules.md is stale: run `journeyctl rules --markdown > docs/rules.md`"


def test_rules_command_lists_and_explains():
    runner = CliRunner()
    listing = runner.invoke(app, ["rules"])
    assert listing.exit_code == 0
    assert len(listing.output.splitlines()) == len(RULES)
    by_code = runner.invoke(app, ["rules", "JC203"])
    by_name = runner.invoke(app, ["rules", "missing-customer-view"])
    assert by_code.exit_code == 0 and by_code.output == by_name.output
    assert "## JC203 missing-customer-view" in by_code.output and "```yaml" in by_code.output
    unknown = runner.invoke(app, ["rules", "JC999"])
    assert unknown.exit_code == 2


@pytest.mark.parametrize(
    "typed, suggested",
    [("persona-coverage", "persona-coverage-gap"), ("JC2O9", "JC209"), ("Missing-Customer", "missing-customer-view")],
)
def test_an_unknown_rule_suggests_the_nearest(typed, suggested):
    result = CliRunner().invoke(app, ["rules", typed])
    assert result.exit_code == 2
    assert f"(did you mean {suggested!r}?)" in result.output

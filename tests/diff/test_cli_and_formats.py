"""The diff command as a user meets it: exit statuses, problems, formats, and the markdown budget."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyctl.cli.app import app
from journeyctl.diff.engine import run_diff
from journeyctl.diff.formats.markdown import MARKER, render_markdown
from journeyctl.diff.model import Change
from journeyctl.diff.operands import collect
from journeyctl.loading.source import parse
from journeyctl.problems import Check, Problem, Span

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).resolve().parent / "cases"
runner = CliRunner()


def case(name: str) -> list[str]:
    return [str(CASES / name / "old.yaml"), str(CASES / name / "new.yaml")]


@pytest.mark.parametrize(
    "name, options, status",
    [
        ("field-change", [], 0),
        ("field-change", ["--exit-code"], 1),
        ("reformat-only", ["--exit-code"], 0),
        ("internal-only", ["--fail-on", "customer-facing"], 0),
        ("field-change", ["--fail-on", "customer-facing"], 1),
        ("internal-only", ["--fail-on", "any"], 1),
        ("reformat-only", ["--fail-on", "any"], 0),
        ("invalid-new-side", [], 1),
    ],
)
def test_exit_status(name, options, status):
    result = runner.invoke(app, ["diff", *options, *case(name)])
    assert result.exit_code == status, result.output


def test_invalid_map_is_a_located_problem_not_a_traceback():
    result = runner.invoke(app, ["diff", *case("invalid-new-side")])
    new = CASES / "invalid-new-side" / "new.yaml"
    assert f"{new}:90:9: error unknown field 'timming' (did you mean 'timing'?) [JC010 unknown-field]" in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_markdown_comment_says_which_files_could_not_be_compared():
    result = runner.invoke(app, ["diff", "--format", "markdown", *case("invalid-new-side")])
    assert result.exit_code == 1
    comment = result.stdout
    assert "⚠️ **1 file could not be compared**" in comment
    assert "unknown field 'timming' (did you mean 'timing'?)" in comment
    assert "No changes to journey maps." not in comment


@pytest.mark.parametrize(
    "args, fragment",
    [
        ([str(CASES / "rename" / "old.yaml")], "give exactly two"),
        ([str(CASES / "rename" / "old.yaml"), "no/such.yaml"], "no such file or folder: no/such.yaml"),
        ([str(CASES / "rename" / "old.yaml"), str(CASES / "catalog-folder" / "new")], "a file with a file"),
        ([], "nothing to compare"),
        (["--format", "xml", *case("rename")], "Invalid value"),
    ],
)
def test_usage_errors_exit_2(args, fragment):
    result = runner.invoke(app, ["diff", *args])
    assert result.exit_code == 2
    assert fragment in result.output


def test_json_has_the_documented_keys():
    result = runner.invoke(app, ["diff", "--format", "json", *case("move-between-phases")])
    [change] = json.loads(result.stdout)
    assert set(change) == {
        "map",
        "kind",
        "path",
        "old",
        "new",
        "customer_facing",
        "moment_that_matters",
        "line",
        "file",
    }
    assert change["kind"] == "moved" and change["line"] == 61


def test_text_groups_by_map_and_phase():
    result = runner.invoke(app, ["diff", *case("added-phase")], env={"NO_COLOR": "1"})
    lines = result.stdout.splitlines()
    assert lines[0].startswith("onboarding ")
    assert lines[1] == "  phase expand"
    assert lines[2].startswith("    + phase expand added (Expand)  customer-facing")
    assert lines[-1] == "2 changes in 1 map: 2 customer-facing, 0 internal"


def test_rename_threshold_from_the_option_and_the_config(tmp_path: Path, monkeypatch):
    below = case("rename-below-threshold")
    kinds = lambda output: {item["kind"] for item in json.loads(output)}  # noqa: E731
    assert kinds(runner.invoke(app, ["diff", "-f", "json", *below]).stdout) == {"added", "removed"}
    assert "renamed" in kinds(runner.invoke(app, ["diff", "-f", "json", "--rename-threshold", "0.1", *below]).stdout)
    config = tmp_path / "journeyctl.yaml"
    config.write_text("diff:\n  rename_threshold: 0.1\n")
    assert "renamed" in kinds(runner.invoke(app, ["diff", "-f", "json", "--config", str(config), *below]).stdout)


# --- markdown ----------------------------------------------------------------------------


def test_markdown_puts_the_marker_summary_and_customer_facing_changes_first():
    changes = run_diff(
        collect([str(CASES / "internal-only" / "new.yaml"), str(CASES / "field-change" / "new.yaml")])
    ).changes
    text = render_markdown(changes)
    lines = text.splitlines()
    assert lines[0] == MARKER
    assert lines[3].startswith("**8 changes in 1 map: 1 customer-facing, 7 internal")
    assert text.index("#### Customer-facing (1)") < text.index("<summary>Internal changes (7)</summary>")
    assert text.count("<details>") == text.count("</details>")


def test_markdown_keeps_hostile_text_inert():
    nasty = "</details> <script>x</script> @everyone ``` `tick` | pipe"
    change = Change(
        map="m",
        kind="changed",
        path="phases/p/touchpoints/t/customer_view",
        old="old",
        new=nasty,
        customer_facing=True,
        line=3,
        file="m.yaml",
    )
    renamed = Change(
        map="m", kind="renamed", path="phases/p/touchpoints/a`b", old="x", new="a`b", line=3, file="m.yaml"
    )
    text = render_markdown([change, renamed])
    fenced = text.split("````diff\n", 1)[1].split("\n````", 1)[0]  # fence longer than the ``` in the value
    assert nasty in fenced
    outside = text.replace(fenced, "")
    assert outside.count("</details>") == outside.count("<details>")
    assert "@everyone" not in outside and "<script>" not in outside
    assert "``a`b``" in text


def test_markdown_stays_under_githubs_limit():
    changes = [
        Change(
            map="big-map",
            kind="changed",
            path=f"phases/p/touchpoints/t{i}/customer_view",
            old="x" * 900,
            new="y" * 900,
            customer_facing=i % 2 == 0,
            line=i,
            file="big.yaml",
        )
        for i in range(3000)
    ]
    text = render_markdown(changes)
    assert len(text) < 65_536
    assert text.startswith(MARKER)
    assert "more (the comment size limit)" in text
    assert text.count("<details>") == text.count("</details>")


# --- reformatting is never a change ------------------------------------------------------


def _flow_yaml(value) -> str:
    """An independent re-serialisation: one line of flow style, keys reversed, every string double-quoted."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(key)}: {_flow_yaml(value[key])}" for key in reversed(list(value))) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow_yaml(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, date):
        return value.isoformat()  # a date stays a date: unquoted
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(value)


EXAMPLES = sorted((ROOT / "tests" / "cases" / "valid").glob("*.yaml")) + sorted((ROOT / "maps").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_reformatted_example_gives_no_change(path: Path, tmp_path: Path):
    source = parse(str(path), path.read_text("utf-8"))
    reformatted = tmp_path / path.name
    reformatted.write_text("# reformatted\n" + _flow_yaml(source.data) + "\n")
    result = run_diff(collect([str(path), str(reformatted)]))
    assert result.problems == []
    assert result.changes == []


def test_text_shows_the_words_that_changed_in_long_text():
    from journeyctl.diff.formats.words import changed_pair

    old = "If setup stalls, you get a short email pointing to the step where you stopped, with a 15-minute session."
    new = "If setup stalls, you get a short email pointing to the step where you stopped, with a 30-minute session."
    assert changed_pair(old, new) == ('"…with a 15-minute session."', '"…with a 30-minute session."')
    assert changed_pair("short", "text") == ('"short"', '"text"')


def test_markdown_shows_a_whitespace_only_change():
    change = Change(
        map="m",
        kind="changed",
        path="phases/p/touchpoints/t/customer_view",
        old="a line\n",
        new="a line",
        customer_facing=True,
        line=3,
        file="m.yaml",
    )
    text = render_markdown([change])  # wrapping makes both one line "a line": show the exact values
    assert '- "a line\\n"' in text and '+ "a line"' in text


def test_text_output_shows_control_characters_instead_of_sending_them(tmp_path):
    head = "journeyctl: 1\nkind: journey\nid: esc\ntitle: E\nphases:\n  - id: land\n    name: Land\n"
    (tmp_path / "old.yaml").write_text(head)
    (tmp_path / "new.yaml").write_text(
        head + '  - id: "x\\e[2Jred"\n    name: "\\e]8;;https://evil.example/\\e\\\\click"\n'
    )
    result = runner.invoke(app, ["diff", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml")])
    assert "\x1b" not in result.stdout
    assert "+ phase x\\x1b[2Jred added (\\x1b]8;;https://evil.example/\\x1b\\click)" in result.stdout


def test_the_comment_stays_under_githubs_limit_with_huge_problem_messages():
    problems = [
        Problem(
            f"maps/m{i}.yaml", Span(1, 1, 1, 1), Check("JC012", "invalid-value"), f"unknown channel {'x' * 100_000!r}"
        )
        for i in range(12)
    ]
    comment = render_markdown([], problems=problems)
    assert len(comment) < 10_000 and "… and 2 more" in comment


def test_a_changed_account_is_said_to_be_not_compared_and_fails(tmp_path):
    """diff compares journeys and catalogs; an account's change must not read as "No changes"."""
    account = ROOT / "examples" / "accounts" / "acme.yaml"
    changed = tmp_path / "acme.yaml"
    changed.write_text(account.read_text(encoding="utf-8").replace("Priya Raman", "Priya R."), encoding="utf-8")
    result = runner.invoke(app, ["diff", str(account), str(changed)])
    assert result.exit_code == 1, result.output
    assert "an account file (kind: account)" in result.output and "[JC006 skipped-file]" in result.output
    assert "No changes to journey maps." not in result.output

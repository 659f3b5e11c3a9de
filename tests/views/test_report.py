"""`journeyctl report coverage|owners|cadence`, run as users run it (the installed script), with
its figures recomputed independently from the maps' YAML (PyYAML, not journeyctl's loader)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).with_name("journeyctl")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The example maps with this repository's configuration, in a repository of their own."""
    shutil.copytree(ROOT / "maps", tmp_path / "maps")
    shutil.copy(ROOT / ".journeyctl.yaml", tmp_path / ".journeyctl.yaml")
    (tmp_path / ".git").mkdir()
    return tmp_path


def journeys() -> list[dict]:
    found = []
    for path in sorted((ROOT / "maps").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("kind") == "journey":
            found.append(data)
    return found


def first_day(when: dict, term: int) -> int:
    """The first day of a `when`, read as docs/format.md says."""
    if "day" in when:
        return when["day"]
    if "before_renewal" in when:
        return term - when["before_renewal"]
    return when.get("from", 0)


def test_coverage_json_counts_are_the_ones_the_yaml_gives(repo):
    done = run("report", "coverage", "maps/", "--format", "json", cwd=repo)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["view"] == "coverage" and report["internal"] is True
    by_id = {item["id"]: item for item in report["maps"]}
    expected_maps = journeys()
    assert sorted(by_id) == sorted(data["id"] for data in expected_maps)
    for data in expected_maps:
        personas = [persona["id"] for persona in data.get("personas", [])]
        for phase in data["phases"]:
            for touchpoint in phase.get("touchpoints", []):
                personas += [p for p in touchpoint.get("personas", []) if p not in personas]
        counts = {
            persona: {
                phase["id"]: sum(persona in tp.get("personas", []) for tp in phase.get("touchpoints", []))
                for phase in data["phases"]
            }
            for persona in dict.fromkeys(personas)
        }
        assert by_id[data["id"]]["counts"] == counts, data["id"]
        empty = [[persona, phase] for persona, row in counts.items() for phase, count in row.items() if not count]
        assert by_id[data["id"]]["empty_cells"] == empty
        for phase, reported in zip(data["phases"], by_id[data["id"]]["phases"], strict=True):
            channels = [tp["channel"] for tp in phase.get("touchpoints", [])]
            assert reported["channels"] == {channel: channels.count(channel) for channel in set(channels)}
    assert report["summary"]["touchpoints"] == sum(
        len(phase.get("touchpoints", [])) for data in expected_maps for phase in data["phases"]
    )


def test_owners_csm_lists_exactly_csms_touchpoints_in_day_order(repo):
    expected = []
    for data in journeys():
        term = data.get("term_days", 365)
        for phase in data["phases"]:
            for touchpoint in phase.get("touchpoints", []):
                if touchpoint["owner"] == "csm":
                    expected.append((first_day(touchpoint["when"], term), data["id"], touchpoint["id"]))
    assert len(expected) >= 10
    done = run("report", "owners", "--owner", "csm", "maps/", "--format", "json", cwd=repo)
    assert done.returncode == 0, done.stderr
    [owner] = json.loads(done.stdout)["owners"]
    listed = [(item["day"], item["map"], item["touchpoint"]) for item in owner["touchpoints"]]
    assert sorted(listed) == sorted(expected), "exactly csm's touchpoints"
    assert [day for day, _, _ in listed] == sorted(day for day, _, _ in expected), "in day order"

    text = run("report", "owners", "--owner", "csm", "maps/", cwd=repo).stdout
    names = {tp["id"]: tp["name"] for data in journeys() for ph in data["phases"] for tp in ph.get("touchpoints", [])}
    positions = [text.index(names[touchpoint]) for _, _, touchpoint in listed]
    assert positions == sorted(positions), "the text runbook is in day order too"
    assert "Internal view" in text.splitlines()[2]
    others = {tp["id"] for data in journeys() for ph in data["phases"] for tp in ph["touchpoints"]}
    others -= {touchpoint for _, _, touchpoint in expected}
    assert not [name for tid, name in names.items() if tid in others and f"  {name}  " in text]


def test_an_unknown_owner_is_a_usage_error_with_a_suggestion(repo):
    done = run("report", "owners", "--owner", "cms", "maps/", cwd=repo)
    assert done.returncode == 2 and done.stdout == ""
    assert "unknown owner 'cms' (did you mean 'csm'?)" in done.stderr and "Traceback" not in done.stderr
    done = run("report", "coverage", "--owner", "csm", "maps/", cwd=repo)
    assert done.returncode == 2 and "--owner is for `journeyctl report owners`" in done.stderr


@pytest.mark.parametrize("view", ["coverage", "owners", "cadence"])
@pytest.mark.parametrize(
    "fmt, notice",
    [
        ("text", "Internal view"),
        ("markdown", "> Internal view"),
        ("html", "<strong>Internal:</strong>"),
        ("json", '"internal": true'),
    ],
)
def test_every_view_in_every_format_says_it_is_internal_and_writes_a_file(repo, view, fmt, notice):
    shown = run("report", view, "maps/", "--format", fmt, cwd=repo)
    assert shown.returncode == 0, shown.stderr
    body = shown.stdout[shown.stdout.find("<body") :] if fmt == "html" else shown.stdout
    assert notice in body[:1000], "the notice comes first"
    written = run("report", view, "maps/", "--format", fmt, "--out", "reports/out", cwd=repo)
    assert written.returncode == 0 and written.stdout == ""
    assert (repo / "reports" / "out").read_text(encoding="utf-8") == shown.stdout
    if fmt == "html":
        assert "<script" not in shown.stdout and "Content-Security-Policy" in shown.stdout


def test_cadence_agrees_with_the_lint_rules(repo):
    """The report's crowded stretches and silences are the ones JC235 and JC236 report (one definition)."""
    (repo / ".journeyctl.yaml").write_text("catalogs: [maps/catalog.yaml]\n")  # the defaults: across the run
    report = json.loads(run("report", "cadence", "maps/", "--format", "json", cwd=repo).stdout)
    lint = json.loads(run("lint", "maps/", "--format", "json", cwd=repo).stdout)
    codes = [problem["code"] for problem in lint]
    crowded = sum(len(persona["crowded"]) for persona in report["personas"])
    silent = sum(len(persona["silences"]) for persona in report["personas"])
    assert crowded > 0 and silent > 0, "across every map of the run, the example maps crowd and leave silences"
    assert codes.count("JC235") == crowded and codes.count("JC236") == silent


def test_maps_with_errors_report_nothing(repo):
    broken = repo / "maps" / "smb-digital.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("owner: csm\n", "owner: cms\n", 1), encoding="utf-8")
    done = run("report", "owners", "maps/", "--out", "owners.txt", cwd=repo)
    assert done.returncode == 1 and not (repo / "owners.txt").exists()
    assert "smb-digital.yaml:" in done.stderr and "JC101" in done.stderr and "Traceback" not in done.stderr
    assert run("report", "cadence", "nothing-here/", cwd=repo).returncode == 2

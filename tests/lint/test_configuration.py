"""Configuration, inline suppressions and baselines, as a team uses them."""

from __future__ import annotations

import json
import os
import textwrap
from datetime import date
from pathlib import Path

import pytest

from journeyctl.config import load_config
from journeyctl.lint.engine import make_settings, run_lint
from journeyctl.problems import Severity, UsageError

TODAY = date(2026, 11, 25)

MAP = textwrap.dedent("""\
    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners: [{id: csm, name: Customer Success Manager}]
    personas: [{id: champion, name: Dana}]
    phases:
      - id: land
        name: Land
        touchpoints:
          - id: kickoff
            name: Kickoff call
            channel: slack
            owner: csm
            personas: [champion]
""")


# Configuration entries that are there but are not a file to read: each must stop the run.
DANGLING, FOLDER, FIFO, DEVICE = "<dangling symlink>", "<folder>", "<fifo>", "<device>"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if text == DANGLING:
        path.symlink_to(folder / "moved-away.yaml")
    elif text == FOLDER:
        path.mkdir()
    elif text == FIFO:
        os.mkfifo(path)  # reading it would wait for a writer forever
    elif text == DEVICE:
        path.symlink_to("/dev/zero")  # reading it would never end
    else:
        path.write_text(textwrap.dedent(text))
    return path


def _lint(paths, monkeypatch, folder: Path, config_file=None, **kwargs):
    monkeypatch.chdir(folder)
    monkeypatch.delenv("JOURNEYCTL_CONFIG", raising=False)
    config = load_config(config_file)
    return run_lint([str(p) for p in paths], make_settings(config, TODAY), **kwargs).problems


def codes(problems) -> list[str]:
    return sorted(problem.code for problem in problems)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the configuration search stops at the repository root
    _write(tmp_path, "maps/onboarding.yaml", MAP)
    return tmp_path


def test_without_configuration_a_custom_channel_is_unknown(repo, monkeypatch):
    problems = _lint(["maps"], monkeypatch, repo)
    assert codes(problems) == ["JC012"]
    assert "unknown channel 'slack'" in problems[0].message


def test_configuration_adds_channels_ignores_and_regrades_rules(repo, monkeypatch):
    _write(
        repo,
        ".journeyctl.yaml",
        """\
        channels: [slack]
        ignore: [JC201]                   # by code
        severity:
          missing-customer-view: error    # by name
    """,
    )
    problems = _lint(["maps"], monkeypatch, repo)
    assert codes(problems) == ["JC203"]
    assert {p.code: p.severity for p in problems}["JC203"] is Severity.ERROR


def test_a_pyproject_without_our_section_does_not_hide_the_configuration_above(repo, monkeypatch):
    _write(repo, ".journeyctl.yaml", "channels: [slack]\ndeny_words: [onboarding]\n")
    _write(repo, "maps/pyproject.toml", "[project]\nname = 'maps'\n")  # a subproject with no [tool] table
    assert "JC212" in codes(_lint(["onboarding.yaml"], monkeypatch, repo / "maps"))


def test_configuration_is_found_from_a_subfolder_and_in_pyproject(repo, monkeypatch):
    _write(
        repo,
        "pyproject.toml",
        """\
        [tool.journeyctl]
        channels = ["slack"]
        select = ["JC0", "JC1"]
    """,
    )
    sub = repo / "maps"
    problems = _lint(["onboarding.yaml"], monkeypatch, sub)
    assert problems == []


def test_select_by_prefix_and_overrides_by_glob(repo, monkeypatch):
    _write(repo, "maps/drafts/new.yaml", MAP.replace("id: onboarding", "id: new-map"))
    _write(
        repo,
        ".journeyctl.yaml",
        """\
        channels: [slack]
        select: [JC2]
        overrides:
          - files: ["maps/drafts/*"]
            ignore: [JC203]
    """,
    )
    problems = _lint(["maps"], monkeypatch, repo)
    by_file = {(Path(p.path).name, p.code) for p in problems}
    assert ("onboarding.yaml", "JC203") in by_file
    assert ("new.yaml", "JC203") not in by_file
    assert all(p.code.startswith("JC2") for p in problems)


def test_explicit_config_and_environment_variable_win(repo, monkeypatch, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("conf") / "team.yaml"
    elsewhere.write_text("channels: [slack]\nignore: [JC2]\n")
    _write(repo, ".journeyctl.yaml", "ignore: []\n")
    assert _lint(["maps"], monkeypatch, repo, config_file=elsewhere) == []
    monkeypatch.setenv("JOURNEYCTL_CONFIG", str(elsewhere))
    assert run_lint(["maps"], make_settings(load_config(), TODAY)).problems == []


@pytest.mark.parametrize(
    "name, text, fragment",
    [
        (
            ".journeyctl.yaml",
            "chanels: [slack]\n",
            ".journeyctl.yaml:1:1: unknown configuration key 'chanels' (did you mean 'channels'?)",
        ),
        (".journeyctl.yaml", "ignore: [JC999]\n", "unknown rule 'JC999' in ignore"),
        (
            ".journeyctl.yaml",
            "severity:\n  JC201: fatal\n",
            ".journeyctl.yaml:2:10: invalid value for 'severity.JC201'",
        ),
        (".journeyctl.yaml", "channels: [Slack Huddle]\n", "may contain only lowercase letters"),
        (
            ".journeyctl.yaml",
            "branding:\n  accent_color: red\n",
            ".journeyctl.yaml:2:17: invalid value for 'branding.accent_color'",
        ),
        (".journeyctl.yaml", "ignore: [JC2\n", ".journeyctl.yaml:1:9: unclosed '['"),
        (
            ".journeyctl.yaml",
            "source: /etc\n",
            ".journeyctl.yaml:1:1: unknown configuration key 'source'",
        ),  # set by journeyctl only
        (".journeyctl.yaml", "max_file_bytes: 99999999999999999999\n", "invalid value for 'max_file_bytes'"),
        (
            ".journeyctl.yaml",
            "catalogs: [shared/catalog.yaml]\n",
            ".journeyctl.yaml: catalogs: no such file or folder: shared/catalog.yaml",
        ),
        (
            ".journeyctl.yaml",
            "ignore: [unknown-field]\n",
            "'unknown-field' in ignore: JC010 cannot be ignored or re-graded",
        ),
        (
            ".journeyctl.yaml",
            "severity: {JC012: warning}\n",
            "'JC012' in severity: JC012 cannot be ignored or re-graded",
        ),
        (
            ".journeyctl.yaml",
            "ignore: [JC101]\n",
            "'JC101' in ignore: JC101 cannot be ignored or re-graded; render and diff",
        ),
        (
            "pyproject.toml",
            "[tool.journeyctl]\nselect = [\n",
            "pyproject.toml: cannot read configuration",
        ),  # not skipped silently
        ("pyproject.toml", '[tool]\njourneyctl = "x"\n', "[tool.journeyctl] must be a table"),
        ("pyproject.toml", "[[tool.journeyctl]]\nselect = []\n", "[tool.journeyctl] must be a table"),
        (".journeyctl.yaml", DANGLING, ".journeyctl.yaml: configuration is a symlink to a missing file"),
        (".journeyctl.yaml", FOLDER, ".journeyctl.yaml: configuration cannot be read: it is a folder"),
        (".journeyctl.yaml", FIFO, ".journeyctl.yaml: configuration cannot be read: it is a FIFO"),
        (".journeyctl.yaml", DEVICE, ".journeyctl.yaml: configuration cannot be read: it is a device"),
        ("pyproject.toml", DANGLING, "pyproject.toml: configuration is a symlink to a missing file"),
        ("pyproject.toml", FOLDER, "pyproject.toml: configuration cannot be read: it is a folder"),
        ("pyproject.toml", FIFO, "pyproject.toml: configuration cannot be read: it is a FIFO"),
        ("pyproject.toml", DEVICE, "pyproject.toml: configuration cannot be read: it is a device"),
    ],
)
def test_broken_configuration_is_a_usage_error_naming_key_and_line(repo, monkeypatch, name, text, fragment):
    _write(repo, name, text)
    with pytest.raises(UsageError) as error:
        _lint(["maps"], monkeypatch, repo)
    assert fragment in str(error.value)


@pytest.mark.parametrize("settings", ["select: [JC2]\n", "ignore: [JC0, JC1]\n"])
def test_a_map_that_cannot_be_read_is_reported_whatever_rules_are_selected(repo, monkeypatch, settings):
    _write(repo, ".journeyctl.yaml", "channels: [slack]\n" + settings)
    _write(repo, "maps/onboarding.yaml", MAP.replace("channel: slack", "channel: emial"))
    assert codes(_lint(["maps"], monkeypatch, repo)) == ["JC012"]


def test_inline_suppressions(repo, monkeypatch):
    _write(repo, ".journeyctl.yaml", "channels: [slack]\n")
    _write(
        repo,
        "maps/onboarding.yaml",
        MAP.replace(
            "  - id: land\n",
            "  - id: land  # journeyctl: disable-line missing-exit-criteria\n",
        )
        .replace(
            "      - id: kickoff\n",
            "      # journeyctl: disable-line JC203, JC999\n      - id: kickoff\n",
        )
        .replace(
            "title: Onboarding\n",
            "title: Onboarding  # journeyctl: disable-line JC999\n",
        ),
    )
    problems = _lint(["maps"], monkeypatch, repo)
    # Both findings are suppressed; the comment that names only an unknown rule suppresses nothing.
    assert codes(problems) == ["JC301"]
    assert problems[0].line == 4 and "unknown rule 'JC999'" in problems[0].message


def test_a_misspelt_directive_is_reported_and_a_colon_after_one_is_accepted(repo, monkeypatch):
    _write(repo, ".journeyctl.yaml", "channels: [slack]\n")
    _write(
        repo,
        "maps/onboarding.yaml",
        MAP.replace(
            "  - id: land\n",
            "  - id: land  # journeyctl: disabel-line JC201\n",
        ).replace(
            "      - id: kickoff\n",
            "      # journeyctl: disable-line: JC203\n      - id: kickoff\n",
        ),
    )
    problems = _lint(["maps"], monkeypatch, repo)
    assert codes(problems) == ["JC201", "JC301"]  # the misspelt one suppressed nothing; JC203 is suppressed
    unknown = next(p for p in problems if p.code == "JC301")
    assert "unknown directive '# journeyctl: disabel-line' (did you mean 'disable-line'?)" in unknown.message


def test_a_directive_inside_a_text_value_is_text_not_a_suppression(repo, monkeypatch):
    _write(repo, ".journeyctl.yaml", "channels: [slack]\n")
    _write(
        repo,
        "maps/onboarding.yaml",
        MAP.replace(
            "title: Onboarding\n",
            "title: |\n  Onboarding, confidential\n  # journeyctl: disable-file\nsummary: 'a # journeyctl: disable-file'\n",
        ),
    )
    assert "JC212" in codes(_lint(["maps"], monkeypatch, repo))


def test_block_and_file_suppressions_and_unused_ones(repo, monkeypatch):
    _write(repo, ".journeyctl.yaml", "channels: [slack]\n")
    text = MAP.replace("phases:\n", "phases:  # journeyctl: disable JC201\n") + "# journeyctl: enable\n"
    text = text.replace("title: Onboarding\n", "title: Onboarding  # journeyctl: disable-line JC212\n")
    _write(repo, "maps/onboarding.yaml", text)
    problems = _lint(["maps"], monkeypatch, repo)
    assert codes(problems) == ["JC203", "JC301"]
    unused = next(p for p in problems if p.code == "JC301")
    assert unused.line == 4 and "disable-line JC212" in unused.message

    _write(repo, "maps/onboarding.yaml", "# journeyctl: disable-file\n" + MAP)
    assert _lint(["maps"], monkeypatch, repo) == []


def test_baseline_reports_only_new_findings_and_stale_entries(repo, monkeypatch):
    _write(repo, ".journeyctl.yaml", "channels: [slack]\n")
    from journeyctl.lint.baseline import write_baseline

    before = _lint(["maps"], monkeypatch, repo)
    assert codes(before) == ["JC201", "JC203"]
    write_baseline(repo / "baseline.json", before)
    entries = json.loads((repo / "baseline.json").read_text())["findings"]
    assert {e["semantic_path"] for e in entries} == {"phases[land]", "phases[land].touchpoints[kickoff]"}

    # Lines move, the findings stay: nothing new. A new touchpoint without a view is new.
    moved = (
        "# a comment that shifts every line\n"
        + MAP
        + textwrap.indent(
            textwrap.dedent("""\
        - id: training
          name: Training
          channel: webinar
          owner: csm
          personas: [champion]
    """),
            "      ",
        )
    )
    _write(repo, "maps/onboarding.yaml", moved)
    after = _lint(["maps"], monkeypatch, repo, baseline=repo / "baseline.json")
    assert [(p.code, p.semantic_path) for p in after] == [("JC203", "phases[land].touchpoints[training]")]

    # Fix the exit criteria: the baseline entry for it is stale.
    _write(
        repo,
        "maps/onboarding.yaml",
        moved.replace("    name: Land\n", "    name: Land\n    exit_criteria: [Plan agreed]\n"),
    )
    fixed = _lint(["maps"], monkeypatch, repo, baseline=repo / "baseline.json")
    stale = [p for p in fixed if p.code == "JC302"]
    assert len(stale) == 1 and "phases[land]" in stale[0].message
    assert Path(stale[0].path).name == "baseline.json" and stale[0].line > 1


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("{not json", "cannot read baseline"),
        ('{"version": 1, "findings": ' + "[" * 100_000 + "]" * 100_000 + "}", "RecursionError"),
        ('{"version": 1, "findings": [{"path": "a", "code": "JC201", "semantic_path": "\\ud800"}]}', "as text"),
        ('{"version": 2, "findings": []}', "is not a journeyctl baseline"),
    ],
)
def test_a_broken_baseline_is_a_usage_error(repo, monkeypatch, text, fragment):
    (repo / "baseline.json").write_text(text)
    with pytest.raises(UsageError) as error:
        _lint(["maps"], monkeypatch, repo, baseline=repo / "baseline.json")
    assert fragment in str(error.value)


def test_a_baseline_that_is_a_device_is_refused_not_read_forever(repo, monkeypatch):
    with pytest.raises(UsageError) as error:
        _lint(["maps"], monkeypatch, repo, baseline="/dev/zero")
    assert "not a regular file" in str(error.value)


def test_catalogs_from_configuration_resolve_references_without_being_linted(repo, monkeypatch):
    _write(
        repo,
        "catalog/people.yaml",
        """\
        journeyctl: 1
        kind: catalog
        owners: [{id: cs-ops, name: CS Operations}]
        personas: [{id: unused-persona, name: Nobody}]
    """,
    )
    _write(repo, ".journeyctl.yaml", "channels: [slack]\ncatalogs: [catalog]\nselect: [JC1]\n")
    _write(repo, "maps/onboarding.yaml", MAP.replace("title: Onboarding\n", "title: Onboarding\nowner: cs-ops\n"))
    assert _lint(["maps/onboarding.yaml"], monkeypatch, repo) == []


@pytest.mark.parametrize(
    "kind, fragment",
    [
        (DANGLING, "configuration is a symlink to a missing file"),
        (FOLDER, "it is a folder"),
        (FIFO, "it is a FIFO"),
        (DEVICE, "it is a device"),
    ],
)
def test_a_named_configuration_that_cannot_be_read_is_a_usage_error_naming_it(repo, monkeypatch, kind, fragment):
    entry = _write(repo, "team.yaml", kind)
    for named in ({"config_file": entry}, {"environment": entry}):
        if "environment" in named:
            monkeypatch.setenv("JOURNEYCTL_CONFIG", str(entry))
        with pytest.raises(UsageError) as error:
            load_config(named.get("config_file"))
        assert str(error.value).startswith(f"{entry}: ") and fragment in str(error.value)

"""The pre-commit hooks, installed by pre-commit itself from a snapshot of this checkout.

pre-commit clones the hook repository at a commit and pip-installs it into a virtualenv of
its own, as it will for a team. The snapshot is the working tree (not HEAD), so the test
checks the code under test; it is committed to a throwaway repository for pre-commit's `rev`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What `pip install` of journeyctl needs, and the hook definitions.
SNAPSHOT = ["pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "src", "templates", "schema"]
GOOD_MAP = """journeyctl: 1
kind: journey
id: onboarding
title: Onboarding
phases:
  - id: land
    name: Land
    exit_criteria:
      - Success plan agreed
    touchpoints:
      - id: kickoff
        name: Kickoff call
        customer_view: A one-hour call to agree goals.
        channel: video-call
        owner: csm
        personas: [champion]
"""
CATALOG = """journeyctl: 1
kind: catalog
owners:
  - id: csm
    name: Customer Success Manager
personas:
  - id: champion
    name: Dana, the champion
"""


def git(*args: str, cwd: Path) -> str:
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    done = subprocess.run(["git", *args], cwd=cwd, env=environment, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def snapshot_of_this_checkout(folder: Path) -> str:
    """A git repository holding the working tree's package files; returns its commit."""
    folder.mkdir()
    for name in SNAPSHOT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(source, folder / name)
    git("init", "-q", "-b", "main", cwd=folder)
    git("add", ".", cwd=folder)
    git("commit", "-q", "-m", "snapshot", cwd=folder)
    return git("rev-parse", "HEAD", cwd=folder)


@pytest.fixture(scope="module")
def team_repository(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("pre-commit")
    hooks_repo = base / "journeyctl"
    sha = snapshot_of_this_checkout(hooks_repo)
    team = base / "team"
    (team / "maps").mkdir(parents=True)
    git("init", "-q", "-b", "main", cwd=team)
    (team / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks_repo}\n    rev: {sha}\n    hooks:\n"
        "      - id: journeyctl-fmt\n      - id: journeyctl-lint\n",
        encoding="utf-8",
    )
    (team / ".journeyctl.yaml").write_text("catalogs: [maps/catalog.yaml]\n", encoding="utf-8")
    (team / "maps" / "catalog.yaml").write_text(CATALOG, encoding="utf-8")
    # YAML that is not a map: the hooks must leave it alone
    (team / "ci.yml").write_text("on: {push: {}}\n", encoding="utf-8")
    git("add", ".", cwd=team)
    git("commit", "-q", "-m", "start", cwd=team)
    return team


def pre_commit(team: Path, *files: str) -> subprocess.CompletedProcess:
    """`pre-commit run` on staged files, as at `git commit` (it sees a hook's changes through git).

    With no files named, on everything staged, exactly as at `git commit`.
    """
    if files:
        git("add", "--", *files, cwd=team)
    environment = {**os.environ, "PRE_COMMIT_HOME": str(team.parent / "cache"), "NO_COLOR": "1"}
    environment.pop("GITHUB_ACTIONS", None)
    selection = ["--files", *files] if files else []
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--color", "never", *selection],
        cwd=team,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def commit_everything(team: Path) -> None:
    git("add", "-A", cwd=team)
    git("commit", "-q", "--allow-empty", "-m", "state so far", cwd=team)


@pytest.mark.slow
def test_lint_hook_fails_on_a_bad_map_and_passes_on_a_good_one(team_repository):
    team = team_repository
    bad = team / "maps" / "onboarding.yaml"
    bad.write_text(GOOD_MAP.replace("owner: csm", "owner: cms"), encoding="utf-8")
    failed = pre_commit(team, "maps/onboarding.yaml", "ci.yml")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "journeyctl lint" in failed.stdout and "Failed" in failed.stdout
    assert "maps/onboarding.yaml:15:16: error unknown owner 'cms'" in failed.stdout
    assert "ci.yml" not in failed.stdout.replace("maps/", "")  # not a map: not linted

    bad.write_text(GOOD_MAP, encoding="utf-8")  # the catalog is found through .journeyctl.yaml
    passed = pre_commit(team, "maps/onboarding.yaml", "ci.yml")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "journeyctl lint" in passed.stdout and "Passed" in passed.stdout


@pytest.mark.slow
def test_fmt_hook_rewrites_a_messy_map_then_passes(team_repository):
    team = team_repository
    messy = team / "maps" / "messy.yaml"
    messy.write_text(
        GOOD_MAP.replace("id: onboarding\ntitle: Onboarding", "title: Onboarding  # t\nid: messy").replace(
            "personas: [champion]", "personas:\n        - champion"
        ),
        encoding="utf-8",
    )
    first = pre_commit(team, "maps/messy.yaml", "ci.yml")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert messy.read_text(encoding="utf-8").startswith(
        "journeyctl: 1\nkind: journey\nid: messy\ntitle: Onboarding  # t\n"
    )
    assert (team / "ci.yml").read_text(encoding="utf-8") == "on: {push: {}}\n"
    second = pre_commit(team, "maps/messy.yaml", "ci.yml")
    assert second.returncode == 0, second.stdout + second.stderr


def test_hook_entry_keeps_options_and_only_map_files(tmp_path, monkeypatch):
    from journeyctl.ci import precommit
    from journeyctl.mapfiles import could_be_map

    monkeypatch.chdir(tmp_path)
    Path("map.yaml").write_text(GOOD_MAP.replace("owner: csm", "owner: cms"), encoding="utf-8")
    Path("flow.yaml").write_text("{journeyctl: 1, kind: catalog}\n", encoding="utf-8")
    Path("other.yaml").write_text("name: ci\n", encoding="utf-8")
    assert precommit.split_arguments(["--fail-on", "warning", "map.yaml", "other.yaml"]) == (
        ["--fail-on", "warning"],
        ["map.yaml", "other.yaml"],
    )
    assert [could_be_map(name) for name in ("map.yaml", "flow.yaml", "other.yaml")] == [True, True, False]
    assert precommit.main(["lint", "other.yaml"]) == 0  # no map file: nothing to do
    assert precommit.main(["lint", "--select", "JC0", "map.yaml", "other.yaml"]) == 1  # JC101 is always on
    assert precommit.main(["lint", "map.yaml", "other.yaml"]) == 1
    assert precommit.main(["check"]) == 2


@pytest.mark.slow
def test_a_staged_catalog_is_checked_with_the_maps_that_use_it(team_repository):
    """Only catalog.yaml is staged, but the owner it drops is used by maps/onboarding.yaml."""
    team = team_repository
    (team / "maps" / "onboarding.yaml").write_text(GOOD_MAP, encoding="utf-8")
    standalone = GOOD_MAP.replace("id: onboarding", "id: standalone").replace(
        "phases:", "owners: [{id: csm, name: Our own CSM}]\npersonas: [{id: champion, name: Our own champion}]\nphases:"
    )
    # it defines what it uses, so no catalog change can break it: its own findings are not this commit's
    (team / "maps" / "standalone.yaml").write_text(
        standalone.replace("    exit_criteria:\n      - Success plan agreed\n", ""), encoding="utf-8"
    )
    commit_everything(team)
    catalog = team / "maps" / "catalog.yaml"
    catalog.write_text(CATALOG.replace("id: csm", "id: account-manager"), encoding="utf-8")
    failed = pre_commit(team, "maps/catalog.yaml")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "maps/onboarding.yaml:15:16: error unknown owner 'csm'" in failed.stdout
    assert "standalone.yaml" not in failed.stdout

    catalog.write_text(CATALOG, encoding="utf-8")
    passed = pre_commit(team, "maps/catalog.yaml")
    assert passed.returncode == 0, passed.stdout + passed.stderr


@pytest.mark.slow
@pytest.mark.parametrize("name", ["--output=victim.yaml", "-draft.yaml"])
def test_staged_file_names_that_look_like_options_are_files(team_repository, name):
    team = team_repository
    victim = team / "victim.yaml"
    victim.write_text("precious: true\n", encoding="utf-8")
    commit_everything(team)
    (team / "maps" / "onboarding.yaml").write_text(
        GOOD_MAP.replace("title: Onboarding", "title: Onboarding v2"), encoding="utf-8"
    )
    (team / name).write_text(
        GOOD_MAP.replace("id: onboarding", "id: draft").replace("owner: csm", "owner: cms"), encoding="utf-8"
    )
    git("add", "--", name, "maps/onboarding.yaml", cwd=team)
    result = pre_commit(team)  # everything staged, as at `git commit`
    try:
        assert result.returncode == 1, result.stdout + result.stderr
        assert f"{name}:15:16: error unknown owner 'cms'" in result.stdout, result.stdout
        assert "No such option" not in result.stdout + result.stderr
        assert victim.read_text(encoding="utf-8") == "precious: true\n"
    finally:
        git("rm", "-q", "--cached", "--", name, cwd=team)
        (team / name).unlink()

"""This repository's own .pre-commit-config.yaml: journeyctl's hooks keep maps/ formatted and clean.

Its hooks run from the project's virtual environment (`.venv/bin/...`), so a copy of maps/,
the configuration and the hook config gets a `.venv` link to the environment running these
tests, and pre-commit runs there as at `git commit`. Only the journeyctl hooks run: ruff and
mypy are what `make check` runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integrations.test_precommit import git

pytestmark = pytest.mark.slow  # runs pre-commit

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ("journeyctl-fmt", "journeyctl-lint")


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    repo = tmp_path / "journeyctl"
    shutil.copytree(ROOT / "maps", repo / "maps")
    for name in (".pre-commit-config.yaml", ".journeyctl.yaml"):
        shutil.copy(ROOT / name, repo / name)
    (repo / ".venv").symlink_to(sys.prefix, target_is_directory=True)
    git("init", "-q", "-b", "main", cwd=repo)
    git("add", "maps", ".pre-commit-config.yaml", ".journeyctl.yaml", cwd=repo)
    git("commit", "-q", "-m", "start", cwd=repo)
    return repo


def run_hook(repo: Path, hook: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "cache"), "NO_COLOR": "1"}
    environment.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--color", "never", "--all-files", hook],
        cwd=repo,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_example_maps_pass_the_repositorys_own_hooks(repository):
    for hook in HOOKS:
        done = run_hook(repository, hook)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Passed" in done.stdout
    assert git("status", "--porcelain", "--", "maps", cwd=repository) == ""


def test_the_hooks_format_a_messy_map_and_refuse_an_unknown_owner(repository):
    messy = repository / "maps" / "smb-digital.yaml"
    canonical = messy.read_text(encoding="utf-8")
    messy.write_text(canonical.replace("\ntitle: ", "\ntitle:    ", 1), encoding="utf-8")
    formatted = run_hook(repository, "journeyctl-fmt")
    assert formatted.returncode == 1 and "files were modified by this hook" in formatted.stdout, formatted.stdout
    assert messy.read_text(encoding="utf-8") == canonical

    broken = repository / "maps" / "renewal-rescue.yaml"
    text = broken.read_text(encoding="utf-8")
    owner = text.split("owner: ", 1)[1].split("\n", 1)[0]
    broken.write_text(text.replace(f"owner: {owner}\n", "owner: nobody-here\n", 1), encoding="utf-8")
    linted = run_hook(repository, "journeyctl-lint")
    assert linted.returncode == 1, linted.stdout + linted.stderr
    assert "error unknown owner 'nobody-here' [JC101 unknown-reference]" in linted.stdout

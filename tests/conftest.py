from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture(autouse=True)
def _outside_the_repository_configuration(tmp_path_factory, monkeypatch):
    """Tests start in an empty folder, so this repository's .journeyctl.yaml applies only where a test asks."""
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))
    monkeypatch.delenv("JOURNEYCTL_CONFIG", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _outside_the_repository_configuration(tmp_path_factory, monkeypatch):
    """Tests start in an empty folder, so this repository's .journeyctl.yaml applies only where a test asks."""
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))
    monkeypatch.delenv("JOURNEYCTL_CONFIG", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

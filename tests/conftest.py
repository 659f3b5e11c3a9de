from __future__ import annotations

import pytest

from journeyctl.problems import Problem

# The code of every Problem made while the suite runs (in this process, or in a lint worker and
# unpickled here): tests/lint/test_registry.py, which runs last, checks each is a registered rule.
EMITTED_CODES: set[str] = set()
REGISTRY_TEST = "tests/lint/test_registry.py::test_every_code_the_suite_saw_emitted_is_registered"


def _record_emitted_codes() -> None:
    made, unpickled = Problem.__post_init__, Problem.__setstate__

    def post_init(self: Problem) -> None:
        made(self)
        EMITTED_CODES.add(self.check.code)

    def setstate(self: Problem, state) -> None:
        unpickled(self, state)
        EMITTED_CODES.add(self.check.code)

    Problem.__post_init__ = post_init
    Problem.__setstate__ = setstate


_record_emitted_codes()


def pytest_collection_modifyitems(items):
    """The registry test judges what every other test emitted, so it runs after them."""
    items.sort(key=lambda item: item.nodeid == REGISTRY_TEST)


@pytest.fixture(autouse=True)
def _outside_the_repository_configuration(tmp_path_factory, monkeypatch):
    """Tests start in an empty folder, so this repository's .journeyctl.yaml applies only where a test asks."""
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))
    monkeypatch.delenv("JOURNEYCTL_CONFIG", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

"""The registry lists every code journeyctl can emit: judged by what the whole suite made it emit.

tests/conftest.py records the code of every Problem created while the suite runs (loader, lint
rules and workers, fmt, diff, render) and runs this test last, so a check defined outside the
registry (as JC009 once was, in fmt/formatter.py) fails here as soon as any test reaches it.
"""

from __future__ import annotations

import pytest

from journeyctl.lint.registry import RULES
from tests.conftest import EMITTED_CODES


def test_every_code_the_suite_saw_emitted_is_registered():
    if not EMITTED_CODES:
        pytest.skip("judges the problems the other tests emitted: run it with them (as `make test` does)")
    unregistered = sorted(EMITTED_CODES - set(RULES))
    assert not unregistered, f"emitted but not in journeyctl/lint/registry.py: {unregistered}"

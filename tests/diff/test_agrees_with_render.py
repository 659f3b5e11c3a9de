"""The diff's "customer-facing" is checked against the customer render itself, on every diff case.

A change the diff calls internal must leave the customer's Markdown and HTML byte-identical, and
a case with a customer-facing change must change them: otherwise a reviewer trusting the diff
would wave through text that customers then read, or be asked to review what they never see.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from journeyctl.config import Branding
from journeyctl.diff.compare import Options
from journeyctl.diff.engine import run_diff
from journeyctl.diff.operands import collect
from journeyctl.loading import load_workspace
from journeyctl.render.documents import Renderer, journey_views, plan
from journeyctl.render.html import branding_view

CASES = Path(__file__).resolve().parent / "cases"


def customer_documents(path: str) -> dict[str, str] | None:
    """The customer Markdown and HTML of every journey under `path`; None if a map cannot be rendered."""
    workspace = load_workspace([path])
    if workspace.problems:
        return None
    views = journey_views(workspace.maps, "customer")
    renderer = Renderer("customer", views, workspace.journeys, branding_view(Branding(), None))
    return {
        output.name: output.content
        for job in plan(workspace.journeys, ["md", "html"], with_index=True)
        for output in [renderer.render(job)]
    }


def _cases() -> list:
    specs = {
        case: YAML(typ="safe", pure=True).load((case / "expected.yaml").read_text()) for case in sorted(CASES.iterdir())
    }
    # an invalid side has no render to compare
    return [
        pytest.param(case, spec.get("options", {}), id=case.name)
        for case, spec in specs.items()
        if not spec.get("problems")
    ]


@pytest.mark.parametrize("case, options", _cases())
def test_customer_facing_changes_are_exactly_those_that_change_the_customer_render(case: Path, options: dict):
    old, new = (
        (str(case / "old.yaml"), str(case / "new.yaml"))
        if (case / "old.yaml").exists()
        else (str(case / "old"), str(case / "new"))
    )
    before, after = customer_documents(old), customer_documents(new)
    if before is None or after is None:
        pytest.skip("a map without its catalog cannot be rendered")
    if not options.get("order"):
        options = {**options, "order": True}  # the render shows order, so the diff must be asked about it
    changes = run_diff(collect([old, new]), options=Options(**options)).changes
    facing = [change.path for change in changes if change.customer_facing]
    if facing:
        assert before != after, f"called customer-facing, but the customer render is unchanged: {facing}"
    else:
        changed = [name for name in after if before.get(name) != after[name]]
        assert not changed, f"no change called customer-facing, but the customer sees {changed} change"

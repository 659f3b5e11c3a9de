"""The view model: what each audience gets, numbering, links, and the curve's geometry."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from journeyctl.loading import load_workspace
from journeyctl.render import curve
from journeyctl.render.view import Emotion, People, build_view


@pytest.fixture(scope="module")
def views():
    workspace = load_workspace([str(FIXTURES / "rich")])
    journey = workspace.journeys[0].model
    people = People.for_journey(journey, [item.model for item in workspace.catalogs])
    return {audience: build_view(journey, people, audience) for audience in ("internal", "customer")}


def test_customer_view_drops_internal_phases_and_touchpoints_and_keeps_the_numbers(views):
    internal, customer = views["internal"], views["customer"]
    assert [p.name for p in internal.phases] == ["Land", "Adopt", "Renewal forecast"]
    assert [p.name for p in customer.phases] == ["Land", "Adopt"]
    assert [t.number for t in internal.phases[0].touchpoints] == ["1.1", "1.2", "1.3"]
    # The handover (1.1) is internal: it is simply absent, and the kickoff is step 1.2 on both
    # sides, so "step 1.2" on a call with the customer means the same step to everyone.
    assert [(t.number, t.name) for t in customer.phases[0].touchpoints] == [
        ("1.2", "Kickoff call"),
        ("1.3", "SSO setup session"),
    ]
    assert [t.anchor for t in customer.phases[0].touchpoints] == ["tp-1-2", "tp-1-3"]
    assert [m.name for m in customer.phases[0].metrics] == ["Time to first value"]


def test_personas_come_from_the_map_and_the_catalog_once_each(views):
    assert [p.name for p in views["customer"].personas] == [
        "Marcus, the sponsor",
        "Dana, the champion",
        "Sam, the admin",
    ]
    assert views["customer"].personas[0].internal is None
    assert views["internal"].personas[0].internal.quote == "Tell me what changed in the business."


def test_only_web_playbook_urls_become_links(views):
    kickoff = views["internal"].phases[0].touchpoints[1]
    assert kickoff.internal.playbooks[0].link == "https://wiki.example.com/cs/kickoff"
    from journeyctl.render.view import _playbook
    from journeyctl.schema.models import Playbook

    assert _playbook(Playbook(title="x", url="javascript:alert(1)")).link is None
    assert _playbook(Playbook(title="x", url="https://a.example/ b")).link is None


@pytest.mark.parametrize(
    "score, mermaid, label", [(-2, 1, "very negative"), (0, 3, "neutral"), (2, 5, "very positive")]
)
def test_emotion_maps_to_mermaids_one_to_five_scale(score, mermaid, label):
    assert (Emotion(score).mermaid, Emotion(score).label) == (mermaid, label)


def test_the_curve_puts_a_point_per_touchpoint_with_an_emotion_inside_its_phase_band(views):
    drawn = views["internal"].internal.curve
    (line,) = drawn.series  # one number per touchpoint everywhere: one line, no legend
    assert line.name is None and not drawn.legend
    assert len(line.points) == 6 and len(drawn.bands) == 3
    for band, numbers in zip(drawn.bands, (("1.1", "1.2", "1.3"), ("2.1", "2.2"), ("3.1",)), strict=True):
        inside = [p.number for p in line.points if band.x <= p.x <= band.x + band.width]
        assert inside == list(numbers)
    by_number = {p.number: p for p in line.points}
    assert by_number["2.2"].y == curve.PLOT_MARGIN and by_number["1.3"].y > by_number["1.1"].y  # +2 at the top
    assert len(line.segments) == 5
    assert curve.emotion_curve(()).series[0].points == ()

"""A touchpoint's `when` falls inside its phase's window.

Why it matters: a phase's `when` is when the team expects the customer to be in it; a
touchpoint of the Land phase placed at day 200 is either in the wrong phase or has the wrong
day, and the map then tells two teams different stories. A day, a window or a day before
renewal must lie wholly inside the window; a recurrence must start inside it (a quarterly
review begun in Adopt goes on after it). Phases without a window are not checked.

Fails:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners: [{id: csm, name: Customer Success Manager}]
    phases:
      - id: land
        name: Land
        when: {from: 0, to: 45}
        touchpoints:
          - id: kickoff
            name: Kickoff call
            channel: video-call
            owner: csm
            timing: Week 10
            when: {day: 70}

Passes:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners: [{id: csm, name: Customer Success Manager}]
    phases:
      - id: land
        name: Land
        when: {from: 0, to: 45}
        touchpoints:
          - id: kickoff
            name: Kickoff call
            channel: video-call
            owner: csm
            timing: Week 1
            when: {day: 5}
"""

from collections.abc import Iterator

from journeyctl.lint.rule import MapContext, Rule
from journeyctl.problems import Check, Problem, Severity
from journeyctl.timeline import label, place, placed_touchpoints

CHECK = Check("JC232", "touchpoint-outside-phase", Severity.WARNING)


def check(context: MapContext) -> Iterator[Problem]:
    journey = context.journey
    for placed in placed_touchpoints(journey):
        window = place(placed.phase.when, journey.term_days) if placed.phase.when is not None else None
        if window is None or window.shape != "window":
            continue
        placement = placed.placement
        last = placement.first if placement.shape == "recurring" else placement.last
        if placement.first < window.first or last > window.last:
            assert placed.touchpoint.when is not None
            yield context.problem(
                CHECK,
                f"{label(placed.touchpoint.when, journey.term_days)} is outside the window of phase "
                f"{placed.phase.id!r} (days {window.first}\u2013{window.last}): move the touchpoint or its `when`",
                ("phases", placed.p, "touchpoints", placed.t, "when"),
            )


RULE = Rule(CHECK, "map", __doc__, check)

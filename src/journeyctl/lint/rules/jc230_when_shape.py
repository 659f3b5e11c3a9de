"""A `when` has exactly one shape: a day, a window, a recurrence or a number of days before renewal.

Why it matters: `when` is what places a touchpoint on the journey's day axis (docs/format.md,
"When a touchpoint happens"). `{day: 5, every: 30}` could mean day 5 or a monthly touchpoint;
a window with only `from` has no end. journeyctl cannot place either, so the cadence rules, the
reports and the render leave the touchpoint out until it says one thing. The shapes are `day`;
`from` and `to`; `every`, optionally with `from` and `to`; `before_renewal`. A phase's `when`
is its expected window, so it is always `from` and `to`.

Fails:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners: [{id: csm, name: Customer Success Manager}]
    phases:
      - id: land
        name: Land
        touchpoints:
          - id: kickoff
            name: Kickoff call
            channel: video-call
            owner: csm
            timing: Week 1
            when: {day: 5, from: 0}

Passes:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners: [{id: csm, name: Customer Success Manager}]
    phases:
      - id: land
        name: Land
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
from journeyctl.timeline import shape_problem

CHECK = Check("JC230", "when-shape", Severity.ERROR)


def check(context: MapContext) -> Iterator[Problem]:
    for p, phase in enumerate(context.journey.phases):
        if phase.when is not None:
            given = [
                key for key in ("day", "from", "to", "every", "before_renewal") if getattr(phase.when, key) is not None
            ]
            if given != ["from", "to"]:
                yield context.problem(
                    CHECK,
                    "a phase's `when` is its window: give exactly `from` and `to`",
                    ("phases", p, "when"),
                )
    for p, t, _phase, touchpoint in context.touchpoints():
        if touchpoint.when is not None:
            problem = shape_problem(touchpoint.when)
            if problem:
                yield context.problem(CHECK, problem, ("phases", p, "touchpoints", t, "when"))


RULE = Rule(CHECK, "map", __doc__, check)

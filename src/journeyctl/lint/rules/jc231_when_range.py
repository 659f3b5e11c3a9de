"""A `when` runs forward and stays within the journey's term.

Why it matters: `from: 90, to: 30` or a `day: 400` in a 365-day term is a typo that would put
the touchpoint nowhere on the day axis, or after the renewal it leads to. The term is the
journey's `term_days` (365 by default); `before_renewal` counts back from its end, so it can be
at most the term.

Fails:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners: [{id: csm, name: Customer Success Manager}]
    phases:
      - id: adopt
        name: Adopt
        touchpoints:
          - id: health-check
            name: Adoption health check
            channel: video-call
            owner: csm
            timing: Day 60 to 90
            when: {from: 90, to: 60}

Passes:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners: [{id: csm, name: Customer Success Manager}]
    phases:
      - id: adopt
        name: Adopt
        touchpoints:
          - id: health-check
            name: Adoption health check
            channel: video-call
            owner: csm
            timing: Day 60 to 90
            when: {from: 60, to: 90}
"""

from collections.abc import Iterator

from journeyctl.lint.rule import MapContext, Rule
from journeyctl.problems import Check, Problem, Severity
from journeyctl.timeline import range_problem

CHECK = Check("JC231", "when-range", Severity.ERROR)


def check(context: MapContext) -> Iterator[Problem]:
    journey = context.journey
    for p, phase in enumerate(journey.phases):
        if phase.when is not None:
            problem = range_problem(phase.when, journey.term_days)
            if problem:
                yield context.problem(CHECK, f"phase window: {problem}", ("phases", p, "when"))
    for p, t, _phase, touchpoint in context.touchpoints():
        if touchpoint.when is not None:
            problem = range_problem(touchpoint.when, journey.term_days)
            if problem:
                yield context.problem(CHECK, problem, ("phases", p, "touchpoints", t, "when"))


RULE = Rule(CHECK, "map", __doc__, check)

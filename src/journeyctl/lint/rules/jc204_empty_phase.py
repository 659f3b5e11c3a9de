"""A phase has at least one touchpoint.

Why it matters: a phase with no touchpoints says the customer is on their own in it.
That is rarely the plan; usually the touchpoints were not written down yet.

Fails:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    phases:
      - id: land
        name: Land
        exit_criteria: [Success plan agreed]

Passes:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners: [{id: csm, name: Customer Success Manager}]
    phases:
      - id: land
        name: Land
        exit_criteria: [Success plan agreed]
        touchpoints:
          - id: kickoff
            name: Kickoff call
            customer_view: A call to agree your goals.
            channel: video-call
            owner: csm
"""

from collections.abc import Iterator

from journeyctl.lint.rule import MapContext, Rule
from journeyctl.problems import Check, Problem, Severity

CHECK = Check("JC204", "empty-phase", Severity.WARNING)


def check(context: MapContext) -> Iterator[Problem]:
    for p, phase in enumerate(context.journey.phases):
        if not phase.touchpoints:
            yield context.problem(CHECK, f"phase {phase.id!r} has no touchpoints", ("phases", p), point="id")


RULE = Rule(CHECK, "map", __doc__, check)

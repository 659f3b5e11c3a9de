"""Every phase has at least one exit criterion.

Why it matters: the exit criteria define the transition to the next phase. Without
them nobody can tell whether a customer has landed, adopted or is ready to expand, and
the customer-facing map cannot tell customers what "done" looks like.

Fails:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    phases:
      - id: land
        name: Land

Passes:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    phases:
      - id: land
        name: Land
        exit_criteria: [Success plan agreed with the champion]
"""

from collections.abc import Iterator

from journeyctl.lint.rule import MapContext, Rule
from journeyctl.problems import Check, Problem, Severity

CHECK = Check("JC201", "missing-exit-criteria", Severity.WARNING)


def check(context: MapContext) -> Iterator[Problem]:
    for p, phase in enumerate(context.journey.phases):
        if not phase.exit_criteria:
            yield context.problem(
                CHECK,
                f"phase {phase.id!r} has no exit criteria: say what must be true to move on",
                ("phases", p),
                point="id",
            )


RULE = Rule(CHECK, "map", __doc__, check)

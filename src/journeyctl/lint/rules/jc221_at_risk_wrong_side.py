"""A goal's `at_risk` lies beyond the goal, on the side where it is missed.

Why it matters: with `max: 45` a value above 45 misses the goal, so the at-risk band is 45 up to
`at_risk`; an `at_risk` of 40 would make the band empty, and no metric would ever be at risk.

Fails:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    phases:
      - id: land
        name: Land
        exit_criteria: [Success plan agreed]
        metrics:
          - id: time-to-value
            name: Time to first value
            goal: {max: 45, at_risk: 40, unit: days}

Passes:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    phases:
      - id: land
        name: Land
        exit_criteria: [Success plan agreed]
        metrics:
          - id: time-to-value
            name: Time to first value
            goal: {max: 45, at_risk: 55, unit: days}
"""

from collections.abc import Iterator

from journeyctl.lint.rule import MapContext, Rule
from journeyctl.problems import Check, Problem, Severity
from journeyctl.schema.metrics import every_metric

CHECK = Check("JC221", "at-risk-wrong-side", Severity.ERROR)


def check(context: MapContext) -> Iterator[Problem]:
    for loc, _, _, metric in every_metric(context.journey):
        goal = metric.goal
        if goal is None or goal.at_risk is None:
            continue
        if goal.max is not None and goal.at_risk <= goal.max:
            yield context.problem(
                CHECK,
                f"at_risk {goal.at_risk} is not above the goal's max {goal.max}: the at-risk band lies "
                "between max and at_risk, where the goal is missed",
                (*loc, "goal"),
                point="at_risk",
            )
        elif goal.min is not None and goal.at_risk >= goal.min:
            yield context.problem(
                CHECK,
                f"at_risk {goal.at_risk} is not below the goal's min {goal.min}: the at-risk band lies "
                "between at_risk and min, where the goal is missed",
                (*loc, "goal"),
                point="at_risk",
            )


RULE = Rule(CHECK, "map", __doc__, check)

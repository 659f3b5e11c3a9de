"""A metric with a goal has an id.

Why it matters: actuals join to a metric by its `id`; a goal without one can never be measured,
so `journeyctl measure` would never say whether anyone meets it.

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
          - name: Time to first value
            goal: {max: 45, unit: days}

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
            goal: {max: 45, unit: days}
"""

from collections.abc import Iterator

from journeyctl.lint.rule import MapContext, Rule
from journeyctl.problems import Check, Problem, Severity
from journeyctl.schema.metrics import every_metric

CHECK = Check("JC222", "goal-without-id", Severity.WARNING)


def check(context: MapContext) -> Iterator[Problem]:
    for loc, _, _, metric in every_metric(context.journey):
        if metric.goal is not None and metric.id is None:
            yield context.problem(
                CHECK,
                f"metric {metric.name!r} has a goal but no id, so actuals can never be joined to it: give it an id",
                loc,
                point="name",
                subject=metric.name,
            )


RULE = Rule(CHECK, "map", __doc__, check)

"""Metric ids are unique within a map.

Why it matters: `journeyctl measure` joins actuals to a metric by its id; two metrics with one
id in a map would both take the same rows, and neither number would mean what its name says.

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
          - id: time-to-value
            name: Time to first workflow

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
          - id: time-to-first-workflow
            name: Time to first workflow
"""

from collections.abc import Iterator

from journeyctl.lint.rule import MapContext, Rule
from journeyctl.problems import Check, Problem, Severity
from journeyctl.schema.metrics import every_metric

CHECK = Check("JC220", "duplicate-metric-id", Severity.ERROR)


def check(context: MapContext) -> Iterator[Problem]:
    first: dict[str, str] = {}
    for loc, _, _, metric in every_metric(context.journey):
        if metric.id is None:
            continue
        if metric.id in first:
            yield context.problem(
                CHECK,
                f"metric id {metric.id!r} is used twice in this map (first at {first[metric.id]}): "
                "actuals would join to both; give each metric its own id",
                loc,
                point="id",
                subject=metric.id,
            )
        else:
            first[metric.id] = context.map_file.semantic_path(loc)


RULE = Rule(CHECK, "map", __doc__, check)

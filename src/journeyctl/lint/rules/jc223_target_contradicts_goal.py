"""A metric's `target` text says what its `goal` checks.

Why it matters: readers see the target text, `journeyctl measure` checks the goal. A target of
"< 45 days" with `goal: {max: 60}` shows one promise and measures another.

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
            target: "< 45 days"
            goal: {max: 60, unit: days}

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
            target: "< 45 days"
            goal: {max: 45, unit: days}
"""

import re
from collections.abc import Iterator

from journeyctl.lint.rule import MapContext, Rule
from journeyctl.problems import Check, Problem, Severity
from journeyctl.schema.metrics import every_metric

CHECK = Check("JC223", "target-contradicts-goal", Severity.WARNING)

_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:[.,]\d+)?")
_AT_MOST = re.compile(
    r"<|≤|\b(?:or (?:fewer|less|lower|under)|at most|under|below|within|no more than|fewer than|less than)\b", re.I
)
_AT_LEAST = re.compile(r">|≥|\b(?:or (?:more|higher|above|better)|at least|over|above|all)\b", re.I)


def check(context: MapContext) -> Iterator[Problem]:
    for loc, _, _, metric in every_metric(context.journey):
        goal = metric.goal
        if goal is None or metric.target is None:
            continue
        text = str(metric.target)
        found = _NUMBER.search(text)
        if found is None:
            continue
        number = float(found.group().replace(",", "."))
        bound_key = "max" if goal.max is not None else "min"
        if number != goal.bound:
            yield context.problem(
                CHECK,
                f"target {text!r} says {found.group()}, the goal's {bound_key} is {_plain(goal.bound)}: "
                "make them say the same",
                loc,
                point="target",
            )
        elif goal.max is not None and _AT_LEAST.search(text) and not _AT_MOST.search(text):
            yield context.problem(
                CHECK,
                f"target {text!r} asks for at least, the goal for at most (max): make them agree",
                loc,
                point="target",
            )
        elif goal.min is not None and _AT_MOST.search(text) and not _AT_LEAST.search(text):
            yield context.problem(
                CHECK,
                f"target {text!r} asks for at most, the goal for at least (min): make them agree",
                loc,
                point="target",
            )


def _plain(value: float) -> str:
    return f"{value:g}"


RULE = Rule(CHECK, "map", __doc__, check)

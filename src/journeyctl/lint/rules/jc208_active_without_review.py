"""An active map has a `review` block.

Why it matters: an active map is the one the team follows; without a review cadence
nobody is asked to keep it true, and JC207 cannot tell when it went stale.

Fails:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    status: active

Passes:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    status: active
    review:
      last_reviewed: 2099-01-15
      every_days: 90
"""

from collections.abc import Iterator

from journeyctl.lint.rule import MapContext, Rule
from journeyctl.problems import Check, Problem, Severity
from journeyctl.schema import Status

CHECK = Check("JC208", "active-without-review", Severity.WARNING)


def check(context: MapContext) -> Iterator[Problem]:
    if context.journey.status is Status.active and context.journey.review is None:
        yield context.problem(
            CHECK, "active map has no review block: add review.last_reviewed and review.every_days", ("status",)
        )


RULE = Rule(CHECK, "map", __doc__, check)

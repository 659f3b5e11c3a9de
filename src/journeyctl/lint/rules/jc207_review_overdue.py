"""The map was reviewed within its cadence: `last_reviewed + every_days` is not in the past.

Why it matters: journey maps go stale. A map nobody has looked at for two cycles tells
the team to run plays that no longer exist. `journeyctl lint --today YYYY-MM-DD` fixes
the date, so CI runs and tests are repeatable. Retired maps are exempt.

Fails:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    review:
      last_reviewed: 2020-01-15
      every_days: 90

Passes:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    review:
      last_reviewed: 2099-01-15
      every_days: 90
"""

from collections.abc import Iterator
from datetime import timedelta

from journeyctl.lint.rule import MapContext, Rule
from journeyctl.problems import Check, Problem, Severity
from journeyctl.schema import Status
from journeyctl.wording import plural

CHECK = Check("JC207", "review-overdue", Severity.WARNING)


def check(context: MapContext) -> Iterator[Problem]:
    journey, today = context.journey, context.settings.today
    if journey.review is None or journey.status is Status.retired:
        return
    due = journey.review.last_reviewed + timedelta(days=journey.review.every_days)
    if due < today:
        late = (today - due).days
        yield context.problem(
            CHECK,
            f"review overdue: last reviewed {journey.review.last_reviewed.isoformat()}, due every "
            f"{journey.review.every_days} days, so due {due.isoformat()} ({plural(late, 'day')} ago)",
            ("review", "last_reviewed"),
        )


RULE = Rule(CHECK, "map", __doc__, check)

"""A touchpoint whose timing says it recurs gives `every` in its `when`.

Why it matters: "Monthly" or "Every quarter" in `timing` is a promise of repeated contact, and
the cadence rules count a recurring touchpoint at each occurrence. A `when` of one day or one
window for it shows one contact where the customer gets twelve, so crowding goes unseen. The
words read as recurring are: every, weekly, monthly, quarterly, nightly, daily, yearly,
annually, "twice a", "each week" (day, month, quarter, year).

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
          - id: office-hours
            name: Office hours
            channel: webinar
            owner: csm
            timing: Monthly
            when: {day: 30}

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
          - id: office-hours
            name: Office hours
            channel: webinar
            owner: csm
            timing: Monthly
            when: {every: 30, from: 30}
"""

from collections.abc import Iterator

from journeyctl.lint.rule import MapContext, Rule
from journeyctl.problems import Check, Problem, Severity
from journeyctl.timeline import says_recurring

CHECK = Check("JC234", "recurring-without-every", Severity.WARNING)


def check(context: MapContext) -> Iterator[Problem]:
    for p, t, _phase, touchpoint in context.touchpoints():
        if touchpoint.when is not None and touchpoint.when.every is None and says_recurring(touchpoint.timing):
            yield context.problem(
                CHECK,
                f"timing {touchpoint.timing!r} recurs but `when` gives no `every`: add `every: DAYS` "
                "so each occurrence counts",
                ("phases", p, "touchpoints", t, "when"),
            )


RULE = Rule(CHECK, "map", __doc__, check)

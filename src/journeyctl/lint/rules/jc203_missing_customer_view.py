"""A customer-visible touchpoint has a `customer_view`.

Why it matters: the customer-facing map shows what the customer experiences, in their
words. A visible touchpoint without a `customer_view` leaves the customer render with
nothing to say about it. Touchpoints (or phases) with `visibility: internal` are exempt.

Fails:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners: [{id: csm, name: Customer Success Manager}]
    phases:
      - id: land
        name: Land
        touchpoints:
          - id: kickoff
            name: Kickoff call
            channel: video-call
            owner: csm

Passes:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners: [{id: csm, name: Customer Success Manager}]
    phases:
      - id: land
        name: Land
        touchpoints:
          - id: kickoff
            name: Kickoff call
            customer_view: A one-hour call to agree your goals and the rollout plan.
            channel: video-call
            owner: csm
          - id: risk-review
            name: Risk review
            channel: meeting
            owner: csm
            visibility: internal
"""

from collections.abc import Iterator

from journeyctl.lint.rule import MapContext, Rule
from journeyctl.problems import Check, Problem, Severity
from journeyctl.schema.audience import shown_to_customer

CHECK = Check("JC203", "missing-customer-view", Severity.WARNING)


def check(context: MapContext) -> Iterator[Problem]:
    for p, t, phase, touchpoint in context.touchpoints():
        visible = shown_to_customer(phase) and shown_to_customer(touchpoint)
        if visible and not (touchpoint.customer_view or "").strip():
            yield context.problem(
                CHECK,
                f"touchpoint {touchpoint.id!r} is customer-visible but has no customer_view "
                "(or mark it visibility: internal)",
                ("phases", p, "touchpoints", t),
                point="id",
            )


RULE = Rule(CHECK, "map", __doc__, check)

"""A moment that matters has an owner and at least one playbook with a trigger.

Why it matters: a moment that matters decides whether the customer stays. When it goes
wrong the team needs to know who acts and what to do: a playbook whose `trigger` says
when it starts ("if the champion misses the kickoff...").

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
            moment_that_matters: true

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
            channel: video-call
            owner: csm
            moment_that_matters: true
            playbooks:
              - title: Kickoff playbook
                url: https://wiki.example.com/cs/kickoff
                trigger: Champion misses the kickoff
"""

from collections.abc import Iterator

from journeyctl.lint.rule import MapContext, Rule
from journeyctl.problems import Check, Problem, Severity

CHECK = Check("JC202", "moment-without-playbook", Severity.ERROR)


def check(context: MapContext) -> Iterator[Problem]:
    for p, t, _phase, touchpoint in context.touchpoints():
        if not touchpoint.moment_that_matters:
            continue
        loc = ("phases", p, "touchpoints", t)
        if not touchpoint.owner.strip():
            yield context.problem(
                CHECK, f"moment that matters {touchpoint.id!r} has no owner", loc, point="owner", subject="owner"
            )
        if not any(playbook.trigger for playbook in touchpoint.playbooks):
            missing = "no playbook" if not touchpoint.playbooks else "no playbook with a trigger"
            yield context.problem(
                CHECK,
                f"moment that matters {touchpoint.id!r} has {missing}: add one whose trigger says when the team acts",
                loc,
                point="moment_that_matters",
                subject="playbook",
            )


RULE = Rule(CHECK, "map", __doc__, check)

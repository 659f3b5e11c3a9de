"""A playbook `url` is an absolute http(s) URL.

Why it matters: the playbook is what the team opens when a moment goes wrong. A relative
path, a `javascript:` link or a typo such as `htps://` does not open from a rendered
map, a pull request or a chat message.

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
            playbooks:
              - title: Kickoff playbook
                url: wiki/cs/kickoff

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
            playbooks:
              - title: Kickoff playbook
                url: https://wiki.example.com/cs/kickoff
"""

from collections.abc import Iterator

from journeyctl.lint.rule import MapContext, Rule
from journeyctl.problems import Check, Problem, Severity

CHECK = Check("JC210", "playbook-url", Severity.ERROR)


def check(context: MapContext) -> Iterator[Problem]:
    for p, t, _phase, touchpoint in context.touchpoints():
        for b, playbook in enumerate(touchpoint.playbooks):
            if playbook.link is None:  # the renders' definition of a link (schema.models.Playbook.link)
                yield context.problem(
                    CHECK,
                    f"playbook url {playbook.url!r} is not an absolute http(s) URL",
                    ("phases", p, "touchpoints", t, "playbooks", b, "url"),
                )


RULE = Rule(CHECK, "map", __doc__, check)

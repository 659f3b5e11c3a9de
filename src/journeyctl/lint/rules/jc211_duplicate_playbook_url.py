"""Two playbooks of one touchpoint do not share a URL.

Why it matters: a copied playbook entry whose URL was never changed sends the team to
the wrong page at the worst moment.

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
              - {title: Kickoff playbook, url: "https://wiki.example.com/cs/kickoff"}
              - {title: No-show playbook, url: "https://wiki.example.com/cs/kickoff"}

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
              - {title: Kickoff playbook, url: "https://wiki.example.com/cs/kickoff"}
              - {title: No-show playbook, url: "https://wiki.example.com/cs/no-show"}
"""

from collections.abc import Iterator

from journeyctl.lint.rule import MapContext, Rule
from journeyctl.problems import Check, Problem, Severity

CHECK = Check("JC211", "duplicate-playbook-url", Severity.WARNING)


def check(context: MapContext) -> Iterator[Problem]:
    for p, t, _phase, touchpoint in context.touchpoints():
        first_title: dict[str, str] = {}
        for b, playbook in enumerate(touchpoint.playbooks):
            url = playbook.url.strip()
            if url in first_title:
                yield context.problem(
                    CHECK,
                    f"playbook {playbook.title!r} has the same url as {first_title[url]!r}: {url}",
                    ("phases", p, "touchpoints", t, "playbooks", b, "url"),
                )
            else:
                first_title[url] = playbook.title


RULE = Rule(CHECK, "map", __doc__, check)

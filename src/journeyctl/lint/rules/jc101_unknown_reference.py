"""Every `owner` and `personas` id is defined, in the map or in a catalog of the same run.

Why it matters: a touchpoint whose owner does not exist has nobody accountable for it,
and a customer render cannot name the role. Lint catalogs together with the maps
(`journeyctl lint maps/`), or list them under `catalogs:` in `.journeyctl.yaml`.
Always on: render and diff rely on it, so neither the configuration nor a suppression
comment turns it off.

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
            owner: cms

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
"""

from journeyctl.lint.rule import Rule
from journeyctl.problems import Check

CHECK = Check("JC101", "unknown-reference")

RULE = Rule(CHECK, "references", __doc__)

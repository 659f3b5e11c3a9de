"""Ids are unique where the format says so.

Touchpoint and phase ids are unique within a map, map ids in the repository, owner and
persona ids across the catalogs and the map that uses them.

Why it matters: diff matches by id and references resolve by id; two things with one id
make both ambiguous. The problem names the line of the first definition.
Always on: neither the configuration nor a suppression comment turns it off.

Fails:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    phases:
      - id: land
        name: Land
      - id: land
        name: Adopt

Passes:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    phases:
      - id: land
        name: Land
      - id: adopt
        name: Adopt
"""

from journeyctl.lint.rule import Rule
from journeyctl.problems import Check

CHECK = Check("JC102", "duplicate-id")

RULE = Rule(CHECK, "references", __doc__)

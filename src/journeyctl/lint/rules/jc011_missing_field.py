"""Every required field is present.

Why it matters: the format requires only what every tool needs: `id` and `title` of a
map, `id` and `name` of a phase, `id`, `name`, `channel` and `owner` of a touchpoint,
`id` and `name` of an owner or persona, `title` and `url` of a playbook, `name` of a
metric, and both keys of `review`.

Fails:

    journeyctl: 1
    kind: catalog
    owners:
      - id: csm

Passes:

    journeyctl: 1
    kind: catalog
    owners:
      - id: csm
        name: Customer Success Manager
"""

from journeyctl.lint.rule import Rule
from journeyctl.problems import Check

CHECK = Check("JC011", "missing-field")

RULE = Rule(CHECK, "loader", __doc__)

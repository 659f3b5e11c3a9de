"""A key appears once in a mapping.

Why it matters: YAML parsers silently keep the last of two equal keys, so half of an
edit disappears without a trace. journeyctl names both lines.

Fails:

    journeyctl: 1
    kind: catalog
    owners: []
    owners: [{id: csm, name: Customer Success Manager}]

Passes:

    journeyctl: 1
    kind: catalog
    owners: [{id: csm, name: Customer Success Manager}]
"""

from journeyctl.lint.rule import Rule
from journeyctl.problems import Check

CHECK = Check("JC004", "duplicate-key")

RULE = Rule(CHECK, "loader", __doc__)

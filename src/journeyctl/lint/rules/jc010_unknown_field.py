"""Every field is one the format defines (with a did-you-mean for typos).

Why it matters: a misspelt field (`touchpoint` for `touchpoints`) is otherwise ignored,
and the data in it silently disappears from every render and check.

Fails:

    journeyctl: 1
    kind: catalog
    owner:
      - id: csm
        name: Customer Success Manager

Passes:

    journeyctl: 1
    kind: catalog
    owners:
      - id: csm
        name: Customer Success Manager
"""

from journeyctl.lint.rule import Rule
from journeyctl.problems import Check

CHECK = Check("JC010", "unknown-field")

RULE = Rule(CHECK, "loader", __doc__)

"""A map file must be valid YAML: one document, indented with spaces.

Why it matters: a syntax error stops everything else; journeyctl reports the first one
with its line and column. Tabs in indentation and a second document (`---`) are
reported here too.

Fails:

    journeyctl: 1
    kind: catalog
    owners: [{id: csm, name: Customer Success Manager}

Passes:

    journeyctl: 1
    kind: catalog
    owners: [{id: csm, name: Customer Success Manager}]
"""

from journeyctl.lint.rule import Rule
from journeyctl.problems import Check

CHECK = Check("JC002", "yaml-syntax")

RULE = Rule(CHECK, "loader", __doc__)

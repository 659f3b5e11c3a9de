"""A map file uses plain YAML only: no tags, no merge keys, no alias bombs, no extreme nesting.

Why it matters: map files come from any contributor's pull request. Tags such as
`!!python/object` are never constructed, aliases may not expand to more than 100,000
values ("billion laughs"), and nesting is limited to 64 levels, so that a hostile file
is rejected in milliseconds instead of exhausting memory or the stack.

Fails:

    journeyctl: 1
    kind: catalog
    owners: !!python/object/apply:os.system ["echo hello"]

Passes:

    journeyctl: 1
    kind: catalog
    owners: []
"""

from journeyctl.lint.rule import Rule
from journeyctl.problems import Check

CHECK = Check("JC003", "unsupported-yaml")

RULE = Rule(CHECK, "loader", __doc__)

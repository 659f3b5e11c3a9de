"""An owner or persona that is defined is used somewhere.

Why it matters: a definition nobody uses is either left over from an old version of the
map or a sign that a persona was forgotten in the touchpoints. Definitions in a catalog
count as used when any journey of the same run uses them; while a map of the run cannot be
read (a syntax or validation error), a catalog's definitions are not reported.

Fails:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners: [{id: csm, name: Customer Success Manager}]
    personas: [{id: champion, name: Dana}]
    phases:
      - id: land
        name: Land
        touchpoints:
          - id: kickoff
            name: Kickoff call
            channel: video-call
            owner: csm

Passes:

    journeyctl: 1
    kind: journey
    id: onboarding
    title: Onboarding
    owners: [{id: csm, name: Customer Success Manager}]
    personas: [{id: champion, name: Dana}]
    phases:
      - id: land
        name: Land
        touchpoints:
          - id: kickoff
            name: Kickoff call
            channel: video-call
            owner: csm
            personas: [champion]
"""

from journeyctl.lint.rule import Rule, WorkspaceContext
from journeyctl.problems import Check, Problem, Severity

CHECK = Check("JC205", "unused-definition", Severity.INFO)


def check(context: WorkspaceContext):
    """A map that could not be read uses catalog definitions nobody can count: then the catalogs'
    definitions are not reported (a map's own definitions still are, from the map itself)."""
    for index in context.indexes:
        if index.kind == "catalog" and not context.every_map_read:
            continue
        for mention in index.definitions:
            if (
                mention.noun in ("owner", "persona")
                and context.uses.get((index.path, mention.noun, mention.item_id)) == 0
            ):
                where = "any map of this run" if index.kind == "catalog" else "this map"
                yield Problem(
                    index.path,
                    mention.span,
                    CHECK,
                    f"{mention.noun} {mention.item_id!r} is defined but not used in {where}",
                    mention.semantic_path.removesuffix(".id"),
                )


RULE = Rule(CHECK, "workspace", __doc__, check)

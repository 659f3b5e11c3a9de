"""Where every key goes: the order of the spec's example (docs/format.md), kind by kind.

A key's position in its tuple is its canonical position. `CHILDREN` names what kind of mapping a
key's value holds (a list of them, or one), so the formatter can walk a map file without the models.
"""

from __future__ import annotations

KEY_ORDER: dict[str, tuple[str, ...]] = {
    "journey": ("journeyctl", "kind", "id", "title", "summary", "segment", "engagement", "status", "owner",
                "review", "owners", "personas", "phases"),
    "catalog": ("journeyctl", "kind", "owners", "personas"),
    "review": ("last_reviewed", "every_days"),
    "owner": ("id", "name", "team", "contact"),
    "persona": ("id", "name", "role", "goals", "pain_points", "quote"),
    "phase": ("id", "name", "stage", "visibility", "customer_goal", "objective", "entry_criteria",
              "exit_criteria", "metrics", "touchpoints"),
    "metric": ("name", "target", "source", "visibility"),
    "touchpoint": ("id", "name", "customer_view", "description", "channel", "mode", "owner", "personas",
                   "timing", "emotion", "moment_that_matters", "pain_points", "opportunities", "playbooks",
                   "backstage", "notes", "visibility"),
    "playbook": ("title", "url", "trigger"),
}

CHILDREN: dict[tuple[str, str], str] = {
    ("journey", "review"): "review",
    ("journey", "owners"): "owner",
    ("journey", "personas"): "persona",
    ("journey", "phases"): "phase",
    ("catalog", "owners"): "owner",
    ("catalog", "personas"): "persona",
    ("phase", "metrics"): "metric",
    ("phase", "touchpoints"): "touchpoint",
    ("touchpoint", "playbooks"): "playbook",
}

# Lists of ids, written on one line as in the spec (`personas: [champion, exec-sponsor]`);
# every other list is a block list, one item a line.
ID_LISTS: frozenset[tuple[str, str]] = frozenset({("touchpoint", "personas")})

# Always in double quotes, as the spec writes it: a persona's quote reads as a quotation.
QUOTED_FIELDS: frozenset[tuple[str, str]] = frozenset({("persona", "quote")})


def ordered_keys(kind: str, keys) -> list:
    """`keys` in canonical order; a key the layout does not know keeps its place after the known ones."""
    order = KEY_ORDER.get(kind, ())
    rank = {key: position for position, key in enumerate(order)}
    return sorted(keys, key=lambda key: rank.get(key, len(order)))

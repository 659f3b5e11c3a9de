"""Where every key goes: the order of the models' fields, which is the order of the spec's example.

`CHILDREN` names what kind of mapping a key's value holds (a list of them, or one), so the
formatter can walk a map file's round-trip tree kind by kind.
"""

from __future__ import annotations

from pydantic import BaseModel

from journeyctl.schema.models import Catalog, Journey, Metric, Owner, Persona, Phase, Playbook, Review, Touchpoint

_MODELS: dict[str, type[BaseModel]] = {
    "journey": Journey,
    "catalog": Catalog,
    "review": Review,
    "owner": Owner,
    "persona": Persona,
    "phase": Phase,
    "metric": Metric,
    "touchpoint": Touchpoint,
    "playbook": Playbook,
}
KEY_ORDER: dict[str, tuple[str, ...]] = {kind: tuple(model.model_fields) for kind, model in _MODELS.items()}

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


# Mappings keyed by persona id (`emotion: {champion: 1}`): one persona a line, in the order of the
# touchpoint's `personas` (docs/format.md, "Emotion per persona").
BY_PERSONA: frozenset[tuple[str, str]] = frozenset({("touchpoint", "emotion")})


def persona_order(keys: list, personas: list) -> list:
    """`keys` in the order of `personas`; a key that is not one keeps its place after them."""
    rank = {persona: position for position, persona in enumerate(personas) if isinstance(persona, str)}
    return sorted(keys, key=lambda key: rank.get(key, len(rank)))


def ordered_keys(kind: str, keys) -> list:
    """`keys` in canonical order; a key the layout does not know keeps its place after the known ones."""
    order = KEY_ORDER.get(kind, ())
    rank = {key: position for position, key in enumerate(order)}
    return sorted(keys, key=lambda key: rank.get(key, len(order)))

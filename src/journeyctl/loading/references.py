"""Ids and references across files: unique where the spec says, and every reference resolves.

Each file is reduced to a small picklable FileIndex (its definitions and references, with
positions), so the expensive per-file work can run in worker processes and only the index
comes back for the checks that need every file of the run.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from journeyctl.lint.rules.jc101_unknown_reference import CHECK as UNKNOWN_REFERENCE
from journeyctl.lint.rules.jc102_duplicate_id import CHECK as DUPLICATE_ID
from journeyctl.loading.map_file import load_file
from journeyctl.loading.source import node_span
from journeyctl.mapfiles import MAP_SUFFIXES
from journeyctl.paths import relative_posix
from journeyctl.problems import Problem, Span, did_you_mean
from journeyctl.schema import Account, Catalog, Journey


class Mention(NamedTuple):
    """A definition (`id: csm`) or a reference (`owner: csm`) of an id, where it is written."""

    noun: str  # owner | persona | map | phase | touchpoint | account
    item_id: str
    span: Span
    semantic_path: str


@dataclass
class FileIndex:
    path: str
    kind: str
    definitions: list[Mention] = field(default_factory=list)
    references: list[Mention] = field(default_factory=list)

    # A large run sends about 80,000 mentions back from its workers; as plain tuples they
    # pickle about ten times faster than as named tuples.
    def __getstate__(self):
        def plain(mentions):
            return [(m.noun, m.item_id, tuple(m.span), m.semantic_path) for m in mentions]

        return self.path, self.kind, plain(self.definitions), plain(self.references)

    def __setstate__(self, state):
        def typed(rows):
            return [Mention(noun, item_id, Span(*span), path) for noun, item_id, span, path in rows]

        self.path, self.kind, definitions, references = state
        self.definitions, self.references = typed(definitions), typed(references)


def index_file(map_file) -> FileIndex:
    """Every id a map file defines and every owner/persona id it refers to, with positions.

    Walks the node tree once, beside the validated model (whose shape it therefore has), so a
    large map is indexed in one pass instead of one tree search per id.
    """
    model = map_file.model
    index = FileIndex(map_file.path, map_file.kind)
    root = _fields(map_file.source.root)

    def mention(target: list, noun: str, node, semantic: str) -> None:
        target.append(Mention(noun, node.value, node_span(node), semantic))

    if isinstance(model, Account):  # its journey, and the owner and persona ids its keys name
        mention(index.references, "map", root["journey"], "journey")
        for key, noun in (("contacts", "owner"), ("personas", "persona")):
            node = root.get(key)
            for key_node, _ in node.value if node is not None and isinstance(node.value, list) else []:
                mention(index.references, noun, key_node, f"{key}.{key_node.value}")
        return index

    if isinstance(model, Journey):
        mention(index.definitions, "map", root["id"], "id")
        if model.owner is not None:
            mention(index.references, "owner", root["owner"], "owner")
    for kind, noun in (("owners", "owner"), ("personas", "persona")):
        for item in _items(root.get(kind)):
            fields = _fields(item)
            mention(index.definitions, noun, fields["id"], f"{kind}[{fields['id'].value}].id")
    if isinstance(model, Journey):
        for phase_node in _items(root.get("phases")):
            phase = _fields(phase_node)
            phase_path = f"phases[{phase['id'].value}]"
            mention(index.definitions, "phase", phase["id"], f"{phase_path}.id")
            for touchpoint_node in _items(phase.get("touchpoints")):
                touchpoint = _fields(touchpoint_node)
                path = f"{phase_path}.touchpoints[{touchpoint['id'].value}]"
                mention(index.definitions, "touchpoint", touchpoint["id"], f"{path}.id")
                mention(index.references, "owner", touchpoint["owner"], f"{path}.owner")
                for k, persona in enumerate(_items(touchpoint.get("personas"))):
                    mention(index.references, "persona", persona, f"{path}.personas[{k}]")
                emotion = touchpoint.get("emotion")
                if emotion is not None and isinstance(emotion.value, list) and emotion.tag.endswith(":map"):
                    for key, _ in emotion.value:  # `emotion: {champion: 1}`: the keys are persona ids
                        mention(index.references, "persona", key, f"{path}.emotion.{key.value}")
    return index


def _fields(node) -> dict:
    return {key.value: value for key, value in node.value} if node is not None else {}


def _items(node) -> list:
    return node.value if node is not None and isinstance(node.value, list) else []


@dataclass(slots=True)
class _Scope:
    """Definitions visible in one scope (a map, or all catalogs), falling back to a parent scope."""

    parent: _Scope | None = None
    found: dict[tuple[str, str], tuple[str, Mention]] = field(default_factory=dict)

    def lookup(self, noun: str, item_id: str) -> tuple[str, Mention] | None:
        hit = self.found.get((noun, item_id))
        return hit if hit or self.parent is None else self.parent.lookup(noun, item_id)

    def ids(self, noun: str) -> list[str]:
        own = [item_id for (kind, item_id) in self.found if kind == noun]
        return own + (self.parent.ids(noun) if self.parent else [])


def _define(scope: _Scope, path: str, mention: Mention, problems: list[Problem]) -> bool:
    """Record a definition; a second one of the same id is a problem (and returns False)."""
    first = scope.lookup(mention.noun, mention.item_id)
    if first is None:
        scope.found[(mention.noun, mention.item_id)] = (path, mention)
        return True
    first_path, first_mention = first
    where = f"line {first_mention.span.line}" if first_path == path else f"{first_path}:{first_mention.span.line}"
    problems.append(
        Problem(
            path,
            mention.span,
            DUPLICATE_ID,
            f"duplicate {mention.noun} id {mention.item_id!r} (first defined at {where})",
            mention.semantic_path,
        )
    )
    return False


def resolve(indexes: Sequence[FileIndex]) -> tuple[list[Problem], dict[tuple[str, str, str], int]]:
    """Duplicate-id and unknown-reference problems, and how often each definition is used.

    Uses are keyed by (path of the definition, noun, id), so unused definitions can be reported.
    """
    problems: list[Problem] = []
    uses: dict[tuple[str, str, str], int] = {}
    catalogs, maps = _Scope(), _Scope()
    journey_scopes: dict[str, _Scope] = {}  # map id -> its owners and personas, for the accounts
    catalog_read = any(index.kind == "catalog" for index in indexes)
    told_about_catalogs = False
    for index in indexes:
        if index.kind == "catalog":
            for mention in index.definitions:
                if _define(catalogs, index.path, mention, problems):
                    uses.setdefault((index.path, mention.noun, mention.item_id), 0)
    for index in indexes:
        if index.kind != "journey":
            continue
        local = _Scope(parent=catalogs)
        # phase and touchpoint ids are unique within one map; map ids across the repository
        within_map = _Scope()
        for mention in index.definitions:
            if mention.noun == "map":
                _define(maps, index.path, mention, problems)
                journey_scopes.setdefault(mention.item_id, local)
            elif mention.noun in ("phase", "touchpoint"):
                _define(within_map, index.path, mention, problems)
            elif _define(local, index.path, mention, problems):
                uses.setdefault((index.path, mention.noun, mention.item_id), 0)
        for mention in index.references:
            hit = local.lookup(mention.noun, mention.item_id)
            if hit is not None:
                key = (hit[0], mention.noun, mention.item_id)
                uses[key] = uses.get(key, 0) + 1
                continue
            known = local.ids(mention.noun)
            hint = did_you_mean(mention.item_id, known)
            if not hint and not catalog_read and not told_about_catalogs:  # once: the others have the same cause
                hint = catalog_hint(index.path, mention)
                told_about_catalogs = True
            elif not hint and not known:
                hint = f"; define it under '{mention.noun}s:' in this map or a catalog"
            problems.append(
                Problem(
                    index.path,
                    mention.span,
                    UNKNOWN_REFERENCE,
                    f"unknown {mention.noun} {mention.item_id!r}{hint}",
                    mention.semantic_path,
                )
            )
    problems.extend(_account_problems(indexes, journey_scopes))
    return problems, uses


def _account_problems(indexes: Sequence[FileIndex], journeys: dict[str, _Scope]) -> list[Problem]:
    """An account's owner and persona ids must be its journey's. Checked when the journey is read
    in the same run (pre-commit may lint the account alone); render always reads it."""
    problems = []
    for index in indexes:
        if index.kind != "account":
            continue
        journey_id = next(m.item_id for m in index.references if m.noun == "map")
        scope = journeys.get(journey_id)
        if scope is None:
            continue
        for mention in index.references:
            if mention.noun == "map" or scope.lookup(mention.noun, mention.item_id) is not None:
                continue
            hint = did_you_mean(mention.item_id, scope.ids(mention.noun))
            problems.append(
                Problem(
                    index.path,
                    mention.span,
                    UNKNOWN_REFERENCE,
                    f"unknown {mention.noun} {mention.item_id!r}: journey {journey_id!r} has no such "
                    f"{mention.noun}{hint}",
                    mention.semantic_path,
                )
            )
    return problems


# The hint must not read a whole data folder: this many files per folder, of this size at most.
NEARBY_FILES_LOOKED_AT = 50
NEARBY_FILE_MAX_BYTES = 1_000_000


def catalog_hint(map_path: str, unknown: Mention) -> str:
    """What to do when a run has no catalog: name the catalog beside the map that defines the id."""
    found = nearby_catalog(map_path, unknown)
    what = f"pass {relative_posix(found)}" if found else "pass the catalog that defines it"
    return f"; no catalog was read in this run: {what} too, or list it under `catalogs:` in .journeyctl.yaml"


def nearby_catalog(map_path: str, unknown: Mention) -> str | None:
    """A valid catalog that defines the unknown id, in the map's folder or the one above (files
    named *catalog* first), or None."""
    folder = os.path.dirname(os.path.abspath(map_path))
    for candidate_folder in (folder, os.path.dirname(folder)):
        try:
            names = sorted(name for name in os.listdir(candidate_folder) if name.endswith(MAP_SUFFIXES))
        except OSError:
            continue
        names.sort(key=lambda name: "catalog" not in name.lower())
        for name in names[:NEARBY_FILES_LOOKED_AT]:
            path = os.path.join(candidate_folder, name)
            if not os.path.isfile(path) or os.path.getsize(path) > NEARBY_FILE_MAX_BYTES:
                continue
            map_file, problems = load_file(path, False, max_bytes=NEARBY_FILE_MAX_BYTES)
            if (
                map_file is not None
                and not problems
                and isinstance(map_file.model, Catalog)
                and any(
                    (m.noun, m.item_id) == (unknown.noun, unknown.item_id) for m in index_file(map_file).definitions
                )
            ):
                return path
    return None


def check_references(maps) -> list[Problem]:
    """The reference problems of loaded map files (MapFile objects)."""
    return resolve([index_file(map_file) for map_file in maps])[0]

"""Two Sides -> the list of Changes: maps, phases, touchpoints, owners, personas, metrics by id.

Touchpoints are matched across the whole map, so one that changes phase is a single
`moved` entry. Values are compared on the validated models, never on the YAML text, so
quoting, comments, key order and flow style cannot show up as changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from difflib import SequenceMatcher
from enum import Enum
from typing import Any

from pydantic import BaseModel

from journeyctl.config import DEFAULT_RENAME_THRESHOLD
from journeyctl.diff.classify import (
    CUSTOMER_FIELDS,
    is_customer_change,
    metric_visible,
    phase_visible,
    touchpoint_visible,
)
from journeyctl.diff.match import content_words, pair, words_of
from journeyctl.diff.model import Change, Kind
from journeyctl.diff.sides import Side
from journeyctl.loading import CatalogFile, JourneyFile
from journeyctl.schema import Catalog, Journey, Phase, Touchpoint


@dataclass(frozen=True)
class Options:
    rename_threshold: float = DEFAULT_RENAME_THRESHOLD
    order: bool = False  # report position changes within a phase (and of phases in a map)
    pair_single_maps: bool = False  # two files named directly: compare them whatever their ids


def diff_sides(old: Side, new: Side, options: Options = Options()) -> list[Change]:
    blocked = old.blocked | new.blocked  # a file unreadable on one side cannot be compared at all
    old_files, new_files = old.usable(blocked), new.usable(blocked)
    changes: list[Change] = []
    changes += _diff_journeys(
        [f for _, f in old_files if f.kind == "journey"], [f for _, f in new_files if f.kind == "journey"], options
    )
    changes += _diff_catalogs(
        [(k, f) for k, f in old_files if f.kind == "catalog"], [(k, f) for k, f in new_files if f.kind == "catalog"]
    )
    return changes


def plain(value: Any) -> Any:
    """A JSON value: models without their defaults, enums by value, dates in ISO form."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_defaults=True)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


# --- maps --------------------------------------------------------------------------------


def _diff_journeys(old: list[JourneyFile], new: list[JourneyFile], options: Options) -> list[Change]:
    threshold = 0.0 if options.pair_single_maps and len(old) == len(new) == 1 else options.rename_threshold
    pairing = pair(
        old,
        new,
        key=lambda f: f.model.id,
        threshold=threshold,
        words=lambda f: content_words(plain(f.model.model_copy(update={"id": ""}))),
    )
    changes: list[Change] = []
    for old_file, new_file in pairing.matched + pairing.renamed:
        changes += _JourneyDiff(old_file, new_file, options).changes()
    for new_file in pairing.added:
        journey = new_file.model
        changes.append(
            Change(
                map=journey.id,
                kind="added",
                path="",
                new=plain(journey),
                customer_facing=True,
                moment_that_matters=_has_moment(journey),
                line=1,
                file=new_file.path,
            )
        )
    for old_file in pairing.removed:
        journey = old_file.model
        changes.append(
            Change(
                map=journey.id,
                kind="removed",
                path="",
                old=plain(journey),
                customer_facing=True,
                moment_that_matters=_has_moment(journey),
                file=old_file.path,
            )
        )
    return changes


def _has_moment(journey: Journey) -> bool:
    return any(touchpoint.moment_that_matters for _, touchpoint in journey.touchpoints())


def _diff_catalogs(old: list[tuple[str, CatalogFile]], new: list[tuple[str, CatalogFile]]) -> list[Change]:
    pairing = pair(old, new, key=lambda item: item[0])
    if len(pairing.removed) == 1 and len(pairing.added) == 1:  # a catalog that moved or was renamed
        pairing.matched.append((pairing.removed.pop(), pairing.added.pop()))
    changes: list[Change] = []
    for (_, old_file), (key, new_file) in pairing.matched:
        recorder = _Recorder(key, new_file)
        _diff_people(recorder, old_file.model, new_file.model)
        changes += recorder.changes
    for key, new_file in pairing.added:
        changes.append(
            Change(
                map=key,
                kind="added",
                path="",
                new=plain(new_file.model),
                line=1,
                file=new_file.path,
                map_kind="catalog",
            )
        )
    for key, old_file in pairing.removed:
        changes.append(
            Change(map=key, kind="removed", path="", old=plain(old_file.model), file=old_file.path, map_kind="catalog")
        )
    return _moved_between_catalogs(changes, [f for _, f in old], [f for _, f in new])


def _moved_between_catalogs(changes: list[Change], old: list[CatalogFile], new: list[CatalogFile]) -> list[Change]:
    """An owner or persona removed from one catalog and added to another has moved, not gone:
    its removal and its addition are customer-facing when what customers read of it changed."""

    def people(files: list[CatalogFile]) -> dict[str, dict]:
        return {
            f"{kind}/{item.id}": plain(item)
            for f in files
            for kind in ("owners", "personas")
            for item in getattr(f.model, kind)
        }

    before, after = people(old), people(new)

    def shown_differently(path: str) -> bool:
        subject = "owner" if path.startswith("owners/") else "persona"
        return (
            path in before
            and path in after
            and any(before[path].get(name) != after[path].get(name) for name in CUSTOMER_FIELDS[subject])
        )

    def touched(change: Change) -> list[str]:  # the people a change adds or removes
        if change.path:
            return [change.path] if change.kind in ("added", "removed") else []
        whole = change.new if change.kind == "added" else change.old
        return [f"{kind}/{item['id']}" for kind in ("owners", "personas") for item in (whole or {}).get(kind, [])]

    return [
        replace(change, customer_facing=True) if any(map(shown_differently, touched(change))) else change
        for change in changes
    ]


class _Recorder:
    """Collects the Changes of one map, looking up the line of each in the new file."""

    def __init__(self, map_name: str, new_file: JourneyFile | CatalogFile):
        self.map_name = map_name
        self.new_file = new_file
        self.changes: list[Change] = []

    def add(
        self, kind: Kind, path: str, old: Any, new: Any, *, facing: bool, moment: bool = False, loc: tuple | None = None
    ) -> None:
        line = self.new_file.locate(loc).line if loc is not None else None
        self.changes.append(
            Change(
                map=self.map_name,
                kind=kind,
                path=path,
                old=old,
                new=new,
                customer_facing=facing,
                moment_that_matters=moment,
                line=line,
                file=self.new_file.path,
                map_kind=self.new_file.kind,
            )
        )

    def fields(
        self,
        subject: str,
        path: str,
        old: BaseModel,
        new: BaseModel,
        loc: tuple,
        *,
        visible: bool,
        moment: bool = False,
        skip: frozenset[str] = frozenset(),
    ) -> None:
        for name, old_value, new_value in _field_changes(old, new, skip | {"id"}):
            self.add(
                "changed",
                f"{path}/{name}" if path else name,
                old_value,
                new_value,
                facing=visible and is_customer_change(subject, name, old_value, new_value),
                moment=moment,
                loc=loc + tuple(name.split("/")),
            )


def _field_changes(old: BaseModel, new: BaseModel, skip: frozenset[str] | set[str]) -> Iterator[tuple[str, Any, Any]]:
    for name in type(new).model_fields:
        if name in skip:
            continue
        old_value, new_value = getattr(old, name), getattr(new, name)
        if old_value == new_value:
            continue
        if isinstance(old_value, BaseModel) and isinstance(new_value, BaseModel):  # e.g. review
            for sub, a, b in _field_changes(old_value, new_value, set()):
                yield f"{name}/{sub}", a, b
        elif isinstance(old_value, dict) and isinstance(new_value, dict):  # emotion per persona: by persona
            for key in dict.fromkeys([*new_value, *old_value]):
                if old_value.get(key) != new_value.get(key):
                    yield f"{name}/{key}", plain(old_value.get(key)), plain(new_value.get(key))
        else:
            yield name, plain(old_value), plain(new_value)


def _diff_people(recorder: _Recorder, old: Journey | Catalog, new: Journey | Catalog) -> None:
    # Adding or removing an owner, or a catalog's persona, is internal: the customer meets it only
    # through a touchpoint that refers to it, and that reference change is reported (customer-facing)
    # there; one that moved to another catalog file is settled in _moved_between_catalogs. A
    # journey's own personas are different: the customer render shows each of them.
    for attribute, subject in (("owners", "owner"), ("personas", "persona")):
        shown_as_a_list = subject == "persona" and isinstance(new, Journey)
        old_items, new_items = getattr(old, attribute), getattr(new, attribute)
        index = {item.id: i for i, item in enumerate(new_items)}
        pairing = pair(old_items, new_items, key=lambda item: item.id)
        for old_item, new_item in pairing.matched:
            recorder.fields(
                subject, f"{attribute}/{new_item.id}", old_item, new_item, (attribute, index[new_item.id]), visible=True
            )
        for item in pairing.added:
            recorder.add(
                "added",
                f"{attribute}/{item.id}",
                None,
                plain(item),
                facing=shown_as_a_list,
                loc=(attribute, index[item.id]),
            )
        for item in pairing.removed:
            recorder.add("removed", f"{attribute}/{item.id}", plain(item), None, facing=shown_as_a_list)


# --- one journey -------------------------------------------------------------------------

_MAP_PARTS = frozenset({"journeyctl", "kind", "id", "owners", "personas", "phases"})
_PHASE_PARTS = frozenset({"id", "metrics", "touchpoints"})


@dataclass(frozen=True)
class _Placed:
    """A touchpoint with where it sits: its phase, and its indexes in the file.

    Phases and touchpoints are told apart by their ids below: ids are unique within a map, and a
    file with a duplicate id never reaches the comparison (diff.sides blocks it)."""

    phase: Phase
    phase_index: int
    index: int
    touchpoint: Touchpoint

    @property
    def loc(self) -> tuple:
        return ("phases", self.phase_index, "touchpoints", self.index)

    @property
    def path(self) -> str:
        return f"phases/{self.phase.id}/touchpoints/{self.touchpoint.id}"


def _placed(journey: Journey) -> list[_Placed]:
    return [
        _Placed(phase, p, t, touchpoint)
        for p, phase in enumerate(journey.phases)
        for t, touchpoint in enumerate(phase.touchpoints)
    ]


def _touchpoint_words(placed: _Placed) -> list[str]:
    return content_words(plain(placed.touchpoint.model_copy(update={"id": ""})))


def _phase_words(phase: Phase) -> list[str]:
    own = plain(phase.model_copy(update={"id": "", "touchpoints": []}))
    return content_words(own) + words_of(t.id for t in phase.touchpoints)


class _JourneyDiff:
    def __init__(self, old_file: JourneyFile, new_file: JourneyFile, options: Options):
        self.old, self.new = old_file.model, new_file.model
        self.options = options
        self.out = _Recorder(self.new.id, new_file)
        threshold = options.rename_threshold
        self.phases = pair(
            self.old.phases, self.new.phases, key=lambda p: p.id, words=_phase_words, threshold=threshold
        )
        # old phase id -> new phase id, so a touchpoint in a renamed phase has not moved
        self.phase_partner = {old.id: new.id for old, new in self.phases.matched + self.phases.renamed}
        self.new_placed = _placed(self.new)
        self.touchpoints = pair(
            _placed(self.old),
            self.new_placed,
            key=lambda p: p.touchpoint.id,
            words=_touchpoint_words,
            threshold=threshold,
        )
        # new touchpoint id -> the old touchpoint it continues
        self.old_of = {new.touchpoint.id: old for old, new in self.touchpoints.matched + self.touchpoints.renamed}

    def changes(self) -> list[Change]:
        out, old, new = self.out, self.old, self.new
        if old.id != new.id:
            out.add("renamed", "id", old.id, new.id, facing=False, loc=("id",))
        out.fields("map", "", old, new, (), visible=True, skip=_MAP_PARTS)
        _diff_people(out, old, new)
        old_phase_of = {new.id: old for old, new in self.phases.matched + self.phases.renamed}  # by new phase id
        renamed_phases = {new.id for _, new in self.phases.renamed}
        for p, phase in enumerate(new.phases):
            old_phase = old_phase_of.get(phase.id)
            path = f"phases/{phase.id}"
            if old_phase is None:
                out.add(
                    "added",
                    path,
                    None,
                    plain(phase.model_copy(update={"touchpoints": []})),
                    facing=phase_visible(phase),
                    loc=("phases", p),
                )
            else:
                if phase.id in renamed_phases:
                    out.add("renamed", path, old_phase.id, phase.id, facing=False, loc=("phases", p, "id"))
                out.fields(
                    "phase",
                    path,
                    old_phase,
                    phase,
                    ("phases", p),
                    visible=phase_visible(old_phase) or phase_visible(phase),
                    skip=_PHASE_PARTS,
                )
                self._metrics(old_phase, phase, p)
            self._touchpoints_into(phase, p)
            self._touchpoints_removed(
                {old_id for old_id, new_id in self.phase_partner.items() if new_id == phase.id}, phase.id
            )
        for old_phase in self.phases.removed:
            out.add(
                "removed",
                f"phases/{old_phase.id}",
                plain(old_phase.model_copy(update={"touchpoints": []})),
                None,
                facing=phase_visible(old_phase),
            )
            self._touchpoints_removed({old_phase.id}, old_phase.id)
        if self.options.order:
            self._phase_order()
        return out.changes

    def _metrics(self, old_phase: Phase, phase: Phase, p: int) -> None:
        # Metrics have no id; the name is how people refer to them.
        index = {metric.name: i for i, metric in enumerate(phase.metrics)}
        pairing = pair(old_phase.metrics, phase.metrics, key=lambda metric: metric.name)
        base = f"phases/{phase.id}/metrics"
        for old_metric, metric in pairing.matched:
            visible = metric_visible(old_phase, old_metric) or metric_visible(phase, metric)
            self.out.fields(
                "metric",
                f"{base}/{metric.name}",
                old_metric,
                metric,
                ("phases", p, "metrics", index[metric.name]),
                visible=visible,
                skip=frozenset({"name"}),
            )
        for metric in pairing.added:
            self.out.add(
                "added",
                f"{base}/{metric.name}",
                None,
                plain(metric),
                facing=metric_visible(phase, metric),
                loc=("phases", p, "metrics", index[metric.name]),
            )
        for metric in pairing.removed:
            self.out.add(
                "removed", f"{base}/{metric.name}", plain(metric), None, facing=metric_visible(old_phase, metric)
            )

    def _touchpoints_into(self, phase: Phase, p: int) -> None:
        out = self.out
        stayed: list[tuple[_Placed, _Placed]] = []  # (old, new) of touchpoints that stayed in this phase
        for placed in (item for item in self.new_placed if item.phase_index == p):
            touchpoint = placed.touchpoint
            before = self.old_of.get(touchpoint.id)
            if before is None:
                out.add(
                    "added",
                    placed.path,
                    None,
                    plain(touchpoint),
                    facing=touchpoint_visible(phase, touchpoint),
                    moment=touchpoint.moment_that_matters,
                    loc=placed.loc,
                )
                continue
            visible = touchpoint_visible(phase, touchpoint) or touchpoint_visible(before.phase, before.touchpoint)
            moment = touchpoint.moment_that_matters or before.touchpoint.moment_that_matters
            if before.touchpoint.id != touchpoint.id:
                out.add(
                    "renamed",
                    placed.path,
                    before.touchpoint.id,
                    touchpoint.id,
                    facing=False,
                    moment=moment,
                    loc=placed.loc + ("id",),
                )
            if self.phase_partner.get(before.phase.id) != phase.id:
                out.add("moved", placed.path, before.phase.id, phase.id, facing=visible, moment=moment, loc=placed.loc)
            else:
                stayed.append((before, placed))
            out.fields(
                "touchpoint", placed.path, before.touchpoint, touchpoint, placed.loc, visible=visible, moment=moment
            )
        if self.options.order:
            self._order_within(stayed)

    def _touchpoints_removed(self, old_phase_ids: set[str], phase_id: str) -> None:
        """Removed touchpoints that were in `old_phase_ids`, reported under `phase_id` (the phase's id now)."""
        for before in self.touchpoints.removed:
            if before.phase.id in old_phase_ids:
                self.out.add(
                    "removed",
                    f"phases/{phase_id}/touchpoints/{before.touchpoint.id}",
                    plain(before.touchpoint),
                    None,
                    facing=touchpoint_visible(before.phase, before.touchpoint),
                    moment=before.touchpoint.moment_that_matters,
                )

    def _order_within(self, stayed: list[tuple[_Placed, _Placed]]) -> None:
        """Touchpoints outside the longest common order moved; an insert or a removal alone moves nothing."""
        by_old = sorted(stayed, key=lambda item: item[0].index)
        kept = _longest_common(
            [after.touchpoint.id for _, after in by_old], [after.touchpoint.id for _, after in stayed]
        )
        for before, after in stayed:
            if after.touchpoint.id in kept:
                continue
            self.out.add(
                "moved",
                after.path,
                before.index + 1,
                after.index + 1,
                facing=touchpoint_visible(after.phase, after.touchpoint)
                or touchpoint_visible(before.phase, before.touchpoint),
                moment=after.touchpoint.moment_that_matters or before.touchpoint.moment_that_matters,
                loc=after.loc,
            )

    def _phase_order(self) -> None:
        pairs = self.phases.matched + self.phases.renamed
        old_index = {phase.id: i for i, phase in enumerate(self.old.phases)}
        new_index = {phase.id: i for i, phase in enumerate(self.new.phases)}
        by_old = sorted(pairs, key=lambda pair: old_index[pair[0].id])
        by_new = sorted(pairs, key=lambda pair: new_index[pair[1].id])
        kept = _longest_common([new.id for _, new in by_old], [new.id for _, new in by_new])
        for old_phase, phase in by_new:
            if phase.id not in kept:
                p = new_index[phase.id]
                self.out.add(
                    "moved",
                    f"phases/{phase.id}",
                    old_index[old_phase.id] + 1,
                    p + 1,
                    facing=phase_visible(phase) or phase_visible(old_phase),
                    loc=("phases", p),
                )


def _longest_common(old_keys: list[str], new_keys: list[str]) -> set[str]:
    """The keys (the new ids) that keep their relative order: the longest common subsequence, found by difflib."""
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    kept: set[str] = set()
    for block in matcher.get_matching_blocks():
        kept.update(new_keys[block.b : block.b + block.size])
    return kept

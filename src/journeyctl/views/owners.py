"""`journeyctl report owners`: a runbook per owner across every map of the run: each touchpoint
they own in time order (map, phase, when, channel, personas, the playbooks and their triggers),
so a team can answer "what do we do, and when?".

Time order is the first day of the touchpoint's `when` (timeline.place); touchpoints without
a `when` that can be placed come last, in map order.
"""

from __future__ import annotations

from journeyctl.problems import UsageError, did_you_mean
from journeyctl.schema.models import Catalog, Journey
from journeyctl.timeline import label, place
from journeyctl.views.report import EMPTY, INTERNAL_NOTICE, Report, Run, Section, Table

UNPLACED = 10**9  # sorts a touchpoint without a day after every day


def entries(run: Run) -> dict[str, list[dict]]:
    """Every owner's touchpoints across the run, in time order."""
    found: dict[str, list[dict]] = {owner: [] for owner in run.owner_ids()}
    for order, journey in enumerate(run.journeys):
        people = run.people(journey)
        for position, (phase, touchpoint) in enumerate(journey.touchpoints()):
            placement = place(touchpoint.when, journey.term_days) if touchpoint.when is not None else None
            found.setdefault(touchpoint.owner, []).append(
                {
                    "map": journey.id,
                    "phase": phase.id,
                    "phase_name": phase.name,
                    "touchpoint": touchpoint.id,
                    "name": touchpoint.name,
                    "day": placement.first if placement else None,
                    "when": label(touchpoint.when, journey.term_days) if touchpoint.when is not None else None,
                    "timing": touchpoint.timing,
                    "channel": touchpoint.channel,
                    "mode": touchpoint.mode.value if touchpoint.mode else None,
                    "personas": [people.personas[p].name if p in people.personas else p for p in touchpoint.personas],
                    "visibility": touchpoint.visibility.value,
                    "moment_that_matters": touchpoint.moment_that_matters,
                    "playbooks": [
                        {"title": playbook.title, "url": playbook.url, "trigger": playbook.trigger}
                        for playbook in touchpoint.playbooks
                    ],
                    "_order": (order, position),
                }
            )
    for items in found.values():
        items.sort(key=lambda item: (UNPLACED if item["day"] is None else item["day"], item["_order"]))
        for item in items:
            del item["_order"]
    return found


def build(run: Run, owner: str | None = None) -> Report:
    found = entries(run)
    if owner is not None:
        if owner not in found:
            known = sorted(found)
            raise UsageError(
                f"unknown owner {owner!r}{did_you_mean(owner, known)}; the owners of these maps are: {', '.join(known)}"
            )
        found = {owner: found[owner]}
    names = _owner_names(run)
    sections = []
    for owner_id, items in found.items():
        name, team = names.get(owner_id, (owner_id, None))
        heading = f"{name} ({owner_id})" + (f", {team}" if team else "")
        if not items:
            sections.append(Section(heading, ("Owns no touchpoint in these maps.",)))
            continue
        rows = tuple(
            (
                item["when"] or EMPTY,
                item["timing"] or EMPTY,
                item["map"],
                item["phase_name"],
                item["name"] + (" (internal)" if item["visibility"] == "internal" else ""),
                item["channel"],
                ", ".join(item["personas"]) or EMPTY,
                "; ".join(
                    playbook["title"] + (f" (when {playbook['trigger']})" if playbook["trigger"] else "")
                    for playbook in item["playbooks"]
                )
                or EMPTY,
            )
            for item in items
        )
        table = Table(("When", "Timing", "Map", "Phase", "Touchpoint", "Channel", "Personas", "Playbooks"), rows)
        sections.append(Section(heading, (f"{len(items)} touchpoints, in time order.",), (table,)))
    data = {
        "view": "owners",
        "internal": True,
        "notice": INTERNAL_NOTICE,
        "owners": [
            {"id": owner_id, "name": names.get(owner_id, (owner_id, None))[0], "touchpoints": items}
            for owner_id, items in found.items()
        ],
    }
    title = "Owner runbook" if owner else "Owner runbooks"
    return Report("owners", title, tuple(sections), data)


def _owner_names(run: Run) -> dict[str, tuple[str, str | None]]:
    names: dict[str, tuple[str, str | None]] = {}
    sources: list[Catalog | Journey] = [*run.catalogs, *run.journeys]
    for source in sources:
        for owner in source.owners:
            names.setdefault(owner.id, (owner.name, owner.team))
    return names

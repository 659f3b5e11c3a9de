"""`journeyctl report coverage`: per map, a persona x phase matrix of touchpoint counts (empty
cells marked), each phase's channel mix and human/digital share against the map's `engagement`,
then a summary across the run.

A persona of a map is one it defines or one its touchpoints name (as JC206 counts them); a
cell counts the touchpoints of the phase that involve the persona, internal ones included.
"""

from __future__ import annotations

from collections import Counter

from journeyctl.schema.models import Engagement, Journey, Mode
from journeyctl.views.report import EMPTY, INTERNAL_NOTICE, Report, Run, Section, Table
from journeyctl.wording import plural


def personas_of(journey: Journey) -> list[str]:
    found = dict.fromkeys(persona.id for persona in journey.personas)
    for _phase, touchpoint in journey.touchpoints():
        found.update(dict.fromkeys(touchpoint.personas))
    return list(found)


def fits_engagement(engagement: Engagement | None, human: int, digital: int) -> bool | None:
    """Whether a phase's modes fit the map's engagement: a human map is mostly human, a digital
    one mostly digital (JC209's measure, per phase), a hybrid one has both; None when unknowable."""
    if engagement is None or human + digital == 0:
        return None
    if engagement is Engagement.human:
        return digital * 2 <= human + digital
    if engagement is Engagement.digital:
        return human * 2 <= human + digital
    return human > 0 and digital > 0


def map_coverage(journey: Journey) -> dict:
    personas = personas_of(journey)
    counts = {persona: {phase.id: 0 for phase in journey.phases} for persona in personas}
    phases = []
    for phase in journey.phases:
        for touchpoint in phase.touchpoints:
            for persona in dict.fromkeys(touchpoint.personas):
                counts[persona][phase.id] += 1
        modes = Counter(touchpoint.mode for touchpoint in phase.touchpoints)
        human, digital = modes[Mode.human], modes[Mode.digital]
        phases.append(
            {
                "id": phase.id,
                "name": phase.name,
                "touchpoints": len(phase.touchpoints),
                "channels": dict(Counter(touchpoint.channel for touchpoint in phase.touchpoints).most_common()),
                "human": human,
                "digital": digital,
                "mode_unset": modes[None],
                "human_share": round(human / (human + digital), 3) if human + digital else None,
                "fits_engagement": fits_engagement(journey.engagement, human, digital),
            }
        )
    empty = [[persona, phase] for persona, row in counts.items() for phase, count in row.items() if count == 0]
    return {
        "id": journey.id,
        "title": journey.title,
        "engagement": journey.engagement.value if journey.engagement else None,
        "personas": personas,
        "counts": counts,
        "empty_cells": empty,
        "phases": phases,
    }


def build(run: Run) -> Report:
    maps = [map_coverage(journey) for journey in run.journeys]
    sections = [_map_section(run, journey, data) for journey, data in zip(run.journeys, maps, strict=True)]
    summary = _summary(maps)
    sections.append(
        Section(
            "Summary",
            (_summary_line(summary),),
            (
                Table(
                    ("Persona", "Maps", "Touchpoints"),
                    tuple(
                        (persona, str(row["maps"]), str(row["touchpoints"]))
                        for persona, row in summary["personas"].items()
                    ),
                ),
                Table(("Channel", "Touchpoints"), tuple((c, str(n)) for c, n in summary["channels"].items())),
            ),
        )
    )
    data = {"view": "coverage", "internal": True, "notice": INTERNAL_NOTICE, "maps": maps, "summary": summary}
    return Report("coverage", "Coverage: personas x phases", tuple(sections), data)


def _map_section(run: Run, journey: Journey, data: dict) -> Section:
    people = run.people(journey)
    names = {pid: people.personas[pid].name if pid in people.personas else pid for pid in data["personas"]}
    matrix = Table(
        ("Persona", *(phase.name for phase in journey.phases)),
        tuple(
            (names[persona], *(str(count) if count else EMPTY for count in data["counts"][persona].values()))
            for persona in data["personas"]
        ),
        f"touchpoints per persona and phase; {EMPTY} marks an empty cell",
    )
    engagement = data["engagement"] or "not set"
    mix = Table(
        ("Phase", "Touchpoints", "Channels", "Human", "Digital", f"Fits engagement ({engagement})"),
        tuple(
            (
                phase["name"],
                str(phase["touchpoints"]),
                ", ".join(f"{channel} {count}" for channel, count in phase["channels"].items()) or EMPTY,
                _share(phase["human"], phase),
                _share(phase["digital"], phase),
                {True: "yes", False: "no", None: EMPTY}[phase["fits_engagement"]],
            )
            for phase in data["phases"]
        ),
        "channel mix and human/digital share per phase",
    )
    empty = len(data["empty_cells"])
    lines = (f"{journey.title} ({journey.id}): {len(data['personas'])} personas, {empty} empty cells.",)
    return Section(f"Map {journey.id}", lines, (matrix, mix))


def _summary_line(summary: dict) -> str:
    counts = (plural(summary["maps"], "map"), plural(summary["touchpoints"], "touchpoint"))
    return f"{counts[0]}, {counts[1]}, {plural(summary['empty_cells'], 'empty cell')}."


def _share(count: int, phase: dict) -> str:
    total = phase["human"] + phase["digital"]
    return f"{count} ({round(100 * count / total)}%)" if total else EMPTY


def _summary(maps: list[dict]) -> dict:
    personas: dict[str, dict[str, int]] = {}
    channels: Counter[str] = Counter()
    for data in maps:
        for persona, row in data["counts"].items():
            entry = personas.setdefault(persona, {"maps": 0, "touchpoints": 0})
            entry["maps"] += 1
            entry["touchpoints"] += sum(row.values())
        for phase in data["phases"]:
            channels.update(phase["channels"])
    return {
        "maps": len(maps),
        "touchpoints": sum(phase["touchpoints"] for data in maps for phase in data["phases"]),
        "empty_cells": sum(len(data["empty_cells"]) for data in maps),
        "personas": dict(sorted(personas.items())),
        "channels": dict(channels.most_common()),
    }

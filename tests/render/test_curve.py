"""The emotion curve's geometry: one line per persona, gaps, phase columns, axis labels."""

from __future__ import annotations

import pytest
from conftest import write_map

from journeyctl.loading import load_workspace
from journeyctl.render import curve
from journeyctl.render.view import People, build_view

PERSONAS = ["champion", "admin", "sponsor", "buyer", "user", "legal"]


def journey(touchpoints_by_phase: list[list[dict]]) -> dict:
    return {
        "journeyctl": 1,
        "kind": "journey",
        "id": "curve",
        "title": "Curve",
        "owners": [{"id": "csm", "name": "CSM"}],
        "personas": [{"id": pid, "name": f"{pid.title()} person"} for pid in PERSONAS],
        "phases": [
            {
                "id": f"phase-{p}",
                "name": f"Phase {p}",
                "touchpoints": [
                    {"id": f"tp-{p}-{t}", "name": f"Touchpoint {p}.{t}", "channel": "email", "owner": "csm", **tp}
                    for t, tp in enumerate(touchpoints)
                ],
            }
            for p, touchpoints in enumerate(touchpoints_by_phase)
        ],
    }


def curve_of(tmp_path, document: dict) -> curve.Curve:
    write_map(tmp_path, "curve.yaml", document)
    workspace = load_workspace([str(tmp_path)])
    assert not workspace.problems, workspace.problems
    model = workspace.journeys[0].model
    view = build_view(model, People.for_journey(model, []), "internal")
    assert view.internal is not None
    return view.internal.curve


def points(series: curve.Series) -> dict[str, int]:
    return {point.number: point.score for point in series.points}


def test_emotion_per_persona_draws_one_line_per_persona_and_a_single_number_counts_for_each(tmp_path):
    drawn = curve_of(
        tmp_path,
        journey(
            [
                [
                    {"personas": ["champion", "admin"], "emotion": {"champion": 1, "admin": -1}},
                    {"personas": ["champion", "admin"], "emotion": 0},  # both at 0
                ],
                [
                    {"personas": ["champion"], "emotion": 2},  # the champion alone
                    {"emotion": -2},  # names no persona: everyone's
                ],
            ]
        ),
    )
    assert drawn.legend and [series.name for series in drawn.series] == ["Champion person", "Admin person"]
    champion, admin = drawn.series
    assert points(champion) == {"1.1": 1, "1.2": 0, "2.1": 2, "2.2": -2}
    assert points(admin) == {"1.1": -1, "1.2": 0, "2.2": -2}
    assert len(admin.segments) == 2  # 1.1-1.2, then on past 2.1 (where the admin is not) to 2.2
    assert champion.offset != admin.offset  # equal scores stay visible side by side
    assert len({series.marker for series in drawn.series}) == len({series.colour for series in drawn.series}) == 2


def test_a_touchpoint_without_an_emotion_is_a_gap_that_breaks_every_line(tmp_path):
    drawn = curve_of(
        tmp_path,
        journey(
            [
                [{"emotion": 1}, {}, {"emotion": -1}],
                [{"emotion": 0}],
            ]
        ),
    )
    (line,) = drawn.series
    assert [slot.number for slot in drawn.gaps] == ["1.2"]
    assert [slot.number for slot in drawn.slots] == ["1.1", "1.2", "1.3", "2.1"]  # the gap keeps its place
    assert points(line) == {"1.1": 1, "1.3": -1, "2.1": 0}
    assert [(s.x1, s.x2) for s in line.segments] == [(drawn.slots[2].x, drawn.slots[3].x)]  # none across the gap


def test_phase_bands_are_equal_columns_as_in_the_grid_and_slots_sit_inside_their_phase(tmp_path):
    drawn = curve_of(tmp_path, journey([[{"emotion": 1}] * 5, [{"emotion": 0}], [], [{"emotion": 2}] * 2]))
    assert [(band.x, band.width) for band in drawn.bands] == [(0, 25), (25, 25), (50, 25), (75, 25)]
    for band in drawn.bands:
        assert all(band.x < slot.x < band.x + band.width for slot in band.slots)
    assert [slot.x for slot in drawn.bands[0].slots] == [2.5, 7.5, 12.5, 17.5, 22.5]


def test_at_most_five_lines_the_rest_named_as_not_drawn(tmp_path):
    six = {pid: 0 for pid in PERSONAS}
    drawn = curve_of(
        tmp_path,
        journey([[{"personas": PERSONAS, "emotion": six}, {"personas": PERSONAS[:5], "emotion": 1}]]),
    )
    assert len(drawn.series) == curve.MAX_LINES
    assert drawn.not_drawn == ("Legal person",)  # the persona with the fewest points


def test_axis_labels_name_the_touchpoint_by_number_and_short_name():
    assert curve.short_name("Kickoff call") == "Kickoff call"
    long = "Quarterly business review with the executive sponsor and the champion"
    short = curve.short_name(long)
    assert len(short) <= curve.SHORT_NAME and short.endswith("…") and long.startswith(short[:-1])
    assert curve.Slot(1.0, "2.3", long, short, True, False).label == f"2.3 {short}"


@pytest.mark.parametrize("count", [1, 40, 100])
def test_the_axis_leaves_room_for_its_longest_label(tmp_path, count):
    drawn = curve_of(tmp_path, journey([[{"emotion": 0, "name": "x" * 80}] * count]))
    longest = max(len(slot.label) for slot in drawn.slots)
    assert drawn.axis_height >= longest * drawn.axis_font * 0.5  # no font's average letter is narrower
    assert curve.AXIS_FONT_MIN <= drawn.axis_font <= curve.AXIS_FONT_MAX

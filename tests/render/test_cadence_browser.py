"""The cadence timeline in a real headless Chromium (Debian's `chromium`, driven by Playwright, as
tests/render/test_browser.py does): one lane per persona, and every label inside its lane, in
the report (`journeyctl report cadence --format html`) and in the internal map render."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ARTIFACTS, chromium

from journeyctl.render.view import People
from journeyctl.timeline import contacts

pytestmark = pytest.mark.slow  # a real browser

ROOT = Path(__file__).resolve().parents[2]

# Every text of a lane, and the lane's background, in page coordinates.
LANES = """() => [...document.querySelectorAll('svg.cadence-chart g.lane')].map(lane => {
  const box = lane.querySelector('rect.lane-bg').getBoundingClientRect();
  return {
    persona: lane.dataset.persona,
    lane: [box.left, box.top, box.right, box.bottom],
    texts: [...lane.querySelectorAll('text')].map(text => {
      const b = text.getBoundingClientRect();
      return {text: text.textContent, box: [b.left, b.top, b.right, b.bottom]};
    }),
  };
})"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with chromium(
        tmp_path_factory.mktemp("chromium-profile"), viewport={"width": 1200, "height": 900}, offline=True
    ) as context:
        yield context


def journeyctl(*args: str, cwd: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "journeyctl", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr


def _personas_with_contacts(paths: list[Path]) -> set[str]:
    """The personas some touchpoint of these maps reaches, read from the YAML (names by id)."""
    from journeyctl.loading import load_workspace

    workspace = load_workspace([str(path) for path in paths])
    catalogs = [item.model for item in workspace.catalogs]
    found = set()
    for item in workspace.journeys:
        people = People.for_journey(item.model, catalogs)
        found |= {people.personas[contact.persona].name for contact in contacts(item.model)}
    return found


def _check_lanes(page, expected: set[str]) -> None:
    lanes = page.evaluate(LANES)
    assert sorted(lane["persona"] for lane in lanes) == sorted(expected), "one lane per persona"
    tops = sorted((lane["lane"][1], lane["lane"][3]) for lane in lanes)
    assert all(above[1] <= below[0] for above, below in zip(tops, tops[1:], strict=False)), "lanes overlap"
    for lane in lanes:
        left, top, right, bottom = lane["lane"]
        assert lane["texts"], f"lane {lane['persona']!r} has no label"
        for text in lane["texts"]:
            x1, y1, x2, y2 = text["box"]
            assert left <= x1 and x2 <= right and top <= y1 and y2 <= bottom, (
                f"label {text['text']!r} {text['box']} is outside its lane {lane['persona']!r} {lane['lane']}"
            )


def test_the_reports_cadence_timeline_has_a_lane_per_persona_and_labels_inside(browser, tmp_path):
    shutil.copytree(ROOT / "maps", tmp_path / "maps")
    (tmp_path / ".git").mkdir()
    # a long persona name must be cut to fit its lane, not run out of it
    catalog = tmp_path / "maps" / "catalog.yaml"
    data = yaml.safe_load(catalog.read_text())
    data["personas"][0]["name"] = "Dana Alexandra Montgomery-Fitzwilliam, the champion of the rollout"
    catalog.write_text(yaml.safe_dump(data, sort_keys=False))
    journeyctl("report", "cadence", "maps", "--format", "html", "--out", "cadence.html", cwd=tmp_path)
    page = browser.new_page()
    page.goto((tmp_path / "cadence.html").as_uri(), wait_until="load")
    expected = _personas_with_contacts([tmp_path / "maps"])
    assert len(expected) >= 5
    _check_lanes(page, expected)
    # across the run (the default), the example maps crowd the champion: highlighted, with a band
    assert page.locator("svg.cadence-chart rect.band.crowded").count() > 0
    assert page.locator("svg.cadence-chart circle.mark.crowded").count() > 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "cadence-report.png"), full_page=True)
    page.close()


def test_the_internal_render_shows_coverage_and_cadence_under_the_grid(browser, tmp_path):
    maps = [ROOT / "maps" / "enterprise-laer.yaml", ROOT / "maps" / "catalog.yaml"]
    journeyctl("render", *map(str, maps), "--format", "html", "--out", str(tmp_path / "out"), cwd=ROOT)
    page = browser.new_page()
    page.goto((tmp_path / "out" / "enterprise-laer.html").as_uri(), wait_until="load")
    grid = page.locator("table.grid").bounding_box()
    coverage = page.locator("table.coverage-matrix").bounding_box()
    chart = page.locator("svg.cadence-chart").bounding_box()
    assert grid and coverage and chart
    assert grid["y"] + grid["height"] <= coverage["y"] <= chart["y"], "coverage, then cadence, under the grid"
    _check_lanes(page, _personas_with_contacts(maps))
    assert page.locator("table.grid .when .day").first.inner_text() == "(days 0–2)"
    page.screenshot(path=str(ARTIFACTS / "cadence-render.png"), full_page=True)
    page.close()

"""Hostile map text in a real headless Chromium (Debian's `chromium`, driven by Playwright).

Every text field holds script, attribute breakers, table breakers, javascript: links and Jinja
syntax. The page must run no script (checked twice: as rendered, and with its
Content-Security-Policy removed, so escaping alone is tested), log no console error, and show
the emotion curve and the grid. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ARTIFACTS, chromium, render_documents, write_map

pytestmark = pytest.mark.slow  # a real browser

ROOT = Path(__file__).resolve().parents[2]

PAYLOAD = (
    '<script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=1">'
    "'><svg onload=window.__pwned=1></td></table></svg>[x](javascript:window.__pwned=1) | a | b |"
    " {{ 7*7 }} {% raw %} <!-- c -->"
)


def hostile(field: str) -> str:
    return f"{field}: {PAYLOAD}"


def hostile_map() -> dict:
    touchpoint = {
        "name": hostile("name"),
        "customer_view": hostile("customer_view"),
        "description": hostile("description"),
        "channel": "email",
        "mode": "human",
        "owner": "owner",
        "personas": ["persona"],
        "timing": hostile("timing"),
        "pain_points": [hostile("pain_point")],
        "opportunities": [hostile("opportunity")],
        "playbooks": [
            {"title": hostile("playbook"), "url": "javascript:window.__pwned=1", "trigger": hostile("trigger")}
        ],
        "backstage": [hostile("backstage")],
        "notes": hostile("notes"),
    }
    return {
        "journeyctl": 1,
        "kind": "journey",
        "id": "hostile",
        "title": hostile("title"),
        "summary": hostile("summary"),
        "segment": hostile("segment"),
        "owner": "owner",
        "owners": [{"id": "owner", "name": hostile("owner"), "team": hostile("team"), "contact": hostile("contact")}],
        "personas": [
            {
                "id": "persona",
                "name": hostile("persona"),
                "role": hostile("role"),
                "goals": [hostile("goal")],
                "pain_points": [hostile("persona_pain")],
                "quote": hostile("quote"),
            }
        ],
        "phases": [
            {
                "id": f"phase-{p}",
                "name": hostile(f"phase {p}"),
                "customer_goal": hostile("goal"),
                "objective": hostile("objective"),
                "entry_criteria": [hostile("entry")],
                "exit_criteria": [hostile("exit")],
                "metrics": [
                    {
                        "name": hostile("metric"),
                        "target": hostile("target"),
                        "source": hostile("source"),
                        "visibility": "customer",
                    }
                ],
                "touchpoints": [
                    {**touchpoint, "id": f"tp-{p}-{t}", "emotion": (p + t) % 5 - 2, "moment_that_matters": t == 1}
                    for t in range(3)
                ],
            }
            for p in range(3)
        ],
    }


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The hostile map rendered to HTML for both audiences, as files."""
    folder = tmp_path_factory.mktemp("hostile")
    write_map(folder, "hostile.yaml", hostile_map())
    out = {}
    for audience in ("internal", "customer"):
        html = render_documents([folder], "html", audience)["hostile"]
        out[audience] = folder / f"hostile.{audience}.html"
        out[audience].write_text(html, encoding="utf-8")
        without_csp = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
        assert without_csp != html
        out[f"{audience}-no-csp"] = folder / f"hostile.{audience}.no-csp.html"
        out[f"{audience}-no-csp"].write_text(without_csp, encoding="utf-8")
    # The control: a page that really runs the payload, so the checks below can fail.
    out["control"] = folder / "control.html"
    out["control"].write_text(f"<!DOCTYPE html><html><body><p>{PAYLOAD}</p></body></html>", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with chromium(
        tmp_path_factory.mktemp("chromium-profile"), viewport={"width": 1400, "height": 1000}, offline=True
    ) as context:
        yield context


def visit(browser, path):
    """Open a file:// page; return it with what happened: console errors, page errors, dialogs."""
    page = browser.new_page()
    events = {"console_errors": [], "page_errors": [], "dialogs": []}
    page.on("console", lambda message: message.type == "error" and events["console_errors"].append(message.text))
    page.on("pageerror", lambda error: events["page_errors"].append(str(error)))
    page.on("dialog", lambda dialog: (events["dialogs"].append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_timeout(150)  # give an onerror or onload handler time to fire
    return page, events


def test_the_control_page_runs_the_payload(browser, pages):
    page, events = visit(browser, pages["control"])
    assert page.evaluate("window.__pwned") == 1
    page.close()


@pytest.mark.parametrize("variant", ["internal", "customer", "internal-no-csp", "customer-no-csp"])
def test_hostile_text_runs_no_script_and_reads_as_written(browser, pages, variant):
    page, events = visit(browser, pages[variant])
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert events["dialogs"] == []
    assert events["console_errors"] == [] and events["page_errors"] == []
    assert page.evaluate("document.querySelectorAll('script, iframe, object, embed').length") == 0
    handlers = page.evaluate(
        "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name))"
        ".filter(name => name.startsWith('on'))"
    )
    assert handlers == []
    hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
    assert all(href.startswith(("#", "https://", "http://")) for href in hrefs), hrefs
    body = page.inner_text("body")
    assert "name: <script>window.__pwned=1</script>" in body  # text, shown as written
    assert "{{ 7*7 }} {% raw %}" in body and "49" not in body
    # The internal page lays the journey out in the grid; the customer page on one page (html/_map.html).
    layout = "table.grid" if variant.startswith("internal") else "section.journey-map table.map-columns"
    assert page.locator(layout).count() == 1
    box = page.locator(layout).bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0
    page.close()


def test_internal_page_shows_the_curve_and_grid(browser, pages):
    ARTIFACTS.mkdir(exist_ok=True)
    page, events = visit(browser, pages["internal"])
    curve = page.locator("svg.emotion-curve")
    assert curve.count() == 1 and curve.is_visible()
    box = curve.bounding_box()
    assert box["width"] > 300 and box["height"] > 50
    assert page.locator("svg.emotion-curve .point").count() == 9
    line = page.locator("svg.emotion-curve g.series").bounding_box()
    assert line and line["width"] > 100
    assert page.locator("svg.emotion-curve line.line").count() == 8
    assert page.locator("table.grid").is_visible()
    path = ARTIFACTS / "hostile-internal.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    page.close()


def test_customer_page_has_no_curve(browser, pages):
    ARTIFACTS.mkdir(exist_ok=True)
    page, _ = visit(browser, pages["customer"])
    assert page.locator("svg.emotion-curve").count() == 0
    assert page.locator("table.grid").count() == 0  # the journey on one page stands in its place
    assert page.locator("section.journey-map").is_visible()
    page.screenshot(path=str(ARTIFACTS / "hostile-customer.png"), full_page=True)
    page.close()


# Every text of the curve's two SVGs (the y axis, the plot with its x axis) against its SVG's box.
LABELS_OUTSIDE = """[...document.querySelectorAll('svg.emotion-curve, svg.emotion-axis')].flatMap(svg => {
    const box = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('text')].map(text => [text.textContent, text.getBoundingClientRect()])
        .filter(([, r]) => r.left < box.left - 0.5 || r.right > box.right + 0.5
                        || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
        .map(([label, r]) => `${label}: ${Math.round(r.left)}..${Math.round(r.right)} x ${Math.round(r.top)}..${Math.round(r.bottom)}`
                             + ` outside ${Math.round(box.left)}..${Math.round(box.right)} x ${Math.round(box.top)}..${Math.round(box.bottom)}`);
})"""
# Each phase band of the curve and the grid's column of the same phase: their left and right edges.
COLUMNS = """(() => {
    const edges = nodes => [...nodes].map(node => { const r = node.getBoundingClientRect(); return [r.left, r.right]; });
    return {bands: edges(document.querySelectorAll('svg.emotion-curve rect.band')),
            heads: edges(document.querySelectorAll('table.curve-grid thead th')),
            grid: edges(document.querySelectorAll('table.grid thead th'))};
})()"""
# Neighbouring x-axis labels (rotated: each is a narrow, tall box) must not overlap.
AXIS_OVERLAPS = """(() => {
    const boxes = [...document.querySelectorAll('svg.emotion-curve .axis-label text')].map(t => t.getBoundingClientRect());
    return boxes.slice(1).map((box, k) => boxes[k].right - box.left).filter(overlap => overlap > 0.5).length;
})()"""


def internal_pages(tmp_path):
    (tmp_path / "hostile").mkdir(parents=True)
    write_map(tmp_path / "hostile", "hostile.yaml", hostile_map())
    for folder in (tmp_path / "hostile", ROOT / "maps"):
        for name, html in render_documents([folder], "html", "internal").items():
            if name == "index":
                continue
            path = tmp_path / f"{name}.html"
            path.write_text(html, encoding="utf-8")
            yield name, path


@pytest.mark.parametrize("width", [900, 1400])
def test_no_label_of_the_curve_is_cut_off_and_its_bands_lie_on_the_grids_phase_columns(browser, tmp_path, width):
    """Every map of maps/ and the hostile one (long names, script in them), at two page widths."""
    for name, path in internal_pages(tmp_path / str(width)):
        page, events = visit(browser, path)
        page.set_viewport_size({"width": width, "height": 1000})
        assert page.locator("svg.emotion-curve").count() == 1, name
        assert page.evaluate(LABELS_OUTSIDE) == [], f"{name}: labels cut off at {width}px"
        assert page.evaluate(AXIS_OVERLAPS) == 0, f"{name}: x-axis labels overlap at {width}px"
        columns = page.evaluate(COLUMNS)
        assert len(columns["bands"]) == len(columns["grid"]) == len(columns["heads"]) > 0, name
        for band, head, grid in zip(columns["bands"], columns["heads"], columns["grid"], strict=True):
            assert abs(band[0] - grid[0]) <= 1.5 and abs(band[1] - grid[1]) <= 1.5, (name, width, band, grid)
            assert abs(head[0] - grid[0]) <= 1.5 and abs(head[1] - grid[1]) <= 1.5, (name, width, head, grid)
        assert events["console_errors"] == [] and events["page_errors"] == []
        page.close()


def test_emotion_per_persona_draws_one_line_per_persona_with_a_legend_and_a_gap(browser, tmp_path):
    """maps/renewal-rescue.yaml gives emotion per persona on four touchpoints and none on 2.4."""
    (name, path), *_ = [(n, p) for n, p in internal_pages(tmp_path) if n == "renewal-rescue"]
    page, _ = visit(browser, path)
    series = page.evaluate("""[...document.querySelectorAll('svg.emotion-curve g.series')].map(g => ({
        lines: g.querySelectorAll('line.line').length,
        points: [...g.querySelectorAll('g.point title')].map(t => t.textContent.split(' ')[0]),
        stroke: g.querySelector('line.line')?.getAttribute('stroke'),
        box: g.getBBox().width}))""")
    legend = page.evaluate("""[...document.querySelectorAll('.curve-legend li')].map(li => ({
        name: li.querySelector('.series-name').textContent,
        stroke: li.querySelector('line').getAttribute('stroke'),
        visible: li.getBoundingClientRect().width > 0}))""")
    assert [item["name"] for item in legend] == [
        "Dana, the champion",
        "Marcus, the executive sponsor",
        "Grace, the procurement manager",
    ]
    assert len(series) == 3 and all(item["visible"] for item in legend)
    assert [item["stroke"] for item in series] == [item["stroke"] for item in legend]  # the legend tells them apart
    assert len({item["stroke"] for item in series}) == 3 and all(item["lines"] and item["box"] > 50 for item in series)
    dana, marcus, grace = (item["points"] for item in series)
    assert "2.4" not in dana and {"2.1", "3.2"} <= set(dana)
    assert marcus == ["1.4", "2.1", "3.1", "3.2"] and grace == ["1.2", "2.3", "3.2"]
    gap = page.locator("svg.emotion-curve line.gap")
    assert gap.count() == 1 and "2.4 Weekly rescue stand-up: no emotion given" in (gap.text_content() or "")
    axis = page.evaluate("[...document.querySelectorAll('svg.emotion-curve .axis-label text')].map(t => t.textContent)")
    assert "2.4 Weekly rescue stand-up: no emotion given2.4 Weekly rescue stand-up" in axis  # its title, then its text
    assert any(label.endswith("2.1 Recovery plan workshop") for label in axis)
    assert "Dana, the champion: +1 positive" in page.inner_text("table.grid")  # the grid's emotion lane, per persona
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("section.curve-section").screenshot(path=str(ARTIFACTS / "curve-per-persona.png"))
    page.close()

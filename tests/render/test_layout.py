"""The customer PDF's pages, measured: the journey on one page first and whole, no page nearly
empty but the last, no phase heading alone at a page's foot, no card or table row split.

Every example map in maps/ and generated maps of 5 to 100 touchpoints. The ink of each page is
measured on a raster made by pdftoppm (poppler-utils); the rest by text extraction.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import pdf_text, render_documents, squeeze, write_map

REPO = Path(__file__).resolve().parents[2]
MAPS = REPO / "maps"
MIN_FILL = 0.2  # a page (not the last) is at least a fifth full
DPI = 24  # enough to see where the ink is; small and fast
# The page margins in paged.css hold the running header and footer: not counted as content.
MARGIN_MM = {"top": 20, "bottom": 18}

pytestmark = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="needs pdftoppm (apt-get install poppler-utils)"
)


def page_fills(pdf: bytes, tmp_path: Path) -> list[float]:
    """For each page, how far down its content area the ink reaches (0 empty, 1 full)."""
    source = tmp_path / "measured.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), str(source), str(tmp_path / "page")], check=True)
    fills = []
    for image in sorted(tmp_path.glob("page-*.pgm"), key=lambda path: int(path.stem.split("-")[-1])):
        width, height, pixels = _read_pgm(image.read_bytes())
        top = round(MARGIN_MM["top"] / 25.4 * DPI)
        bottom = height - round(MARGIN_MM["bottom"] / 25.4 * DPI)
        inked = [row for row in range(top, bottom) if min(pixels[row * width : (row + 1) * width]) < 200]
        fills.append(0.0 if not inked else (inked[-1] - top + 1) / (bottom - top))
    return fills


def _read_pgm(data: bytes) -> tuple[int, int, bytes]:
    """A binary PGM (P5, 8-bit) as pdftoppm writes it."""
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert match, data[:20]
    width, height = int(match[1]), int(match[2])
    return width, height, data[match.end() : match.end() + width * height]


def generated_map(folder: Path, touchpoints: int, seed: int = 13) -> Path:
    """A customer map of `touchpoints` steps over four phases, cards of uneven length, with metrics."""
    rng = random.Random(seed)
    phases = []
    per_phase = [touchpoints // 4 + (1 if n < touchpoints % 4 else 0) for n in range(4)]
    for p, count in enumerate(per_phase, start=1):
        phases.append(
            {
                "id": f"phase-{p}",
                "name": f"Stage{p}",
                "customer_goal": f"Your team reaches the goals of stage {p}.",
                "exit_criteria": [f"Stage {p} goals met"],
                "metrics": [
                    {"name": f"Metric{p}x{m}", "target": f"Target{p}x{m}", "visibility": "customer"} for m in range(2)
                ],
                "touchpoints": [
                    {
                        "id": f"t{p}-{i}",
                        "name": f"Step {p}.{i + 1} name",
                        "channel": rng.choice(["email", "video-call", "meeting", "in-app", "webinar"]),
                        "mode": rng.choice(["human", "digital"]),
                        "owner": "csm",
                        "personas": rng.sample(["champion", "admin", "sponsor"], rng.randint(1, 3)),
                        "timing": f"Week {i + 1}",
                        "customer_view": " ".join(["You and your team take this step together."] * rng.randint(1, 6))
                        + f" End{p}x{i + 1}.",
                    }
                    for i in range(count)
                ],
            }
        )
    document = {
        "journeyctl": 1,
        "kind": "journey",
        "id": f"generated-{touchpoints}",
        "title": f"Generated journey of {touchpoints}",
        "summary": "A generated map for the layout checks.",
        "owners": [{"id": "csm", "name": "Customer Success Manager"}],
        "personas": [
            {"id": "champion", "name": "Dana, the champion", "role": "Operations lead"},
            {"id": "admin", "name": "Sam, the admin", "role": "IT"},
            {"id": "sponsor", "name": "Marcus, the sponsor", "role": "VP Operations"},
        ],
        "phases": phases,
    }
    return write_map(folder, f"generated-{touchpoints}.yaml", document)


def check_layout(pdf: bytes, tmp_path: Path, steps: list[tuple[str, str, str | None]], phases: list[str]) -> None:
    """`steps`: (number, name, the last words of its customer view); `phases`: 'Phase N Name' headings."""
    pages = pdf_text(pdf)
    flat = [squeeze(page) for page in pages]
    # The journey on one page: page 1 holds every step, whole; the details start on page 2.
    assert "Yourjourneyononepage" in flat[0]
    for number, name, _ in steps:
        assert squeeze(f"{number} {name}") in flat[0], f"step {number} is not on the one-page map"
    assert not any("Yourjourneyononepage" in page for page in flat[1:]), "the one-page map runs onto page 2"
    # No page less than a fifth full, except the last.
    fills = page_fills(pdf, tmp_path)
    assert len(fills) == len(pages)
    thin = [(number, round(fill, 2)) for number, fill in enumerate(fills[:-1], start=1) if fill < MIN_FILL]
    assert not thin, f"pages less than a fifth full: {thin} of {len(pages)}"
    # A card is never split: its number and name and its last words are on the same detail page.
    for number, name, end in steps:
        heading = squeeze(f"{number} {name}")
        where = [n for n, page in enumerate(flat[1:], start=2) if heading in page]
        assert len(where) == 1, f"card {number} found on pages {where}"
        if end:
            assert squeeze(end) in flat[where[0] - 1], f"card {number} is split after page {where[0]}"
    # A phase heading is never the last thing on its page.
    for heading in phases:
        for n, page in enumerate(pages[1:], start=2):
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            body = [line for line in lines if not re.search(r"Page \d+ of \d+", line)]
            if body and squeeze(heading) == squeeze(body[-1]):
                pytest.fail(f"{heading} is alone at the foot of page {n}")


@pytest.mark.parametrize("touchpoints", [5, 20, pytest.param(50, marks=pytest.mark.slow), 100])
def test_generated_maps_lay_out_well(tmp_path, touchpoints):
    (tmp_path / "maps").mkdir()
    generated_map(tmp_path / "maps", touchpoints)
    pdf = render_documents([tmp_path / "maps"], "pdf", "customer")[f"generated-{touchpoints}"]
    per_phase = [touchpoints // 4 + (1 if n < touchpoints % 4 else 0) for n in range(4)]
    steps = [
        (f"{p}.{i}", f"Step {p}.{i} name", f"End{p}x{i}.")
        for p, count in enumerate(per_phase, 1)
        for i in range(1, count + 1)
    ]
    check_layout(pdf, tmp_path, steps, [f"Phase {p} Stage{p}" for p in range(1, 5)])


@pytest.fixture(scope="module")
def example_pdfs():
    return render_documents([MAPS], "pdf", "customer")


@pytest.mark.parametrize("name", sorted(path.stem for path in MAPS.glob("*.yaml") if path.stem != "catalog"))
def test_every_example_map_lays_out_well(tmp_path, example_pdfs, name):
    from journeyctl.loading import load_workspace
    from journeyctl.schema.audience import Visibility

    workspace = load_workspace([str(MAPS)])
    journey = next(item.model for item in workspace.journeys if item.model.id == name)
    pdf = example_pdfs[name]
    steps, phases = [], []
    for p, phase in enumerate(journey.phases, start=1):
        if phase.visibility is not Visibility.customer:
            continue
        phases.append(f"Phase {p} {phase.name}")
        for i, touchpoint in enumerate(phase.touchpoints, start=1):
            if touchpoint.visibility is Visibility.customer:
                view = touchpoint.customer_view
                steps.append((f"{p}.{i}", touchpoint.name, " ".join(view.split()[-3:]) if view else None))
    check_layout(pdf, tmp_path, steps, phases)


def test_an_accounts_pdf_lays_out_well(tmp_path):
    """The account's header (prepared for, contacts) and dates still leave the one-page map whole."""
    from typer.testing import CliRunner

    from journeyctl.cli.app import app

    account = REPO / "examples" / "accounts" / "acme.yaml"
    args = [str(MAPS / "enterprise-laer.yaml"), str(MAPS / "catalog.yaml"), "--account", str(account)]
    result = CliRunner().invoke(app, ["render", *args, "-a", "customer", "-f", "pdf", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    pdf = (tmp_path / "out" / "enterprise-laer.pdf").read_bytes()
    assert "Prepared for" in pdf_text(pdf)[0]
    fills = page_fills(pdf, tmp_path)
    assert all(fill >= MIN_FILL for fill in fills[:-1]), fills
    assert not any("Your journey on one page" in page for page in pdf_text(pdf)[1:])

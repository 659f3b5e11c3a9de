"""Shared helpers of the render tests: golden files, maps built as data, rendering without the CLI."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from journeyctl.config import Branding
from journeyctl.loading import load_workspace
from journeyctl.render.documents import Renderer, journey_views
from journeyctl.render.html import branding_view

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"
ARTIFACTS = HERE.parent / "artifacts"

# Headless Debian Chromium as root on a machine with no network: without the background-networking
# flags it keeps opening connections that the machine refuses.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextlib.contextmanager
def chromium(profile: Path, **options):
    """A fresh headless Chromium context (Debian's `chromium`, driven by Playwright) with its own
    --user-data-dir `profile`; `options` go to launch_persistent_context (viewport, offline).
    Skips where Chromium is not installed, and fails in CI, where .ci/run installs it."""
    executable = shutil.which("chromium")
    if executable is None:
        message = "Debian's chromium is not installed (apt-get install chromium; .ci/run does it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=executable, headless=True, args=CHROMIUM_FLAGS, **options
        )
        try:
            yield context
        finally:
            context.close()


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite tests/render/golden/* from the current output instead of comparing.",
    )


@pytest.fixture
def golden(request):
    """golden(name, text): compare with tests/render/golden/<name>, or rewrite it with --update-golden."""
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {path}: run pytest tests/render --update-golden"
        expected = path.read_text(encoding="utf-8")
        assert text == expected, f"{name} differs from its golden file; if the change is intended, run --update-golden"

    return check


def render_documents(
    paths, fmt: str, audience: str, *, branding: Branding | None = None, page_size=None, templates: Path | None = None
) -> dict[str, str | bytes]:
    """Render every journey under `paths` in one format: {map id: document}. Fails on map problems."""
    workspace = load_workspace([str(path) for path in paths])
    errors = [problem for problem in workspace.problems if problem.severity.value == "error"]
    assert not errors, errors
    views = journey_views(workspace.maps, audience)
    renderer = Renderer(
        audience, views, workspace.journeys, branding_view(branding or Branding(), None, page_size), templates
    )
    return {item.model.id: renderer.document(views[item.path], fmt) for item in workspace.journeys}


def pdf_text(data: bytes) -> list[str]:
    """The text of each page, as pypdf extracts it."""
    import io

    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def squeeze(text: str) -> str:
    """Without any whitespace: a PDF may break a long word or a line anywhere."""
    return re.sub(r"\s+", "", text)


def write_map(folder: Path, name: str, document: dict, *, dates: tuple[str, ...] = ()) -> Path:
    """A map file from a dict. JSON is YAML (flow style), so any hostile string is quoted exactly.

    `dates` are written unquoted, as YAML dates (the format wants a date, not a string).
    """
    path = folder / name
    text = json.dumps(document, indent=1, ensure_ascii=False)
    for date in dates:
        text = text.replace(f'"{date}"', date)
    path.write_text(text, encoding="utf-8")
    return path

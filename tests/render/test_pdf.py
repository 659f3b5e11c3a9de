"""The customer PDF: page size, running header, page numbers, branding, cards kept whole."""

from __future__ import annotations

import io
import os

import pytest
from conftest import FIXTURES, pdf_text, render_documents, squeeze, write_map
from pypdf import PdfReader

from journeyctl.config import Branding
from journeyctl.problems import UsageError

RICH = FIXTURES / "rich"
A4 = (595, 842)
LETTER = (612, 792)
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201b4e0c4"
    "b90000000049454e44ae426082"
)


def page_sizes(data: bytes) -> set[tuple[int, int]]:
    """The sizes of the detail pages; the first, the journey on one page, is the same size turned."""
    pages = [
        (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
        for page in PdfReader(io.BytesIO(data)).pages
    ]
    width, height = pages[0]
    assert width > height, "the first page is the one-page map, landscape"
    assert all(size == (height, width) for size in pages[1:]), pages
    return set(pages[1:])


@pytest.mark.parametrize("size, expected", [("A4", A4), ("Letter", LETTER)])
def test_page_size_option(size, expected):
    data = render_documents([RICH], "pdf", "customer", page_size=size)["rich-onboarding"]
    assert data.startswith(b"%PDF-")
    assert page_sizes(data) == {expected}


def test_every_page_has_the_title_and_its_number():
    pages = pdf_text(render_documents([RICH], "pdf", "customer")["rich-onboarding"])
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert "Onboarding & first value" in text
        assert f"Page {number} of {len(pages)}" in text


def test_branding_company_logo_and_page_size_from_configuration(tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG_1X1)
    from journeyctl.render.html import branding_view

    branding = Branding(company="Acme Success", accent_color="#aa0033", page_size="Letter")
    view = branding_view(branding, logo)
    assert view.logo.startswith("data:image/png;base64,")
    data = render_documents([RICH], "pdf", "customer", branding=branding)["rich-onboarding"]
    assert page_sizes(data) == {LETTER}
    pages = pdf_text(data)
    assert all("Acme Success" in text for text in pages[1:])  # the running header, from page 2 on
    html = render_documents([RICH], "html", "customer", branding=branding)["rich-onboarding"]
    assert "--accent: #aa0033;" in html


@pytest.mark.parametrize(
    "make, fragment",
    [
        (lambda folder: (folder / "logo.svg").symlink_to("/etc/passwd"), "not a PNG, JPEG or SVG image"),
        (
            lambda folder: (folder / "logo.svg").write_text("root:x:0:0:root:/root:/bin/bash\n"),
            "not a PNG, JPEG or SVG image",
        ),
        (lambda folder: (folder / "logo.png").symlink_to("/dev/zero"), "not a file"),
        (lambda folder: os.mkfifo(folder / "logo.png"), "not a file"),
        (lambda folder: (folder / "logo.png").write_bytes(PNG_1X1 + bytes(2 * 1024 * 1024)), "larger than 1024 KiB"),
    ],
)
def test_only_a_real_image_file_becomes_the_logo(tmp_path, make, fragment):
    """The logo goes into every customer document: a link to a secret or a device must not."""
    from journeyctl.render.html import branding_view

    make(tmp_path)
    logo = next(tmp_path.iterdir())
    with pytest.raises(UsageError) as error:
        branding_view(Branding(), logo)
    assert fragment in str(error.value)


def test_a_touchpoint_card_is_never_split_across_pages(tmp_path):
    """Many long cards force page breaks; each card's first and last words stay on one page."""
    touchpoints = [
        {
            "id": f"t{i}",
            "name": f"Card{i:02d}Start",
            "channel": "email",
            "owner": "o",
            "timing": "Week 1",
            "customer_view": " ".join(["A sentence that fills the card with text."] * 14) + f" Card{i:02d}End",
        }
        for i in range(14)
    ]
    write_map(
        tmp_path,
        "long.yaml",
        {
            "journeyctl": 1,
            "kind": "journey",
            "id": "long",
            "title": "Long map",
            "owners": [{"id": "o", "name": "Customer Success Manager"}],
            "phases": [{"id": "p", "name": "Only phase", "touchpoints": touchpoints}],
        },
    )
    pages = [squeeze(text) for text in pdf_text(render_documents([tmp_path], "pdf", "customer")["long"])]
    assert len(pages) >= 4
    for i in range(14):
        start = [
            n
            for n, text in enumerate(pages)
            if f"Card{i:02d}Start" in text and "Week1" in text[text.rfind(f"Card{i:02d}Start") :]
        ]
        end = [n for n, text in enumerate(pages) if f"Card{i:02d}End" in text]
        assert end and end[0] in start, f"card {i} is split across pages {start} and {end}"


def test_a_draft_map_has_the_draft_mark_on_every_customer_page(tmp_path):
    phases = [
        {
            "id": f"p{n}",
            "name": f"Phase {n}",
            "touchpoints": [
                {"id": f"t{n}", "name": f"Step {n}", "channel": "email", "owner": "o", "customer_view": "We meet."}
            ],
        }
        for n in range(40)
    ]  # several pages
    map_ = {
        "journeyctl": 1,
        "kind": "journey",
        "id": "draft",
        "title": "Draft map",
        "status": "draft",
        "owners": [{"id": "o", "name": "Customer Success Manager"}],
        "phases": phases,
    }
    write_map(tmp_path, "draft.yaml", map_)
    pages = pdf_text(render_documents([tmp_path], "pdf", "customer")["draft"])
    assert len(pages) >= 4
    assert all("DRAFT" in page for page in pages), [n for n, page in enumerate(pages) if "DRAFT" not in page]
    write_map(tmp_path, "draft.yaml", {**map_, "status": "active"})  # the control: no mark when it is not a draft
    assert not any("DRAFT" in page for page in pdf_text(render_documents([tmp_path], "pdf", "customer")["draft"]))


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_draft_map_is_marked_in_the_customer_text_formats(tmp_path, fmt):
    write_map(
        tmp_path,
        "draft.yaml",
        {
            "journeyctl": 1,
            "kind": "journey",
            "id": "draft",
            "title": "Draft map",
            "status": "draft",
            "phases": [{"id": "p", "name": "Phase"}],
        },
    )
    assert (
        "DRAFT</strong>" in render_documents([tmp_path], fmt, "customer")["draft"]
        if fmt == "html"
        else "**DRAFT**" in render_documents([tmp_path], fmt, "customer")["draft"]
    )

"""Golden files of one rich map in every format and audience (refresh: pytest tests/render --update-golden)."""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURES, pdf_text, render_documents

RICH = FIXTURES / "rich"


@pytest.mark.parametrize("audience", ["internal", "customer"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_text_formats_match_their_golden_files(golden, fmt, audience):
    document = render_documents([RICH], fmt, audience)["rich-onboarding"]
    golden(f"rich-onboarding.{audience}.{fmt}", document)


@pytest.mark.parametrize("audience", ["internal", "customer"])
def test_pdf_text_matches_its_golden_file(golden, audience):
    """The PDF's bytes change with every run (dates, ids); its text, page by page, must not."""
    pages = pdf_text(render_documents([RICH], "pdf", audience)["rich-onboarding"])
    text = "".join(f"--- page {number} ---\n{_spaces(page)}\n" for number, page in enumerate(pages, start=1))
    golden(f"rich-onboarding.{audience}.pdf.txt", text)


def _spaces(text: str) -> str:
    return re.sub(r"[ \t]+", " ", text).strip()

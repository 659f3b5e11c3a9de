"""HTML documents: one self-contained file per map (inline CSS, inline SVG, the logo as a data URI).

The same templates make the PDF: `medium="pdf"` adds the paged-media stylesheet.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Literal

import jinja2

from journeyctl.config import Branding
from journeyctl.problems import UsageError
from journeyctl.render.calendar import long_date
from journeyctl.render.environment import render_template
from journeyctl.render.view import JourneyView

Medium = Literal["screen", "pdf"]
PageSize = Literal["A4", "Letter"]
MAX_LOGO_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class BrandingView:
    company: str | None
    logo: str | None  # a data: URI, so the HTML stays one file and the PDF fetches nothing
    accent_color: str  # validated #rrggbb by the configuration
    page_size: PageSize
    rendered: str | None = None  # the render date as the footer reads it ("2 December 2026"); None: not shown


def branding_view(
    branding: Branding, logo_path: Path | None, page_size: PageSize | None = None, rendered: date | None = None
) -> BrandingView:
    return BrandingView(
        company=branding.company,
        logo=_logo_data_uri(logo_path) if logo_path else None,
        accent_color=branding.accent_color,
        page_size=page_size or branding.page_size,
        rendered=long_date(rendered) if rendered else None,
    )


def render_date(given: date | None) -> date:
    """--date, else SOURCE_DATE_EPOCH (reproducible builds: the same input, the same bytes), else today (UTC)."""
    if given is not None:
        return given
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC).date()
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH={epoch[:40]!r}: not a number of seconds since 1970") from None
    return datetime.now(tz=UTC).date()


def _logo_data_uri(path: Path) -> str:
    """The logo, embedded; only a real image file is, since it goes into customer documents."""
    try:
        if not os.path.isfile(path):  # not a FIFO or a device, which would be read forever
            raise UsageError(f"branding.logo {path}: not a file")
        with open(path, "rb") as stream:
            data = stream.read(MAX_LOGO_BYTES + 1)
    except (OSError, ValueError) as error:  # ValueError: a NUL byte in the path
        raise UsageError(f"branding.logo {path}: cannot read it: {getattr(error, 'strerror', None) or error}") from None
    if len(data) > MAX_LOGO_BYTES:
        raise UsageError(f"branding.logo {path}: larger than {MAX_LOGO_BYTES // 1024} KiB")
    media_type = _image_type(data)  # by content: a symlink's or a file's name proves nothing
    if media_type is None:
        raise UsageError(f"branding.logo {path}: not a PNG, JPEG or SVG image")
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


def _image_type(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    return "image/svg+xml" if b"<svg" in data[:4096] else None


def render_journey_html(
    environment: jinja2.Environment, view: JourneyView, branding: BrandingView, medium: Medium = "screen"
) -> str:
    return render_template(environment, "html/journey.html", view=view, branding=branding, medium=medium)

"""PDF through WeasyPrint, from the same HTML as the HTML output (with the paged-media stylesheet).

WeasyPrint is imported inside the function: it takes most of a second to import, and only
`render --format pdf` should pay for it. It fetches nothing from the network: only data: URIs
and files inside the template folders may be loaded (a user template may ship a font or image).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Sequence
from urllib.parse import unquote, urlparse

from journeyctl.problems import UsageError


def html_to_pdf(html: str, template_folders: Sequence[Path]) -> bytes:
    try:
        import weasyprint
    except ImportError:  # the optional dependency: a usage error with the fix, not a traceback
        raise UsageError("PDF output needs WeasyPrint: pip install 'journeyctl[pdf]'") from None
    roots = [folder.resolve() for folder in template_folders]
    logger = logging.getLogger("weasyprint")
    level = logger.level
    # WeasyPrint warns about every screen-only CSS property it ignores; that is noise here.
    logger.setLevel(logging.ERROR)
    try:
        document = weasyprint.HTML(string=html, base_url=roots[0].as_uri() + "/", url_fetcher=_offline_fetcher(roots))
        return document.write_pdf()
    finally:
        logger.setLevel(level)


def _allowed(url: str, roots: Sequence[Path]) -> bool:
    parsed = urlparse(url)
    if parsed.scheme == "data":
        return True
    if parsed.scheme == "file":
        path = Path(unquote(parsed.path)).resolve()
        return any(path.is_relative_to(root) for root in roots)
    return False


def _offline_fetcher(roots: Sequence[Path]):
    import weasyprint.urls as urls

    def refuse(url: str) -> None:
        raise ValueError(f"journeyctl loads only data: URIs and template files, not {url[:80]}")

    class OfflineFetcher(urls.URLFetcher):  # WeasyPrint >= 68
        def fetch(self, url, headers=None):
            if not _allowed(url, roots):
                refuse(url)
            return super().fetch(url, headers)

    return OfflineFetcher(allowed_protocols={"data", "file"})

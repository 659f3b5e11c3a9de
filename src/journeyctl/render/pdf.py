"""PDF through WeasyPrint, from the same HTML as the HTML output (with the paged-media stylesheet).

WeasyPrint is imported inside the function: it takes most of a second to import, and only
`render --format pdf` should pay for it. It fetches nothing from the network: only data: URIs
and files inside the template folders may be loaded (a user template may ship a font or image).
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote, urlparse

from journeyctl.problems import UsageError

# Where a user finds how to install the pdf extra and the system libraries it needs.
INSTALL_HELP = 'see "Install" in journeyctl\'s README.md'
PANGO_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"


def html_to_pdf(html: str, template_folders: Sequence[Path]) -> bytes:
    # The optional dependency and the system libraries it loads: usage errors with the fix, not a traceback.
    try:
        with contextlib.redirect_stdout(
            io.StringIO()
        ):  # its own banner when Pango is missing: ours says it in one line
            import weasyprint
    except ImportError:
        raise UsageError(
            f"PDF output needs WeasyPrint: install journeyctl with its pdf extra, 'journeyctl[pdf]' ({INSTALL_HELP})"
        ) from None
    except OSError as error:  # WeasyPrint loads Pango when it is imported
        library = str(error).split(":")[0]  # "cannot load library 'libpango-1.0-0'", without the loader's details
        raise UsageError(
            f"PDF output needs Pango, which WeasyPrint could not load ({library}): "
            f"on Debian or Ubuntu, apt-get install {PANGO_PACKAGES} ({INSTALL_HELP})"
        ) from None
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

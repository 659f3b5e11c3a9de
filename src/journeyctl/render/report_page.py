"""`journeyctl report --format html`: a report of journeyctl.views as one self-contained page,
through the same sandboxed, autoescaping templates as the map render (templates/html/report.html)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeyctl.render.environment import make_environment, render_template

if TYPE_CHECKING:
    from journeyctl.views.report import Report


def report_html(report: Report) -> str:
    from journeyctl.views.report import INTERNAL_NOTICE

    return render_template(make_environment("html"), "html/report.html", report=report, notice=INTERNAL_NOTICE)

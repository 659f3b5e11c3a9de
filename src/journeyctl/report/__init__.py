"""Reporters turn the collected lint problems into one output format: REPORTERS = {name: function}.

Every reporter is `report(problems, stream, *, files, seconds, checked, root, fail_on)` and writes
the whole output: `checked` the files read, `root` the repository root that machine formats give
paths from (journeyctl.report.identity), `fail_on` the severity that fails the run.
"""

from journeyctl.report.github import report_github
from journeyctl.report.json_format import report_json
from journeyctl.report.junit import report_junit
from journeyctl.report.markdown import report_markdown
from journeyctl.report.sarif import report_sarif
from journeyctl.report.text import report_text

REPORTERS = {
    "text": report_text,
    "json": report_json,
    "sarif": report_sarif,
    "github": report_github,
    "junit": report_junit,
    "markdown": report_markdown,
}

__all__ = ["REPORTERS"]

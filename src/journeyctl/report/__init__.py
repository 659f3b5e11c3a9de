"""Reporters turn the collected lint problems into one output format: `reporter(name)`.

Every reporter is `report(problems, stream, *, files, seconds, checked, root, fail_on)` and writes
the whole output: `checked` the files read, `root` the repository root that machine formats give
paths from (journeyctl.identity), `fail_on` the severity that fails the run.
"""

from collections.abc import Callable
from importlib import import_module

# Format name -> the module under journeyctl/report/ that defines report_<name>. A run imports
# only the one it uses: Rich, XML and the rule registry cost a one-map lint more than its checks.
REPORTERS = {
    "text": "text",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "markdown": "markdown",
}


def reporter(name: str) -> Callable[..., None]:
    """The report function of the format `name` (a key of REPORTERS)."""
    return getattr(import_module(f"journeyctl.report.{REPORTERS[name]}"), f"report_{name}")


__all__ = ["REPORTERS", "reporter"]

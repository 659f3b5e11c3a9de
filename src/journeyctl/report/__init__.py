"""Reporters turn the collected problems into one output format: REPORTERS = {name: function}."""

from journeyctl.report.text import report_text

REPORTERS = {"text": report_text}

__all__ = ["REPORTERS"]

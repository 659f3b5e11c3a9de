"""SARIF 2.1.0, as GitHub code scanning accepts it: rules with descriptions, relative URIs, regions."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Sequence, TextIO
from urllib.parse import quote

from journeyctl import __version__
from journeyctl.lint.registry import RULES
from journeyctl.problems import Problem, Severity
from journeyctl.report.paths import relative_posix

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule_descriptor(rule) -> dict:
    paragraphs = [block.strip() for block in rule.doc.strip().split("\n\n")]
    why = next((block for block in paragraphs if block.startswith("Why it matters")), rule.summary)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(why.split())},
        "help": {"text": rule.doc.strip(), "markdown": _doc_markdown(rule)},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": ["journeyctl", rule.scope]},
    }


def _doc_markdown(rule) -> str:
    from journeyctl.lint.docs import rule_markdown

    return rule_markdown(rule, heading_level=3)


def _result(problem: Problem, rule_index: dict[str, int]) -> dict:
    span = problem.span
    region = {"startLine": span.line, "startColumn": span.column}
    if (span.end_line, span.end_column) > (span.line, span.column):
        region.update(endLine=span.end_line, endColumn=span.end_column)
    path = relative_posix(problem.path)
    location = {
        "physicalLocation": {
            "artifactLocation": {"uri": quote(path), **({} if path.startswith("/") else {"uriBaseId": "%SRCROOT%"})},
            "region": region,
        }
    }
    if problem.semantic_path:
        location["logicalLocations"] = [{"fullyQualifiedName": problem.semantic_path, "kind": "object"}]
    # Stable across line moves, so code scanning keeps one alert per finding.
    fingerprint = hashlib.sha256(f"{path}\0{problem.code}\0{problem.semantic_path}\0{problem.message}".encode()).hexdigest()
    return {
        "ruleId": problem.code,
        "ruleIndex": rule_index[problem.code],
        "level": _LEVEL[problem.severity],
        "message": {"text": problem.message},
        "locations": [location],
        "partialFingerprints": {"journeyctlFinding/v1": fingerprint[:32]},
    }


def build_sarif(problems: Sequence[Problem]) -> dict:
    rules = list(RULES.values())
    rule_index = {rule.code: index for index, rule in enumerate(rules)}
    root = Path(os.getcwd()).resolve().as_uri() + "/"
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "journeyctl",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule_descriptor(rule) for rule in rules],
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": root}},
            "results": [_result(problem, rule_index) for problem in problems],
            "columnKind": "unicodeCodePoints",
        }],
    }


def report_sarif(problems: Sequence[Problem], stream: TextIO, *, files: int, seconds: float) -> None:
    json.dump(build_sarif(problems), stream, indent=2, ensure_ascii=False)
    stream.write("\n")

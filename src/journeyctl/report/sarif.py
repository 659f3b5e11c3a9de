"""SARIF 2.1.0, as GitHub code scanning accepts it: rules with descriptions and help links, URIs
relative to the repository root (%SRCROOT%), regions, and fingerprints that do not move."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from journeyctl import REPOSITORY_URL, __version__
from journeyctl.identity import Identity, numbered_identities, repository_root
from journeyctl.lint.registry import RULES
from journeyctl.paths import printable, relative_to
from journeyctl.problems import Problem, Severity

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
RULES_DOC_URL = f"{REPOSITORY_URL}/blob/main/docs/rules.md"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule_descriptor(rule) -> dict:
    from journeyctl.lint.docs import rule_anchor

    paragraphs = [block.strip() for block in rule.doc.strip().split("\n\n")]
    why = next((block for block in paragraphs if block.startswith("Why it matters")), rule.summary)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(why.split())},
        "help": {"text": rule.doc.strip(), "markdown": _doc_markdown(rule)},
        "helpUri": f"{RULES_DOC_URL}#{rule_anchor(rule)}",
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": ["journeyctl", rule.scope]},
    }


def _doc_markdown(rule) -> str:
    from journeyctl.lint.docs import rule_markdown

    return rule_markdown(rule, heading_level=3)


def _uri(path: str) -> bytes:
    """The real bytes of a name, for percent-encoding: a name that is not UTF-8 still names its file."""
    return path.encode("utf-8", "surrogateescape")


def artifact_location(path: str, root: Path) -> dict:
    """Relative to %SRCROOT% inside the repository; an absolute file:// URI outside it."""
    relative = relative_to(path, root)
    if relative.startswith("/"):
        return {"uri": "file://" + quote(_uri(relative))}
    return {"uri": quote(_uri(relative)), "uriBaseId": "%SRCROOT%"}


def fingerprint(identity: Identity, number: int) -> str:
    """The finding's identity and its number among equal ones: the same across days, line moves
    and working directories, so code scanning keeps one alert per finding."""
    text = "\0".join((*identity, str(number)))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _result(problem: Problem, rule_index: dict[str, int], root: Path, identity: Identity, number: int) -> dict:
    span = problem.span
    region = {"startLine": span.line, "startColumn": span.column}
    if (span.end_line, span.end_column) > (span.line, span.column):
        region.update(endLine=span.end_line, endColumn=span.end_column)
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": artifact_location(problem.path, root), "region": region}
    }
    if problem.semantic_path:
        location["logicalLocations"] = [{"fullyQualifiedName": printable(problem.semantic_path), "kind": "object"}]
    return {
        "ruleId": problem.code,
        "ruleIndex": rule_index[problem.code],
        "level": _LEVEL[problem.severity],
        "message": {"text": printable(problem.message, keep_lines=True)},
        "locations": [location],
        "partialFingerprints": {"journeyctlFinding/v2": fingerprint(identity, number)},
    }


def build_sarif(problems: Sequence[Problem], root: Path | None = None) -> dict:
    root = root or repository_root()
    rules = list(RULES.values())
    rule_index = {rule.code: index for index, rule in enumerate(rules)}
    results = [
        _result(problem, rule_index, root, identity, number)
        for problem, (identity, number) in zip(problems, numbered_identities(problems, root), strict=True)
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "journeyctl",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": REPOSITORY_URL,
                        "rules": [_rule_descriptor(rule) for rule in rules],
                    }
                },
                "originalUriBaseIds": {
                    "%SRCROOT%": {"uri": "file://" + quote(_uri(os.path.abspath(root))).rstrip("/") + "/"}
                },
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }


def report_sarif(
    problems: Sequence[Problem],
    stream: TextIO,
    *,
    files: int,
    seconds: float,
    checked: Sequence[str] = (),
    root: Path | None = None,
    fail_on: Severity = Severity.ERROR,
) -> None:
    json.dump(build_sarif(problems, root), stream, indent=2, ensure_ascii=False)
    stream.write("\n")

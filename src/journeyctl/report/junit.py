"""JUnit XML, so CI test tabs show lint results: a test case per file checked without findings and
per finding; findings at or above --fail-on are failures, so the file agrees with the exit status.

A test case is named by the finding's identity (rule, semantic path, subject; its file is the
classname), never by its line: an edit above a finding leaves its test alone.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from journeyctl.identity import Identity, numbered_identities, repository_root
from journeyctl.paths import printable, relative_posix
from journeyctl.problems import Problem, Severity

# What XML 1.0 cannot hold at all, beyond the controls printable() already shows as \xNN.
_NOT_XML = re.compile("[\ufffe\uffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", printable(text, keep_lines=True))


def case_name(identity: Identity, number: int, rule_name: str) -> str:
    parts = [identity.code, rule_name, identity.semantic_path or "(file)", identity.subject]
    return " ".join(part for part in parts if part) + (f" #{number}" if number > 1 else "")


def report_junit(
    problems: Sequence[Problem],
    stream: TextIO,
    *,
    files: int,
    seconds: float,
    checked: Sequence[str] = (),
    root: Path | None = None,
    fail_on: Severity = Severity.ERROR,
) -> None:
    root = root or repository_root()
    cases: list[tuple[str, str, Problem | None]] = [
        (identity.path, case_name(identity, number, problem.name), problem)
        for problem, (identity, number) in zip(problems, numbered_identities(problems, root), strict=True)
    ]
    with_findings = {path for path, _name, _problem in cases}
    for path in {relative_posix(path, root) for path in checked} - with_findings:
        cases.append((path, "no findings", None))
    cases.sort(key=lambda case: (case[0], case[2] is not None))  # by file; a file's findings in file order

    failures = sum(problem is not None and problem.severity.rank >= fail_on.rank for _path, _name, problem in cases)
    counts = {"tests": str(len(cases)), "failures": str(failures), "errors": "0", "time": f"{seconds:.3f}"}
    suites = ElementTree.Element("testsuites", {"name": "journeyctl", **counts})
    suite = ElementTree.SubElement(suites, "testsuite", {"name": "journeyctl lint", "skipped": "0", **counts})
    for path, name, problem in cases:
        path = xml_text(path)
        case = ElementTree.SubElement(suite, "testcase", classname=path, name=xml_text(name), file=path, time="0")
        if problem is None:
            continue
        message = xml_text(problem.message)
        detail = f"{path}:{problem.line}:{problem.column}: {problem.severity.value} {message} [{problem.code} {problem.name}]"
        if problem.severity.rank >= fail_on.rank:
            failure = ElementTree.SubElement(case, "failure", message=message, type=problem.code)
            failure.text = detail
        else:
            ElementTree.SubElement(case, "system-out").text = detail
    ElementTree.indent(suites)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ElementTree.tostring(suites, encoding="unicode"))
    stream.write("\n")

"""JUnit XML: one test case per file checked and per problem, so CI test tabs show lint results."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from typing import Sequence, TextIO

from journeyctl.problems import Problem, Severity
from journeyctl.report.paths import printable, relative_posix


def report_junit(problems: Sequence[Problem], stream: TextIO, *, files: int, seconds: float) -> None:
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        by_file[relative_posix(problem.path)].append(problem)
    failures = sum(problem.severity is Severity.ERROR for problem in problems)
    suites = ElementTree.Element("testsuites", name="journeyctl", tests=str(len(problems)), failures=str(failures),
                                 time=f"{seconds:.3f}")
    suite = ElementTree.SubElement(suites, "testsuite", name="journeyctl lint", tests=str(len(problems)),
                                   failures=str(failures), errors="0", skipped="0", time=f"{seconds:.3f}")
    for path, found in sorted(by_file.items()):
        for problem in found:
            case = ElementTree.SubElement(suite, "testcase", classname=path,
                                          name=f"{problem.code} {problem.name} at {path}:{problem.line}:{problem.column}",
                                          file=path, line=str(problem.line))
            message = printable(problem.message)  # XML 1.0 cannot hold most control characters at all
            detail = f"{path}:{problem.line}:{problem.column}: {problem.severity.value} {message}"
            if problem.severity is Severity.ERROR:
                failure = ElementTree.SubElement(case, "failure", message=message, type=problem.code)
                failure.text = detail
            else:
                output = ElementTree.SubElement(case, "system-out")
                output.text = detail
    ElementTree.indent(suites)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ElementTree.tostring(suites, encoding="unicode"))
    stream.write("\n")

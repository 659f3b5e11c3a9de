"""Inline suppressions: `# journeyctl: disable-line|disable|enable|disable-file [CODES]`.

They never hide an always-on error (selection.ALWAYS_ON): a file-wide `disable-file` would
otherwise hide an unknown or duplicate id that render and diff rely on."""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from journeyctl.lint.rules.jc301_unused_suppression import CHECK as UNUSED_SUPPRESSION
from journeyctl.lint.selection import ALWAYS_ON, expand
from journeyctl.problems import Problem, Span, UsageError, did_you_mean

# A YAML comment starts at the beginning of a line or after white space.
# Any word after `journeyctl:` is taken as a directive, so that a misspelt one is reported, not ignored.
_DIRECTIVE = re.compile(r"(?:^|(?<=\s))#\s*journeyctl:[ \t]*([^\s#,:]*)([^\n#]*)", re.M)
KINDS = ("disable-line", "disable", "enable", "disable-file")
_ANY_DIRECTIVE = re.compile(r"#[ \t]*journeyctl:")  # a cheap first look: most files have none


@dataclass
class Directive:
    kind: str
    selectors: tuple[str, ...]  # empty: every rule
    span: Span
    first_line: int  # the lines it covers
    last_line: int
    used: bool = field(default=False)

    def covers(self, code: str, line: int, codes_of) -> bool:
        return self.first_line <= line <= self.last_line and (
            not self.selectors or any(code in codes_of(selector) for selector in self.selectors)
        )

    @property
    def text(self) -> str:
        return " ".join((self.kind, *self.selectors))


def parse_directives(source) -> list[Directive]:
    """Every suppression comment in a file (a loading Source: text and nodes), with the lines it covers."""
    text = source.text
    if not _ANY_DIRECTIVE.search(text):
        return []
    in_text = _text_spans(source.root)
    directives: list[Directive] = []
    open_ranges: list[Directive] = []
    last_line = text.count("\n") + 1
    line, counted_to = 1, 0  # lines counted as the matches go, once through the text
    for match in _DIRECTIVE.finditer(text):
        start = match.start()
        index = bisect.bisect_right(in_text, (start, math.inf)) - 1
        if index >= 0 and in_text[index][0] <= start < in_text[index][1]:
            continue  # inside a value (a block of text, a quoted string): words, not a comment
        line += text.count("\n", counted_to, start)
        counted_to = start
        line_start = text.rfind("\n", 0, start) + 1
        span = Span(line, start - line_start + 1, line, match.end() - line_start + 1)
        kind = match.group(1)
        selectors = tuple(part for part in re.split(r"[\s,:]+", match.group(2).strip()) if part)
        if kind not in KINDS:
            directives.append(Directive(kind, selectors, span, 0, -1))  # covers no line: reported as unknown
            continue
        if kind == "enable":
            for directive in list(open_ranges):
                if not selectors or set(directive.selectors) & set(selectors):
                    directive.last_line = line
                    open_ranges.remove(directive)
            continue
        if kind == "disable-line":
            alone = not text[line_start:start].strip()
            target = line + 1 if alone else line
            directive = Directive(kind, selectors, span, target, target)
        elif kind == "disable-file":
            directive = Directive(kind, selectors, span, 1, last_line)
        else:
            directive = Directive(kind, selectors, span, line, last_line)
            open_ranges.append(directive)
        directives.append(directive)
    return directives


def _text_spans(root) -> list[tuple[int, int]]:
    """(start, end) character offsets of every text value, sorted: a `#` inside one is not a comment."""
    spans: list[tuple[int, int]] = []
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, ScalarNode):
            spans.append((node.start_mark.index, node.end_mark.index))
        elif isinstance(node, MappingNode):
            stack.extend(value for pair in node.value for value in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return sorted(spans)


def apply(problems: list[Problem], directives: list[Directive], path: str) -> list[Problem]:
    """The problems no directive suppresses, plus one JC301 per directive that suppressed nothing."""
    if not directives:
        return problems

    def codes_of(selector: str) -> frozenset[str]:
        try:
            return expand(selector, "a suppression comment")
        except UsageError:
            return frozenset()

    kept = []
    for problem in problems:
        if problem.code in ALWAYS_ON:
            kept.append(problem)
            continue
        hit = False
        for directive in directives:
            if directive.covers(problem.code, problem.line, codes_of):
                directive.used = hit = True
        if not hit:
            kept.append(problem)
    for directive in directives:
        if directive.kind not in KINDS:
            kept.append(
                Problem(
                    path,
                    directive.span,
                    UNUSED_SUPPRESSION,
                    f"unknown directive '# journeyctl: {directive.kind}'{did_you_mean(directive.kind, KINDS)}"
                    f" suppresses nothing; the directives are {', '.join(KINDS)}",
                    subject=directive.text,
                )
            )
        elif not directive.used:
            unknown = [selector for selector in directive.selectors if not codes_of(selector)]
            always_on = [
                selector for selector in directive.selectors if codes_of(selector) and codes_of(selector) <= ALWAYS_ON
            ]
            reason = (
                f" (unknown rule {unknown[0]!r})"
                if unknown
                else f" ({always_on[0]} is always on: fix the problem instead)"
                if always_on
                else ""
            )
            kept.append(
                Problem(
                    path,
                    directive.span,
                    UNUSED_SUPPRESSION,
                    f"'# journeyctl: {directive.text}' suppresses nothing{reason}; remove it",
                    subject=directive.text,
                )
            )
    return kept

"""The canonical tree (canonical.rebuild's) as text, written directly: ruamel.yaml's emitter does
the same in pure Python at a few times the cost, and was most of fmt's time once reading was fast.

Only the shapes the canonical layout has are written here: block mappings, block lists, flow
lists of scalars, plain and double-quoted text, author-written numbers and dates (Verbatim), and
block texts (`>-`, `|`) under a key. Anything else (an empty collection, a block text whose
first line starts with a space, a value from ruamel's own reader) returns None, and ruamel
writes the file; a test holds the two writers to the same text on every map of the suite.
"""

from __future__ import annotations

import re

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString, LiteralScalarString

from journeyctl.fmt.canonical import needs_quotes
from journeyctl.fmt.tree import Verbatim

INDENT = 2  # a mapping's keys, and a list's `- ` under its key
# What ruamel's double-quoted writer escapes (allow_unicode): quotes, backslashes, line and
# paragraph separators, the BOM, and whatever is not printable.
_ESCAPED = re.compile('["\\\\\x85\u2028\u2029\ufeff]|[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]')
_ESCAPES = {
    "\0": "0",
    "\x07": "a",
    "\x08": "b",
    "\t": "t",
    "\n": "n",
    "\x0b": "v",
    "\x0c": "f",
    "\r": "r",
    "\x1b": "e",
    '"': '"',
    "\\": "\\",
    "\x85": "N",
    "\xa0": "_",
    "\u2028": "L",
    "\u2029": "P",
}


class _Unsupported(Exception):
    pass


def emit(tree: CommentedMap) -> str | None:
    """The text of `tree`, as ruamel (configured by canonical.make_yaml) would write it; or None."""
    lines: list[str] = []
    try:
        _mapping(tree, 0, lines)
    except _Unsupported:
        return None
    return "\n".join(lines) + "\n"


def _mapping(mapping, indent: int, lines: list[str]) -> None:
    if type(mapping) is not CommentedMap or not mapping or mapping.fa.flow_style():
        raise _Unsupported
    for key, value in mapping.items():
        if type(key) is not str or needs_quotes(key):
            raise _Unsupported
        _value(" " * indent + key + ":", value, indent, lines)


def _value(prefix: str, value, indent: int, lines: list[str]) -> None:
    if isinstance(value, CommentedMap):
        lines.append(prefix)
        _mapping(value, indent + INDENT, lines)
    elif isinstance(value, CommentedSeq):
        if not value:
            raise _Unsupported
        if value.fa.flow_style():
            lines.append(prefix + " [" + ", ".join(_scalar(item) for item in value) + "]")
        else:
            lines.append(prefix)
            _sequence(value, indent + INDENT, lines)
    elif isinstance(value, (FoldedScalarString, LiteralScalarString)):
        _block_text(prefix, value, indent + INDENT, lines)
    else:
        text = _scalar(value)
        lines.append(prefix + " " + text if text else prefix)


def _sequence(sequence: CommentedSeq, indent: int, lines: list[str]) -> None:
    dash = " " * indent + "- "
    for item in sequence:
        if isinstance(item, CommentedMap):
            start = len(lines)
            _mapping(item, indent + INDENT, lines)
            lines[start] = dash + lines[start][indent + INDENT :]
        elif isinstance(item, (CommentedSeq, FoldedScalarString, LiteralScalarString)):
            raise _Unsupported
        else:
            text = _scalar(item)
            if not text:
                raise _Unsupported
            lines.append(dash + text)


def _scalar(value) -> str:
    if type(value) is Verbatim:
        return str(value)
    if type(value) is DoubleQuotedScalarString:
        return '"' + _ESCAPED.sub(_escape, str(value)) + '"'
    if type(value) is str and not needs_quotes(value):
        return value
    raise _Unsupported  # a value from ruamel's reader (its own number types), or text it would quote its own way


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _ESCAPES:
        return "\\" + _ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def _block_text(prefix: str, value, indent: int, lines: list[str]) -> None:
    text = str(value)
    body = text.rstrip("\n")
    ending = len(text) - len(body)
    if not body or ending > 1 or body[0] in " \t" or "\r" in body or _ESCAPED.search(body.replace("\n", "")):
        raise _Unsupported  # indentation indicators, kept trailing lines, escapes: ruamel's
    folded = isinstance(value, FoldedScalarString)
    lines.append(prefix + (" >" if folded else " |") + ("" if ending else "-"))
    margin = " " * indent
    if not folded:
        lines.extend(margin + line if line else "" for line in body.split("\n"))
        return
    breaks = set(getattr(value, "fold_pos", ()))
    offset = 0
    for number, paragraph in enumerate(body.split("\n")):
        if number:
            lines.append("")  # one line break in the text is an empty line in a folded block
        if paragraph[:1] in (" ", "\t") or paragraph.endswith((" ", "\t")):
            raise _Unsupported  # more-indented lines and trailing spaces keep their breaks: ruamel's
        start = 0
        for at in range(len(paragraph)):
            if (
                offset + at in breaks
                and paragraph[at] == " "
                and paragraph[at - 1] != " "
                and paragraph[at + 1 : at + 2] not in (" ", "")
            ):
                lines.append(margin + paragraph[start:at])
                start = at + 1
        if paragraph:
            lines.append(margin + paragraph[start:])
        offset += len(paragraph) + 1

"""Put the collected comments back into the canonical text, and space the phases.

The canonical text is parsed once more (libyaml, fast) to learn the line and indentation of
every item; comments are then written before (or at the end of) that line, indented like the item.
"""

from __future__ import annotations

import yaml
from yaml.nodes import MappingNode, SequenceNode

from journeyctl.fmt.comments import BLANK, Comments

# `- ` items are indented under their key: the dash sits two columns left of the item's content.
DASH_WIDTH = 2


def weave(text: str, comments: Comments) -> str:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    before: dict[int, list[str]] = {}
    after: dict[int, str] = {}
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    root = yaml.compose(text, Loader=loader)
    for path, line, column, first_child in _items(root):
        leading = comments.leading.get(path, [])
        if len(path) > 1 and isinstance(path[-1], str):
            leading = [entry for entry in leading if entry != BLANK]  # keys of one item stay together
        leading = _tidy(leading, drop_leading_blanks=first_child)
        if _is_later_phase(path):
            leading = [BLANK] + _tidy(leading, drop_leading_blanks=True)
        trailing = comments.trailing.get(path, [])
        if trailing:
            # One end-of-line comment fits on the line; any others go just above it.
            leading = leading + trailing[:-1]
            after[line] = trailing[-1]
        if leading:
            indent = " " * column
            before.setdefault(line, []).extend(indent + entry if entry != BLANK else "" for entry in leading)
    woven = _tidy(comments.header, drop_leading_blanks=True)
    for number, line in enumerate(lines):
        woven.extend(before.get(number, ()))
        woven.append(line + "  " + after[number] if number in after else line)
    trailer = _tidy(comments.trailer, drop_leading_blanks=False)
    while trailer and trailer[-1] == BLANK:
        trailer.pop()
    woven.extend(trailer)
    return "\n".join(woven) + "\n"


def _items(root):
    """(path, line, indentation column, whether it comes first in its parent) for every item, in order."""
    stack = [(root, ())]
    while stack:
        node, path = stack.pop()
        children = []
        if isinstance(node, MappingNode):
            for position, (key, value) in enumerate(node.value):
                child = path + (key.value,)
                children.append((child, key.start_mark, position == 0, value, key.start_mark.column))
        elif isinstance(node, SequenceNode) and not node.flow_style:
            for position, value in enumerate(node.value):
                child = path + (position,)
                children.append((child, value.start_mark, position == 0, value, value.start_mark.column - DASH_WIDTH))
        for child, mark, first, _value, column in children:
            yield child, mark.line, column, first
        for child, _mark, _first, value, _column in reversed(children):
            stack.append((value, child))


def _is_later_phase(path: tuple) -> bool:
    return len(path) == 2 and path[0] == "phases" and path[1] != 0


def _tidy(lines: list[str], *, drop_leading_blanks: bool) -> list[str]:
    """At most one blank line in a row; none first when asked (the top of a file or of a block)."""
    tidy: list[str] = []
    for entry in lines:
        if entry == BLANK and (tidy[-1:] == [BLANK] or (drop_leading_blanks and not tidy)):
            continue
        tidy.append(entry)
    return tidy

"""Find every comment and blank line of a map file and tie it to the item it belongs to.

An item is a key of a mapping or an entry of a list, named by its path from the root
(`("phases", 0, "id")`). A comment on a line of its own belongs to the item that follows it,
so it moves with that item when keys are reordered (a `# journeyctl: disable-line` comment keeps
covering the line below it); a comment at the end of a line belongs to the last item that
starts before it on that line. Comments before the first content line are the file's header,
comments after the last one its trailer.

Comments are found as the text that no YAML token covers: libyaml's scanner gives the extent of
every token, so a `#` inside a quoted or block scalar is never mistaken for a comment.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

BLANK = ""  # a blank line in a run of comment lines

Path = tuple


@dataclass
class Comments:
    header: list[str] = field(default_factory=list)
    leading: dict[Path, list[str]] = field(default_factory=dict)  # full lines (or BLANK) before an item
    trailing: dict[Path, list[str]] = field(default_factory=dict)  # end-of-line comments of an item
    trailer: list[str] = field(default_factory=list)

    def parents_of_commented_items(self) -> set[Path]:
        return {path[:-1] for path in (*self.leading, *self.trailing)}


@dataclass(frozen=True)
class ItemStart:
    line: int  # 0-based, as ruamel records it
    column: int
    depth: int
    path: Path


def comment_texts(text: str) -> list[str]:
    """Every comment of `text`, in order (used to prove the formatter lost none)."""
    full, end_of_line, _ = _scan(text)
    found = [(line, comment) for line, comment in full.items()]
    found += [(line, comment) for line, (_, comment) in end_of_line.items()]
    return [comment for _, comment in sorted(found)]


def collect(text: str, root) -> Comments:
    """Tie the comments of `text` to the items of `root` (its ruamel round-trip tree)."""
    full, end_of_line, content_lines = _scan(text)
    starts = sorted(_item_starts(root), key=lambda start: (start.line, start.column, start.depth))
    start_keys = [(start.line, start.column, start.depth) for start in starts]
    owner_line = {start.path: start.line for start in starts}
    flow_parents = _flow_parents(root)
    comments = Comments()
    pending: list[str] = []
    first_content = min(content_lines, default=None)
    lines = text.split("\n")
    for number in range(len(lines)):
        if number in full:
            pending.append(full[number])
        elif number not in content_lines:
            pending.append(BLANK)
        else:
            if number == first_content:
                comments.header, pending = pending, []
            if pending:
                _attach_leading(comments, pending, starts, start_keys, number)
                pending = []
            if number in end_of_line:
                column, comment = end_of_line[number]
                path = _end_of_line_owner(starts, start_keys, number, column, flow_parents, owner_line)
                if path is None:
                    pending.append(comment)  # nothing starts on this line: keep it above the next item
                else:
                    comments.trailing.setdefault(path, []).append(comment)
    comments.trailer = pending
    return comments


def _attach_leading(comments: Comments, lines: list[str], starts, start_keys, number: int) -> None:
    position = bisect.bisect_left(start_keys, (number, -1, -1))
    if position == len(starts):
        comments.trailer.extend(lines)  # after the last item: cannot happen before content, kept anyway
        return
    comments.leading.setdefault(starts[position].path, []).extend(lines)


def _end_of_line_owner(starts, start_keys, line, column, flow_parents, owner_line):
    position = bisect.bisect_left(start_keys, (line, column, -1)) - 1
    if position < 0 or starts[position].line != line:
        return None
    path = starts[position].path
    # Inside a flow collection written on this line, the comment is about the whole collection.
    while len(path) > 1 and path[:-1] in flow_parents and owner_line.get(path[:-1]) == line:
        path = path[:-1]
    return path


def _item_starts(node, path: Path = (), depth: int = 0):
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap):
        for key in node:
            line, column = node.lc.data[key][:2]
            yield ItemStart(line, column, depth, path + (key,))
            yield from _item_starts(node[key], path + (key,), depth + 1)
    elif isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            line, column = node.lc.data[index][:2]
            yield ItemStart(line, column, depth, path + (index,))
            yield from _item_starts(item, path + (index,), depth + 1)


def _flow_parents(node, path: Path = ()) -> set[Path]:
    """Paths of the collections written in flow style (`[a, b]`, `{a: 1}`)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    found: set[Path] = set()
    if isinstance(node, (CommentedMap, CommentedSeq)):
        if node.fa.flow_style():
            found.add(path)
        children = node.items() if isinstance(node, CommentedMap) else enumerate(node)
        for key, child in children:
            found |= _flow_parents(child, path + (key,))
    return found


@lru_cache(maxsize=2)  # collect() and comment_texts() scan the same text; callers do not change what it returns
def _scan(text: str) -> tuple[dict[int, str], dict[int, tuple[int, str]], set[int]]:
    """(full-line comments by line, end-of-line comments by line with their column, lines with content)."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    covered: list[tuple[int, int]] = []  # token extents as (start, end) offsets, in order
    content_lines: set[int] = set()
    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    for token in yaml.scan(text, Loader=loader):
        start = offsets[token.start_mark.line] + token.start_mark.column
        end = offsets[token.end_mark.line] + token.end_mark.column
        extents = [(start, end)]
        if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
            extents = _block_scalar_extents(text, start, end)
        for extent in extents:
            if extent[1] > extent[0]:
                covered.append(extent)
        if end > start:
            first = token.start_mark.line
            last = first + text.count("\n", start, end - 1)
            content_lines.update(range(first, last + 1))
    covered.sort()
    starts = [start for start, _ in covered]
    full: dict[int, str] = {}
    end_of_line: dict[int, tuple[int, str]] = {}
    for number, line in enumerate(lines):
        hash_at = line.find("#")
        while hash_at != -1:
            offset = offsets[number] + hash_at
            index = bisect.bisect_right(starts, offset) - 1
            if index < 0 or covered[index][1] <= offset:
                comment = line[hash_at:].rstrip()
                if line[:hash_at].strip():
                    end_of_line[number] = (hash_at, comment)
                else:
                    full[number] = comment
                break
            hash_at = line.find("#", hash_at + 1)
    content_lines -= set(full)
    return full, end_of_line, content_lines


_BLOCK_HEADER = re.compile(r"[|>][0-9+-]*")


def _block_scalar_extents(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A block scalar's indicator and its text, not what lies between: the scanner's token also
    spans a comment after the indicator (`>-  # note`) and the blank lines after the text."""
    header = _BLOCK_HEADER.match(text, start)
    header_end = header.end() if header else start + 1
    body_start = text.find("\n", start, end)
    if body_start == -1:
        return [(start, header_end)]
    body_end = body_start + len(text[body_start:end].rstrip())
    return [(start, header_end), (body_start + 1, body_end)]

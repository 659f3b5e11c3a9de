"""From a location in the data (keys and indexes) to a file position and a semantic path.

Positions are looked up only when a problem is reported, by walking the node tree, so a
clean file pays nothing for them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from yaml.nodes import MappingNode, SequenceNode

from journeyctl.loading.source import node_span
from journeyctl.problems import FILE_START, Span

Loc = tuple[str | int, ...]


def find_node(root, loc: Iterable[str | int], *, want_key: bool = False):
    """The deepest node on `loc` (the key node of the last step if `want_key`), and whether all of loc was found."""
    node = root
    steps = list(loc)
    for position, step in enumerate(steps):
        last = position == len(steps) - 1
        if type(node) is MappingNode and isinstance(step, str):
            for key_node, value_node in node.value:
                if key_node.value == step:
                    if last and want_key:
                        return key_node, True
                    node = value_node
                    break
            else:
                return node, False
        elif type(node) is SequenceNode and isinstance(step, int) and 0 <= step < len(node.value):
            node = node.value[step]
        else:
            return node, False
    return node, True


def locate(root, loc: Iterable[str | int], *, want_key: bool = False) -> Span:
    """The span of the value at `loc`; for a missing value, the start of its nearest parent."""
    if root is None:
        return FILE_START
    node, found = find_node(root, loc, want_key=want_key)
    span = node_span(node)
    if found:
        return span
    return Span(span.line, span.column, span.line, span.column)  # point at the parent's first line


def semantic_path(data: Any, loc: Iterable[str | int]) -> str:
    """`phases[land].touchpoints[kickoff].owner`: list items are named by their id where they have one."""
    parts: list[str] = []
    value = data
    for step in loc:
        if isinstance(step, int):
            item = value[step] if isinstance(value, list) and 0 <= step < len(value) else None
            item_id = item.get("id") if isinstance(item, dict) else None
            parts.append(f"[{item_id}]" if isinstance(item_id, str) and item_id else f"[{step}]")
            value = item
        else:
            parts.append(f".{step}" if parts else str(step))
            value = value.get(step) if isinstance(value, dict) else None
    return "".join(parts)

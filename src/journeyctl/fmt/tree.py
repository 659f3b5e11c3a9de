"""The round-trip tree fmt rewrites, built from the node tree the loader already composed in C.

ruamel.yaml's own round-trip reader is pure Python and about 70% of fmt's time (minutes on a
10 MB map), so the tree is made here from libyaml's nodes instead: mappings and lists with the
line and column of every item (comments.py ties comments to them) and their flow style, block
texts with the places where their author broke the lines, and numbers, dates, booleans and nulls
(as the loader read them: one reading of what a value means) as the very text the author wrote. What this does not model (an alias, an explicit tag, a key
that is not text, a block text it cannot retrace) returns None, and the file is read by ruamel.
"""

from __future__ import annotations

from functools import lru_cache

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import ScalarNode as RuamelScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

_RESOLVER = VersionedResolver(version=(1, 2))  # as ruamel reads (and writes) a plain scalar
_TAG = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP = _TAG + "str", _TAG + "seq", _TAG + "map"


class Verbatim(str):
    """A number, date, boolean or null, kept as the text its author wrote (`1.0`, `0x1`, `~`)."""

    __slots__ = ("tag",)
    tag: str


def represent_verbatim(representer, data: Verbatim):
    return representer.represent_scalar(data.tag, str(data))


class _Unsupported(Exception):
    pass


def tree_from_nodes(root, data, text: str):
    """A CommentedMap like ruamel's round-trip reader makes of `text`, from its libyaml nodes and the
    loader's values of them; or None."""
    try:
        return _Build(text).node(root, data)
    except _Unsupported:
        return None


class _Build:
    def __init__(self, text: str):
        self.lines = text.split("\n")
        self.seen: set[int] = set()

    def node(self, node, data):
        if id(node) in self.seen:  # an alias: ruamel keeps what it shares, this does not model it
            raise _Unsupported
        self.seen.add(id(node))
        if isinstance(node, MappingNode):
            return self.mapping(node, data)
        if isinstance(node, SequenceNode):
            return self.sequence(node, data)
        return self.scalar(node, data)

    def mapping(self, node: MappingNode, data) -> CommentedMap:
        if node.tag != _MAP or not isinstance(data, dict) or len(data) != len(node.value):
            raise _Unsupported
        result = CommentedMap()
        for key_node, value_node in node.value:
            if (
                not isinstance(key_node, ScalarNode)
                or key_node.tag != _STR
                or (not key_node.style and self.tag_of_plain(key_node.value) != _STR)
            ):
                raise _Unsupported  # `<<` merges, `1:`, `[a]:` keys: not in a map, left to ruamel
            key = key_node.value
            if key in result or key not in data:
                raise _Unsupported
            result[key] = self.node(value_node, data[key])
            start, value_start = key_node.start_mark, value_node.start_mark
            result.lc.add_kv_line_col(key, [start.line, start.column, value_start.line, value_start.column])
        _set_style(result, node.flow_style)
        return result

    def sequence(self, node: SequenceNode, data) -> CommentedSeq:
        if node.tag != _SEQ or not isinstance(data, list) or len(data) != len(node.value):
            raise _Unsupported
        result = CommentedSeq()
        for index, item in enumerate(node.value):
            result.append(self.node(item, data[index]))
            result.lc.add_idx_line_col(index, [item.start_mark.line, item.start_mark.column])
        _set_style(result, node.flow_style)
        return result

    def scalar(self, node: ScalarNode, value):
        if node.tag != _STR:
            raise _Unsupported  # an explicit tag (the loader resolves none itself)
        if (value != node.value) if isinstance(value, str) else bool(node.style):
            raise _Unsupported  # not a reading this models
        if node.style == "|":
            return LiteralScalarString(node.value)
        if node.style == ">":
            folded = FoldedScalarString(node.value)
            folded.fold_pos = self.fold_positions(node)
            return folded
        if isinstance(value, str):  # quoted or plain
            return node.value
        verbatim = Verbatim(node.value)
        verbatim.tag = self.tag_of_plain(node.value)  # when ruamel reads it as text, it is still written plain
        return verbatim

    @staticmethod
    @lru_cache(maxsize=1 << 16)
    def tag_of_plain(text: str) -> str:
        return _RESOLVER.resolve(RuamelScalarNode, text, (True, False))

    def fold_positions(self, node: ScalarNode) -> list[int]:
        """Where in the value the author's line breaks were folded into spaces, retraced from the source lines."""
        value = node.value.rstrip("\n")
        position, positions = 0, []
        body = self.lines[node.start_mark.line + 1 : node.end_mark.line + 1]
        indent = next((len(line) - len(line.lstrip(" ")) for line in body if line.strip()), 0)
        blank_before = False
        for line in body:
            if position >= len(value):
                break
            content = line[indent:]
            if not line.strip():
                blank_before = True
                continue
            if position > 0:
                if value[position] == " " and not blank_before:
                    positions.append(position)
                    position += 1
                elif value[position] == "\n":
                    while position < len(value) and value[position] == "\n":
                        position += 1
                else:
                    raise _Unsupported
            if not value.startswith(content, position):
                raise _Unsupported
            position += len(content)
            blank_before = False
        if position != len(value):
            raise _Unsupported
        return positions


def _set_style(collection, flow: bool) -> None:
    if flow:
        collection.fa.set_flow_style()
    else:
        collection.fa.set_block_style()

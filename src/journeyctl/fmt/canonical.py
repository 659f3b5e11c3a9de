"""The data of a map file, rebuilt in canonical shape, and the ruamel.yaml configuration that writes
it when emit.py cannot (without comments: weave.py puts them back).

Canonical: keys in the spec's order, block style except for id lists (`personas: [a, b]`),
and text plain unless it needs quotes, then always double quotes. It needs them when YAML (1.2,
or 1.1 as older tools read it: `yes`, `on`) would read it plain as something else, when it
starts like a comparison (`"< 30 days"`, so that a target does not look like YAML syntax), and
when it holds a character that a reader might not see (a tab, a no-break or zero-width space, a
direction mark: double quotes show them as escapes or at least mark where the text ends); a
persona's `quote` is always quoted. How the author quoted a value does not matter. Text written
as a folded (`>-`) or literal (`|`) block stays one, with its line breaks: prose is never reflowed.
"""

from __future__ import annotations

import io
from functools import cache, lru_cache

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
)

from journeyctl.fmt.layout import BY_PERSONA, CHILDREN, ID_LISTS, QUOTED_FIELDS, ordered_keys, persona_order
from journeyctl.fmt.tree import Verbatim, represent_verbatim

# Never wrap: a long line of prose stays one line, as its author wrote it.
NO_WRAP = 1 << 30
_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVERS = (VersionedResolver(version=(1, 2)), VersionedResolver(version=(1, 1)))
# What a plain scalar may not start with: YAML's indicators, and comparisons. (`-x` is plain in
# YAML, but `- x` and `---` are not; quoting every leading `-` is simpler and always safe.)
_SYNTAX_START = frozenset("-?:,[]{}#&*!|>'\"%@`<>=")
# Inside a flow list (`[a, b]`) these end or nest the item; `?` and `:` are syntax there in YAML 1.1.
_FLOW_SYNTAX = frozenset(",[]{}?:#")


class _Representer(RoundTripRepresenter):
    """ruamel's round-trip representer, and numbers, dates and the like written as their author wrote them."""


_Representer.add_representer(Verbatim, represent_verbatim)


def make_yaml() -> YAML:
    """The one ruamel configuration: 2-space mappings, `- ` items indented under their key."""
    yaml = YAML()  # round-trip
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = NO_WRAP
    return yaml


@cache
def shared_yaml() -> YAML:
    """One instance for the whole run: setting one up per file is a cost a run over many small maps feels."""
    return make_yaml()


def dump(data) -> str:
    stream = io.StringIO()
    shared_yaml().dump(data, stream)
    return stream.getvalue()


def rebuild(node, kind: str, keep_block: set[tuple], path: tuple = ()):
    """A fresh tree (no comments, no anchors) of `node`, a mapping of kind `kind`.

    `keep_block` holds paths of id lists that must stay block lists because comments sit on their items.
    """
    result = CommentedMap()
    result.fa.set_block_style()
    for read_key in ordered_keys(kind, list(node)):
        value = node[read_key]
        key = str(read_key) if isinstance(read_key, str) else read_key  # not the author's quotes, as for values
        child_path = path + (key,)
        child_kind = CHILDREN.get((kind, key))
        if isinstance(value, dict) and (kind, key) in BY_PERSONA:
            personas = node.get("personas")
            result[key] = rebuild_by_persona(value, personas if isinstance(personas, list) else [])
        elif isinstance(value, dict):
            result[key] = rebuild(value, child_kind or "", keep_block, child_path)
        elif isinstance(value, list):
            flow = (
                (kind, key) in ID_LISTS
                and child_path not in keep_block
                and all(not isinstance(item, (dict, list)) for item in value)
            )
            result[key] = _sequence(value, child_kind, keep_block, child_path, flow)
        else:
            result[key] = scalar(value, always_quote=(kind, key) in QUOTED_FIELDS)
    return result


def rebuild_by_persona(node, personas: list) -> CommentedMap:
    """`emotion: {admin: -1, champion: 1}` as a block mapping, one persona a line, in the order of
    the touchpoint's `personas` (a diff then shows one persona's change as one line)."""
    result = CommentedMap()
    result.fa.set_block_style()
    for read_key in persona_order(list(node), personas):
        key = str(read_key) if isinstance(read_key, str) else read_key
        value = node[read_key]
        result[key] = scalar(value) if not isinstance(value, (dict, list)) else value
    return result


def _sequence(items, kind, keep_block, path, flow: bool) -> CommentedSeq:
    result = CommentedSeq()
    for index, item in enumerate(items):
        if isinstance(item, dict):
            result.append(rebuild(item, kind or "", keep_block, path + (index,)))
        elif isinstance(item, list):  # not in a valid map; kept as it is, in block style
            result.append(_sequence(item, None, keep_block, path + (index,), False))
        else:
            result.append(scalar(item, in_flow=flow))
    if flow:
        result.fa.set_flow_style()
    else:
        result.fa.set_block_style()
    return result


def scalar(value, *, in_flow: bool = False, always_quote: bool = False):
    """A scalar in its canonical style; numbers, dates, booleans and nulls are written as they were read."""
    if isinstance(value, Verbatim):
        return value
    if isinstance(value, FoldedScalarString):
        folded = FoldedScalarString(str(value))
        folded.fold_pos = list(getattr(value, "fold_pos", []))  # keep the author's line breaks
        return folded
    if isinstance(value, LiteralScalarString):
        return LiteralScalarString(str(value))
    if isinstance(value, str):
        text = str(value)
        if always_quote or needs_quotes(text, in_flow=in_flow):
            return DoubleQuotedScalarString(text)
        return text
    return value


@lru_cache(maxsize=1 << 16)  # keys and many values repeat: `id`, `name`, `csm`
def needs_quotes(text: str, *, in_flow: bool = False) -> bool:
    """Whether `text` written plain would read back as something else, or look like syntax.

    Decided here by YAML's rules for plain scalars, erring towards quotes, rather than by
    ruamel's emitter internals (whose analysis changed between releases): a text this says is
    plain is always one ruamel writes plain too (the character sweep in tests/fmt checks it).
    """
    if (
        not text
        or text[0] in _SYNTAX_START
        or text.startswith("...")
        or text != text.strip()
        or not text.isprintable()  # control, format (zero-width, direction marks), separators but space
        or ": " in text
        or text.endswith(":")
        or " #" in text
        or (in_flow and not _FLOW_SYNTAX.isdisjoint(text))
    ):
        return True
    return any(resolver.resolve(ScalarNode, text, (True, False)) != _STR_TAG for resolver in _RESOLVERS)

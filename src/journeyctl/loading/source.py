"""YAML text -> plain Python data plus the node tree that knows every value's position.

A map file comes from any contributor's pull request, so this module treats the text as
hostile: size, encoding, tabs, nesting depth, tags, duplicate keys and alias expansion are
checked here, and every failure becomes a located Problem, never an exception.

Speed: the tree is composed by libyaml (PyYAML's C binding: plain node objects with marks,
no resolver, no round-trip overhead), and the Python values are built by one small walk
below that also resolves plain scalars by the YAML 1.2 core schema (`yes` stays text).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NoReturn

import yaml
from yaml.error import YAMLError
from yaml.events import CollectionEndEvent, CollectionStartEvent, StreamEndEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from journeyctl.lint.rules.jc001_unreadable_file import CHECK as UNREADABLE_FILE
from journeyctl.lint.rules.jc002_yaml_syntax import CHECK as YAML_SYNTAX
from journeyctl.lint.rules.jc003_unsupported_yaml import CHECK as UNSUPPORTED_YAML
from journeyctl.lint.rules.jc004_duplicate_key import CHECK as DUPLICATE_KEY
from journeyctl.loading import yaml_errors
from journeyctl.problems import FILE_START, Check, Problem, Span

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# A journey map is about seven levels deep; anything far beyond is an attack or a mistake.
MAX_DEPTH = 64
# Aliases may repeat a node, but not multiply the document ("billion laughs"): at most this
# many values, and this many characters of text (one long text repeated would make every
# render of the map gigabytes long).
MAX_ALIAS_EXPANSION = 100_000
MAX_ALIAS_CHARACTERS = 1_000_000

# libyaml's composer recurses in C once per nesting level and would overflow the stack on
# a file nested 100,000 deep. Below these counts the depth is provably small enough for
# it; above them the depth is measured with the (iterative) event parser first.
_C_SAFE_FLOW_OPENERS = 5_000
_C_SAFE_BLOCK_PREFIX = 2_500
_DEEP_BLOCK_LINE = re.compile(r"(?:^|\n)[ ?:\-]{%d}" % _C_SAFE_BLOCK_PREFIX)  # noqa: UP031 (in a regex, {%d} reads better than {{{n}}})
_TAB_INDENT = re.compile(r"^ *\t", re.M)

# The C parser where PyYAML was built with libyaml (every wheel is); else the pure-Python one.
_BaseLoader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_DEFAULT_TAGS = {
    ScalarNode: "tag:yaml.org,2002:str",
    SequenceNode: "tag:yaml.org,2002:seq",
    MappingNode: "tag:yaml.org,2002:map",
}


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """No implicit typing in the loader: _Builder does it (YAML 1.2, and without a Python
    resolver call per node, which costs more than the C parse of a large map)."""

    def resolve(self, kind, value, implicit):
        return _DEFAULT_TAGS[kind]

    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass


_TAG = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = _TAG + "str", _TAG + "map", _TAG + "seq"
_SCALAR_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")}


@dataclass(slots=True)
class Source:
    """A parsed file: its data, and the node tree to find positions in."""

    path: str
    text: str
    data: Any
    root: Any  # a yaml.nodes.Node


class _Stop(Exception):
    """Raised inside the walk with the problem that ends it."""

    def __init__(self, problem: Problem):
        self.problem = problem


def node_span(node) -> Span:
    start, end = node.start_mark, node.end_mark
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def read_text(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str | Problem:
    """Read a file as UTF-8 text, or say why it cannot be a map file."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO or a device would hang or never end
            return Problem(path, FILE_START, UNREADABLE_FILE, "not a regular file")
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as error:
        return Problem(path, FILE_START, UNREADABLE_FILE, f"cannot read file: {error.strerror or error}")
    return decode_text(path, raw, max_bytes)


def too_large(path: str, max_bytes: int) -> Problem:
    return Problem(
        path, FILE_START, UNREADABLE_FILE, f"file is larger than the limit of {max_bytes:,} bytes (max_file_bytes)"
    )


def decode_text(path: str, raw: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> str | Problem:
    """Bytes (from a file, or from git) as UTF-8 text, or say why they cannot be a map file."""

    def problem(message: str, span: Span = FILE_START) -> Problem:
        return Problem(path, span, UNREADABLE_FILE, message)

    if len(raw) > max_bytes:
        return too_large(path, max_bytes)
    if b"\0" in raw:
        return problem("file is not text (it contains NUL bytes)", _offset_span(raw, raw.index(b"\0")))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return problem(
            f"file is not valid UTF-8 (byte 0x{raw[error.start]:02x}); save it as UTF-8",
            _offset_span(raw, error.start),
        )


def _offset_span(raw: bytes, offset: int) -> Span:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
    return Span(line, column, line, column + 1)


def _char_span(text: str, index: int) -> Span:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return Span(line, column, line, column + 1)


def parse(path: str, text: str) -> Source | Problem:
    """Parse YAML text into data with positions, or the first problem that stops it."""
    match = _TAB_INDENT.search(text)
    if match:
        span = _char_span(text, match.end() - 1)
        return Problem(path, span, YAML_SYNTAX, "tab character in indentation; YAML indents with spaces only")
    if _needs_depth_check(text):
        problem = _measure_depth(path, text)
        if problem:
            return problem
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except YAMLError as error:
        return _yaml_problem(path, text, error)
    except RecursionError:  # only the pure-Python fallback recurses in Python
        return Problem(path, FILE_START, UNSUPPORTED_YAML, f"nesting deeper than {MAX_DEPTH} levels")
    finally:
        _dispose(loader)
    if root is None:
        return Source(path, text, None, None)
    try:
        data = _Builder(path, text).build(root)
    except _Stop as stop:
        return stop.problem
    return Source(path, text, data, root)


def _dispose(loader) -> None:
    dispose = getattr(loader, "dispose", None)
    if dispose:
        dispose()


def _needs_depth_check(text: str) -> bool:
    openers = text.count("[") + text.count("{")
    return openers > _C_SAFE_FLOW_OPENERS or _DEEP_BLOCK_LINE.search(text) is not None


def _measure_depth(path: str, text: str) -> Problem | None:
    """Walk the event stream (no recursion) and stop at the first node nested too deep."""
    loader = _Loader(text)
    depth = 0
    try:
        while True:
            event = loader.get_event()
            if event is None:
                return None
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return Problem(path, node_span(event), UNSUPPORTED_YAML, f"nesting deeper than {MAX_DEPTH} levels")
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
            elif isinstance(event, StreamEndEvent):
                return None
    except YAMLError as error:
        return _yaml_problem(path, text, error)
    finally:
        _dispose(loader)


def _yaml_problem(path: str, text: str, error: YAMLError) -> Problem:
    if isinstance(error, ReaderError):
        span = _char_span(text, error.position)
        character = f"#x{error.character:04x}" if isinstance(error.character, int) else repr(error.character)
        return Problem(path, span, UNREADABLE_FILE, f"character {character} is not allowed in YAML: {error.reason}")
    return yaml_errors.explain(path, text, error, _Loader, MAX_DEPTH)


_BUILDING = object()  # marks a collection whose children are being built


class _Builder:
    """Builds plain Python values from composed nodes, rejecting what a map never needs."""

    def __init__(self, path: str, text: str):
        self.path = path
        self.text = text
        self.built: dict[int, Any] = {}  # id(node) -> value, for aliases
        self.sizes: dict[int, int] = {}  # id(node) -> node count of its subtree
        self.characters: dict[int, int] = {}  # id(node) -> characters of text in its subtree, once aliased
        # Only a file with a `*` can hold an alias: the others skip the bookkeeping of scalars.
        self.may_alias = "*" in text
        self.seen_scalars: set[int] = set()
        self.expanded = 0
        self.expanded_characters = 0

    def stop(self, node, check: Check, message: str) -> NoReturn:
        raise _Stop(Problem(self.path, node_span(node), check, message))

    def build(self, node, depth: int = 1) -> Any:
        if type(node) is ScalarNode:
            if self.may_alias:
                if id(node) in self.seen_scalars:  # the composer hands out the same node for an alias
                    self.count_alias(node, 1, len(node.value))
                self.seen_scalars.add(id(node))
            return self.scalar(node)
        key = id(node)
        if key in self.built:  # an alias: the value is shared, but a validator walks it again
            if self.built[key] is _BUILDING:
                self.stop(node, UNSUPPORTED_YAML, "an alias refers to a node that contains it (a recursive alias)")
            self.count_alias(node, self.sizes[key], self.characters_of(node))
            return self.built[key]
        if depth > MAX_DEPTH:
            self.stop(node, UNSUPPORTED_YAML, f"nesting deeper than {MAX_DEPTH} levels")
        self.built[key] = _BUILDING
        value: dict | list
        if type(node) is MappingNode:
            value = self.mapping(node, depth)
        elif type(node) is SequenceNode:
            if node.tag != _SEQ:
                self.stop(node, UNSUPPORTED_YAML, f"tag {_short(node.tag)} is not allowed; map files use plain YAML")
            value = [self.build(item, depth + 1) for item in node.value]
            self.sizes[key] = 1 + sum(self.sizes.get(id(item), 1) for item in node.value)
        else:  # pragma: no cover - the composer makes only these three
            self.stop(node, UNSUPPORTED_YAML, "unexpected YAML node")
        self.built[key] = value
        return value

    def characters_of(self, node) -> int:
        """Characters of text under an aliased node, counted when it is first aliased."""
        key = id(node)
        if key not in self.characters:
            if type(node) is ScalarNode:
                self.characters[key] = len(node.value)
            elif type(node) is MappingNode:
                self.characters[key] = sum(len(k.value) + self.characters_of(v) for k, v in node.value)
            else:
                self.characters[key] = sum(self.characters_of(item) for item in node.value)
        return self.characters[key]

    def count_alias(self, node, values: int, characters: int) -> None:
        self.expanded += values
        self.expanded_characters += characters
        if self.expanded > MAX_ALIAS_EXPANSION:
            self.stop(
                node, UNSUPPORTED_YAML, f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} values (an alias bomb?)"
            )
        if self.expanded_characters > MAX_ALIAS_CHARACTERS:
            self.stop(
                node,
                UNSUPPORTED_YAML,
                f"aliases repeat more than {MAX_ALIAS_CHARACTERS:,} characters of text (an alias bomb?)",
            )

    def mapping(self, node, depth: int) -> dict:
        if node.tag != _MAP:
            self.stop(node, UNSUPPORTED_YAML, f"tag {_short(node.tag)} is not allowed; map files use plain YAML")
        result: dict[str, Any] = {}
        first_key_node: dict[str, Any] = {}
        size = 1
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                self.stop(key_node, UNSUPPORTED_YAML, "mapping keys must be plain text, not lists or mappings")
            if key_node.value == "<<" and not key_node.style:
                self.stop(key_node, UNSUPPORTED_YAML, "merge keys (<<) are not supported; write the fields out")
            if key_node.tag not in _SCALAR_TAGS:
                self.stop(
                    key_node, UNSUPPORTED_YAML, f"tag {_short(key_node.tag)} is not allowed; map files use plain YAML"
                )
            key = key_node.value
            if key in result:
                first = first_key_node[key].start_mark.line + 1
                self.stop(key_node, DUPLICATE_KEY, f"duplicate key {key!r} (first defined on line {first})")
            first_key_node[key] = key_node
            result[key] = self.build(value_node, depth + 1)
            size += 1 + self.sizes.get(id(value_node), 1)
        self.sizes[id(node)] = size
        return result

    def scalar(self, node) -> Any:
        tag, text = node.tag, node.value
        if tag == _STR:
            if not node.style and (not text or text[0] in _MAYBE_TYPED) and not self.explicit(node):
                return self.plain_value(node)
            return text
        if tag in _SCALAR_TAGS:  # an explicit standard tag such as !!int "5"
            return self.plain_value(node)
        self.stop(node, UNSUPPORTED_YAML, f"tag {_short(tag)} is not allowed; map files use plain YAML")

    def plain_value(self, node) -> Any:
        try:
            value = _plain_value(node.value)  # Python refuses to read an integer of over 4,300 digits,
            if isinstance(value, int) and value.bit_length() > _MAX_INT_BITS:  # or to print one (0x + 4,000 digits)
                raise ValueError
        except ValueError:
            self.stop(node, UNSUPPORTED_YAML, f"a number of {len(node.value):,} digits is too long to read")
        return value

    def explicit(self, node) -> bool:
        """Whether a plain scalar carries an explicit tag (`!!str 90`), which BaseLoader also calls str."""
        return self.text_at(node) == "!"

    def text_at(self, node) -> str:
        index = node.start_mark.index
        return self.text[index] if 0 <= index < len(self.text) else ""


def _short(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


# YAML 1.2 core schema, plus dates and times as every YAML library reads them.
_MAYBE_TYPED = frozenset("0123456789-+.~ntfNTF")
_NULL_WORDS = {"~", "null", "Null", "NULL"}
_BOOL_WORDS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT_TEXT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT_TEXT = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # YAML 1.1's date; 2026-9-5 is text, as for the editor
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?"
)


def _plain_value(text: str) -> Any:
    """The value of a plain scalar: null, a boolean, a number, a date, or the text itself."""
    if not text or text in _NULL_WORDS:
        return None
    if text in _BOOL_WORDS:
        return _BOOL_WORDS[text]
    if _INT_TEXT.fullmatch(text):
        return _to_int(text)
    if _FLOAT_TEXT.fullmatch(text):
        return _to_float(text)
    if _DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:  # e.g. 2026-13-01: left as text, so validation says what is wrong
            return text
    if _DATETIME.fullmatch(text):
        try:
            return datetime.fromisoformat(re.sub(r"[ \t]+", "T", text, count=1).replace("Z", "+00:00"))
        except ValueError:
            return text
    return text


_MAX_INT_BITS = 14_000  # about 4,200 decimal digits, under Python's limit of 4,300


def _to_int(text: str) -> int:
    cleaned = text.replace("_", "")
    sign = -1 if cleaned.startswith("-") else 1
    digits = cleaned.lstrip("+-")
    for prefix, base in (("0x", 16), ("0o", 8), ("0b", 2)):
        if digits.startswith(prefix):
            return sign * int(digits[2:], base)
    return sign * int(digits)


def _to_float(text: str) -> float:
    lowered = text.lower().replace("_", "")
    if lowered in (".nan",):
        return float("nan")
    if lowered.lstrip("+-") == ".inf":
        return float("-inf") if lowered.startswith("-") else float("inf")
    return float(lowered)

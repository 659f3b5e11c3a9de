"""libyaml's parser errors in plain words, with what to do, at the line that is actually wrong.

The parser says where it gave up ("found unexpected end of stream" at the last line), which is
often far from the mistake (a quote opened on line 28 and never closed). Where the error names
the construct it was inside (its context mark), the message points there instead.
"""

from __future__ import annotations

from yaml.error import MarkedYAMLError, YAMLError
from yaml.events import ScalarEvent

from journeyctl.lint.rules.jc002_yaml_syntax import CHECK as YAML_SYNTAX
from journeyctl.lint.rules.jc003_unsupported_yaml import CHECK as UNSUPPORTED_YAML
from journeyctl.problems import FILE_START, Problem, Span

INDENTATION_HINT = "check the indentation of this line against the line above"
_QUOTES = {'"': 'double quote (")', "'": "single quote (')"}
_CLOSERS = {"[": "]", "{": "}"}


def _mark_span(mark) -> Span:
    return Span(mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 2)


def _char_at(text: str, mark) -> str:
    index = getattr(mark, "index", None)
    return text[index] if isinstance(index, int) and 0 <= index < len(text) else ""


def _line(text: str, number: int) -> str:
    """Line `number` (0-based) of the text."""
    lines = text.split("\n", number + 1)
    return lines[number] if number < len(lines) else ""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _previous_content_line(text: str, number: int) -> str:
    for candidate in range(number - 1, -1, -1):
        line = _line(text, candidate)
        if line.strip() and not line.lstrip().startswith("#"):
            return line
    return ""


def _last_scalar_before(loader_class, text: str, index: int) -> ScalarEvent | None:
    """The last scalar the parser read before `index` (only called once a file has failed)."""
    loader = loader_class(text)
    last = None
    try:
        while True:
            event = loader.get_event()
            if event is None or event.start_mark.index >= index:
                break
            if isinstance(event, ScalarEvent):
                last = event
    except YAMLError:
        pass
    finally:
        getattr(loader, "dispose", lambda: None)()
    return last


def explain(path: str, text: str, error: YAMLError, loader_class, max_depth: int) -> Problem:
    """The one problem a parser error becomes (the reader's errors, about characters, are source.py's)."""
    if not isinstance(error, MarkedYAMLError) or error.problem_mark is None:
        return Problem(path, FILE_START, YAML_SYNTAX, str(error).splitlines()[0] if str(error) else "invalid YAML")
    mark, started = error.problem_mark, error.context_mark
    words = str(error.problem or "invalid YAML")
    context = str(error.context or "")

    def at(where, message: str, check=YAML_SYNTAX) -> Problem:
        return Problem(path, _mark_span(where), check, message)

    if "maximum nesting depth" in words:  # libyaml's own limit (1,000 levels), met before ours
        return at(mark, f"nesting deeper than {max_depth} levels", UNSUPPORTED_YAML)
    if "another document" in words:
        return at(mark, "a map file holds one YAML document, but a second one starts here")
    if "quoted scalar" in context and "escape" in words:
        return at(
            mark,
            "unknown escape after a backslash in a double-quoted value: write \\\\ for a backslash, "
            "or put the value in single quotes",
        )
    if "quoted scalar" in context and started is not None:
        quote = _QUOTES.get(_char_at(text, started), "quote")
        return at(
            started,
            f"unclosed {quote}: the value that starts here never ends; close it with the same quote "
            "on the line where the value ends",
        )
    if (
        ("flow sequence" in context or "flow mapping" in context)
        and started is not None
        and ("did not find expected ','" in words or "end of stream" in words)
    ):
        opener = _char_at(text, started) or ("[" if "sequence" in context else "{")
        what = "list" if opener == "[" else "mapping"
        return at(
            started,
            f"unclosed '{opener}': the {what} that starts here has no matching "
            f"'{_CLOSERS.get(opener, ']')}' (or a ',' is missing between its items)",
        )
    if context.startswith(("while scanning an alias", "while scanning an anchor")) and started is not None:
        sign = _char_at(text, started)
        return at(
            started,
            f"a value that starts with '{sign}' is read as a YAML {'alias' if sign == '*' else 'anchor'}; "
            "put the value in quotes",
        )
    if "cannot start any token" in words:
        character = _char_at(text, mark)
        if character == "\t":
            return at(mark, "tab character where YAML expects spaces")
        return at(mark, f"a value cannot start with {character!r}; put the value in quotes")
    if "block sequence entries are not allowed" in words:
        return at(
            mark,
            "a list cannot start on the line of its key: put each '- item' on its own line below, "
            "indented, or put the value in quotes",
        )
    if "could not find expected ':'" in words and started is not None:
        return at(
            started,
            "this line has no ': ' after its key; write 'key: value' (or quote a text that "
            "goes on from the line above)",
        )
    if "expected '-' indicator" in words:
        return at(
            mark,
            f"this line is not an item of the list started at line {started.line + 1 if started else '?'}: "
            f"{INDENTATION_HINT} (each item starts with '- ' at the same indentation)",
        )
    if "mapping values are not allowed" in words:
        line = _line(text, mark.line)
        before = line[: mark.column].strip()
        if ": " not in before and _indent(line) > _indent(_previous_content_line(text, mark.line)):
            return at(
                mark,
                f"this line is indented deeper than the line above, so it reads as part of that value: "
                f"{INDENTATION_HINT}",
            )
        return at(mark, "': ' inside a value that is not in quotes; put the whole value in quotes")
    if "did not find expected key" in words:
        before = _line(text, mark.line)[: mark.column].rstrip()
        if before.endswith(("'", '"')):
            scalar = _last_scalar_before(loader_class, text, mark.index)
            start, end = (scalar.start_mark, scalar.end_mark) if scalar is not None else (None, None)
            if scalar is not None and scalar.style in ('"', "'") and start and end and start.line < end.line:
                return at(
                    start,
                    f"the {_QUOTES[scalar.style]} that starts this value closes only on line "
                    f"{end.line + 1}: is a closing quote missing on this line?",
                )
            return at(mark, "text after the closing quote; put the whole value in quotes")
        if before.endswith(("]", "}")):
            return at(mark, f"text after the closing '{before[-1]}'; put the whole value in quotes")
        return at(mark, f"this line does not fit the structure above it: {INDENTATION_HINT}")
    message = words
    if context:
        message += f" ({context.strip()}" + (
            f" started at line {started.line + 1})" if started is not None and started.line != mark.line else ")"
        )
    return at(mark, message)

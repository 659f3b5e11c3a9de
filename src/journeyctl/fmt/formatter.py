"""One map file's text -> its canonical text, or the problems that stop it from being formatted.

Only a file that parses and validates is formatted, and the result is checked before anyone
writes it: it must validate to the very same model and keep every comment, else it is refused.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from yaml.nodes import MappingNode, SequenceNode

from journeyctl.lint.rules.jc009_format_unsafe import CHECK as FORMAT_UNSAFE
from journeyctl.lint.suppressions import parse_directives
from journeyctl.loading import load_text
from journeyctl.loading.locate import semantic_path
from journeyctl.problems import Problem, Severity, Span
from journeyctl.schema import DEFAULT_CHANNELS

_TOP = Span(1, 1, 1, 1)


@dataclass
class Formatted:
    path: str
    text: str | None  # the canonical text; None when the file cannot be formatted
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return self.text is not None

    @property
    def skipped(self) -> bool:
        """Not a map file, found in a folder: left alone, as lint leaves it."""
        return self.text is None and all(problem.severity is Severity.INFO for problem in self.problems)


def format_text(
    path: str, text: str, *, named_directly: bool = True, channels: Sequence[str] = DEFAULT_CHANNELS
) -> Formatted:
    map_file, problems = load_text(path, text, named_directly, channels=channels)
    errors = [problem for problem in problems if problem.severity is Severity.ERROR]
    if map_file is None or errors:
        return Formatted(path, None, errors or problems)
    from journeyctl.fmt.canonical import dump, rebuild, shared_yaml
    from journeyctl.fmt.comments import collect
    from journeyctl.fmt.emit import emit
    from journeyctl.fmt.tree import tree_from_nodes
    from journeyctl.fmt.weave import weave

    text = text.replace("\r\n", "\n").replace("\r", "\n")  # canonical line ends (a lone CR ends a line in YAML)
    try:
        # from the loader's C-composed nodes (the same lines: a lone CR was a line break to it too), else ruamel's reader
        tree = tree_from_nodes(map_file.source.root, map_file.source.data, text) or shared_yaml().load(text)
    except Exception as error:  # ruamel.yaml reads some valid files otherwise (`!!int abc`, 2026-02-30): leave them
        return Formatted(
            path,
            None,
            [
                Problem(
                    path,
                    _TOP,
                    FORMAT_UNSAFE,
                    "not formatted: fmt cannot rewrite this "
                    f"file safely ({type(error).__name__}: {' '.join(str(error).split())[:120]}); it is left as it is",
                )
            ],
        )
    comments = collect(text, tree)
    canonical_tree = rebuild(tree, tree["kind"], comments.parents_of_commented_items())
    canonical = emit(canonical_tree) or dump(canonical_tree)
    result = weave(canonical, comments)
    unsafe = _check(path, text, result, map_file, channels)
    if unsafe:
        return Formatted(path, None, [unsafe])
    return Formatted(path, result, [])


def _check(path: str, before: str, after: str, original, channels) -> Problem | None:
    from journeyctl.fmt.comments import comment_texts

    again, _ = load_text(path, after, True, channels=channels)
    if again is None or again.model != original.model:
        return Problem(
            path,
            _TOP,
            FORMAT_UNSAFE,
            "not formatted: the formatted text would mean something else (please report this)",
        )
    if Counter(comment_texts(before)) != Counter(comment_texts(after)):
        return Problem(
            path, _TOP, FORMAT_UNSAFE, "not formatted: a comment could not be kept in place (please report this)"
        )
    return _range_check(path, original, again)


def _range_check(path: str, before, after) -> Problem | None:
    """Key order decides what a `# journeyctl: disable` ... `enable` range covers: reordering must not change it."""
    ranges_before = [d for d in parse_directives(before.source) if d.kind == "disable"]
    if not ranges_before:
        return None
    ranges_after = [d for d in parse_directives(after.source) if d.kind == "disable"]
    for old, new in zip(ranges_before, ranges_after, strict=False):
        if _paths_in(before, old) != _paths_in(after, new):
            return Problem(
                path,
                old.span,
                FORMAT_UNSAFE,
                f"not formatted: reordering keys would move them into or out of the '# journeyctl: "
                f"{old.text}' range; suppress with disable-line on the lines meant, or keep this order",
            )
    return None


def _paths_in(map_file, directive) -> set[str]:
    """The semantic paths of every key written on the lines a suppression range covers."""
    found: set[str] = set()

    def walk(node, loc: tuple) -> None:
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if directive.first_line <= key_node.start_mark.line + 1 <= directive.last_line:
                    found.add(semantic_path(map_file.source.data, loc + (key_node.value,)))
                walk(value_node, loc + (key_node.value,))
        elif isinstance(node, SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, loc + (index,))

    walk(map_file.source.root, ())
    return found

"""The Jinja environments: shipped templates, optionally behind a user's folder (MkDocs-style).

The search path is [user folder, shipped templates], so a team overrides one file, or one
block by extending `html/base.html`, without copying the theme. Always sandboxed, so the
shipped templates are tested under the same rules a user's folder runs under, and a template
cannot reach Python internals. Map text is only ever passed as data, never compiled, so
`{{ 7*7 }}` in a description prints as written.
"""

from __future__ import annotations

import operator
import os
import signal
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from journeyctl.markdown import escape_markdown, markdown_link, mermaid_text
from journeyctl.problems import UsageError
from journeyctl.resources import templates_dir
from journeyctl.wording import listing, plural

Kind = Literal["html", "md"]

# Bounds on one document's template run (docs/render.md, "Limits"). The built-in templates stay far
# below them for any map the list limits let through; a user's template can loop without end.
MAX_OUTPUT_CHARS = 64 * 1024 * 1024
TEMPLATE_SECONDS = 20
MAX_VALUE_ITEMS = 1_000_000  # `'x' * n`, `[0] * n`: one expression may not make more than this
MAX_EXPONENT = 10_000  # `9 ** 9 ** 9` would compute in C for minutes, out of reach of the time budget


class TemplateBoundExceeded(Exception):
    """A template ran too long or wrote too much: a usage error located in the template."""


def search_path(user_templates: Path | None) -> list[Path]:
    if user_templates is None:
        return [templates_dir()]
    if not user_templates.is_dir():
        raise UsageError(f"templates folder not found: {user_templates}")
    return [user_templates, templates_dir()]


# What a template may include: template files, not data (a map's YAML) or anything else.
TEMPLATE_SUFFIXES = (".html", ".htm", ".md", ".css", ".svg", ".j2", ".jinja")


class ContainedLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that loads only template files really inside its folders.

    A symlink out of the folder (`env.html -> /proc/self/environ`) or a data file would
    otherwise carry anything on the machine into a customer-facing document.
    """

    def get_source(self, environment, template):
        pieces = jinja2.loaders.split_template_path(template)
        for root in self.searchpath:
            filename = os.path.join(root, *pieces)
            if not os.path.isfile(filename):
                continue
            if not _inside(root, filename) or not os.path.realpath(filename).endswith(TEMPLATE_SUFFIXES):
                raise jinja2.TemplateNotFound(
                    f"{template} (only {', '.join(TEMPLATE_SUFFIXES)} files inside "
                    "the templates folder, not links out of it)"
                )
            return super().get_source(environment, template)
        raise jinja2.TemplateNotFound(template)


def _inside(folder: str | Path, path: str) -> bool:
    """Whether `path`, symlinks followed, really lies in `folder`."""
    real_folder = os.path.realpath(folder)
    return os.path.commonpath([real_folder, os.path.realpath(path)]) == real_folder


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with `*` and `**` bounded: one expression cannot make a huge value."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context, operator_name, left, right):
        if operator_name == "**":
            if isinstance(right, int) and abs(right) > MAX_EXPONENT:
                raise jinja2.sandbox.SecurityError(f"exponent {right} is larger than {MAX_EXPONENT}")
            return operator.pow(left, right)
        for sequence, count in ((left, right), (right, left)):
            if (
                isinstance(sequence, (str, list, tuple))
                and isinstance(count, int)
                and len(sequence) * count > MAX_VALUE_ITEMS
            ):
                raise jinja2.sandbox.SecurityError(f"a value of more than {MAX_VALUE_ITEMS:,} items")
        return operator.mul(left, right)


def make_environment(kind: Kind, user_templates: Path | None = None) -> jinja2.Environment:
    environment = BoundedSandbox(
        loader=ContainedLoader(search_path(user_templates)),
        # HTML: autoescape everything. Markdown: escape every {{ value }} for Markdown instead.
        autoescape=kind == "html",
        finalize=escape_markdown if kind == "md" else None,
        undefined=jinja2.StrictUndefined,  # a typo in a template is an error, not an empty cell
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["md"] = escape_markdown
    environment.filters["md_link"] = markdown_link
    environment.filters["mermaid"] = mermaid_text
    environment.filters["plural"] = plural
    environment.filters["listing"] = listing
    return environment


def render_template(environment: jinja2.Environment, name: str, **context) -> str:
    """Render, turning a broken (user) template into a usage error that names the file and line."""
    try:
        return _bounded_render(environment.get_template(name), context)
    except TemplateBoundExceeded as error:  # also for the built-in templates: an input problem, not a bug
        raise UsageError(f"{_template_line(error) or name}: template stopped: {error}") from None
    except jinja2.TemplateSyntaxError as error:
        raise UsageError(f"{error.filename or error.name}:{error.lineno}: template error: {error.message}") from None
    except jinja2.TemplateNotFound as error:
        raise UsageError(f"template not found: {error.name}") from None
    except jinja2.TemplateError as error:  # undefined names, sandbox violations
        raise UsageError(f"{_template_line(error) or name}: template error: {type(error).__name__}: {error}") from None
    except Exception as error:  # `{{ 1/0 }}`, a template that extends itself: the user's, if it failed in theirs
        where = _template_line(error)  # "file:line"
        loader = environment.loader
        user_folder = (
            loader.searchpath[0] if isinstance(loader, jinja2.FileSystemLoader) and len(loader.searchpath) > 1 else None
        )
        if where is None or user_folder is None or not _inside(user_folder, where.rsplit(":", 1)[0]):
            raise  # a bug in journeyctl or its built-in templates: keep the traceback
        raise UsageError(f"{where}: template error: {type(error).__name__}: {str(error)[:300]}") from None


def _bounded_render(template: jinja2.Template, context: dict) -> str:
    """Render as a stream, stopping at MAX_OUTPUT_CHARS or after TEMPLATE_SECONDS.

    Both bounds are raised inside the template's own frames (thrown into the stream, or raised
    by the timer's signal handler), so the error names the template file and line.
    """
    chunks: list[str] = []
    size = 0
    stream = template.generate(**context)
    with _time_budget(TEMPLATE_SECONDS):
        for chunk in stream:
            size += len(chunk)
            if size > MAX_OUTPUT_CHARS:
                # jinja2 declares generate() an Iterator; it is a generator, which has throw()
                message = f"its output is larger than {MAX_OUTPUT_CHARS // (1024 * 1024)} MiB"
                stream.throw(TemplateBoundExceeded(message))  # type: ignore[attr-defined]
            chunks.append(chunk)
    return "".join(chunks)


@contextmanager
def _time_budget(seconds: float):
    """Raise TemplateBoundExceeded in whatever runs after `seconds` (a timer signal: a loop that
    writes nothing is stopped too). Only the main thread receives signals; elsewhere only the
    output bound holds."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise TemplateBoundExceeded(f"it ran longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _template_line(error: Exception) -> str | None:
    """Jinja rewrites tracebacks so that template frames carry the template's file and line."""
    found, frame = None, error.__traceback__
    while frame is not None:
        filename = frame.tb_frame.f_code.co_filename
        if not filename.endswith(".py") and filename != "<template>":
            found = f"{filename}:{frame.tb_lineno}"
        frame = frame.tb_next
    return found

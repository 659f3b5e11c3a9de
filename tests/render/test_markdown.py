"""Map text is text in Markdown: checked by parsing the output with markdown-it (CommonMark + tables)."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from journeyctl.markdown import escape_markdown, markdown_link, mermaid_text

HOSTILE = [
    "a | b | c",
    "line one\n# not a heading\n- not a list",
    "[click](javascript:alert(1))",
    "![img](https://example.com/x.png)",
    "<script>alert(1)</script>",
    "<https://example.com>",
    "*bold* _em_ `code` ~~strike~~ $x^2$",
    "- starts like a list",
    "1. starts like a numbered list",
    "> starts like a quote",
    "&lt;entity&gt; &amp;",
    "back\\slash\\",
    "{{ 7*7 }} {% if %}",
]

parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def inline_tokens(markdown: str):
    for token in parser.parse(markdown):
        yield token
        yield from token.children or ()


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_is_one_plain_text_run_that_reads_as_written(text):
    tokens = list(inline_tokens(escape_markdown(text)))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "text", "paragraph_close"], tokens
    assert tokens[2].content == " ".join(text.split())


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_keeps_a_table_row_to_its_cells(text):
    markdown = f"| A | B |\n| --- | --- |\n| {escape_markdown(text)} | after |\n"
    cells = [t for t in parser.parse(markdown) if t.type == "td_open"]
    assert len(cells) == 2
    types = {t.type for t in inline_tokens(markdown)}
    assert not types & {
        "link_open",
        "image",
        "html_inline",
        "html_block",
        "code_inline",
        "em_open",
        "strong_open",
        "s_open",
    }


def test_only_web_urls_become_links():
    assert markdown_link("Play", "https://wiki.example.com/a_(b)") == "[Play](https://wiki.example.com/a%5F%28b%29)"
    assert markdown_link("Play", None) == "Play"
    tokens = list(inline_tokens(markdown_link("x](javascript:alert(1)) [y", "https://example.com/")))
    links = [t for t in tokens if t.type == "link_open"]
    assert [link.attrs["href"] for link in links] == ["https://example.com/"]


@pytest.mark.parametrize("text", ["Call: now; #1", "a\nb`c```", "x, y, z"])
def test_mermaid_labels_cannot_end_a_task_or_the_fence(text):
    label = mermaid_text(text)
    assert not set(label) & set(":;#,`\n")

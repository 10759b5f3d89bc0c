"""Plain prose skips the Markdown parser: the direct HTML must be what the parser and the
sanitizer would have made, for every text the fast path accepts."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.rendering.markdown import MarkdownRenderer, plain_prose_html, sanitize

RENDERER = MarkdownRenderer()


def full_render(text: str) -> str:
    """The parser's path, whatever the text (what `render` did before the fast path)."""
    with RENDERER._lock:
        RENDERER._md.reset()
        return sanitize(RENDERER._md.convert(text))


# Letters and the characters Markdown and HTML care about, at line starts and ends too.
MARKUP = list("ab \n\n\t#=-+*_`~|<>&![]():.1)\\\"'@{}\u00a0\r\x00\x0cé日")
# Whole pieces of markup that single characters rarely spell out by chance.
PIECES = [
    "word", "Word", " ", "\n", "\n\n", "  \n", "&amp;", "&#42;", "&copy", "&", "<b>", "</b>",
    "<!-- c -->", "**", "__", "- ", "* ", "+ ", "1. ", "2) ", "# ", "> ", "    ", "===", "---",
    "http://example.com", "<http://x.y>", "[a](b)", "![i](j)", "`c`", "```", "~~~", "| a |",
    "\\*", "\u00a0", "\u2028", "\x0b", "\r\n", ": ", "@me", "#tag", "é", "🙂",
]  # fmt: skip
texts = (
    st.text(alphabet=st.sampled_from(MARKUP), max_size=60)
    | st.text(max_size=60)
    | st.lists(st.sampled_from(PIECES), max_size=20).map("".join)
)


@given(texts)
@settings(max_examples=3000, suppress_health_check=[HealthCheck.too_slow])
def test_the_fast_path_renders_what_the_parser_renders(text: str) -> None:
    fast = plain_prose_html(text)
    if fast is not None:
        assert fast == full_render(text)


@pytest.mark.parametrize(
    "text",
    [
        "One line.",
        "Two\nlines of one paragraph.",
        "First paragraph.\n\nSecond, after a blank line.\n\n\n\nThird.",
        "\n\nLeading and trailing blank lines\n\n",
        "Quotes \"stay\" and 'apostrophes' too; commas, (brackets) and @mentions.",
        "Ünïcödé, 日本語, emoji 🙂 and a hash # mid-line.",
        "",
    ],
)
def test_plain_prose_takes_the_fast_path(text: str) -> None:
    fast = plain_prose_html(text)
    assert fast is not None and fast == full_render(text)


@pytest.mark.parametrize(
    "text",
    [
        "- a list",
        "1. a list",
        "# a heading",
        "Title\n=====",
        "Title\n---",
        "    code",
        "> a quote",
        "a *stressed* word",
        "a line break  \nhere",
        "an &amp; entity",
        "<b>html</b>",
        "a [link](http://x)",
        "a\ttab",
        "```private\nsecret\n```",
    ],
)
def test_markup_goes_through_the_parser(text: str) -> None:
    assert plain_prose_html(text) is None
    assert MarkdownRenderer().render(text) == full_render(text)


def test_plain_prose_never_loads_python_markdown() -> None:
    """The window's first entry is usually prose: rendering it costs no Markdown import."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from journal.rendering.markdown import MarkdownRenderer\n"
        "r = MarkdownRenderer(highlight=True)\n"
        "r.render('A plain day.\\n\\nNothing special.')\n"
        "print('markdown' in sys.modules)\n"
        "r.render('A *special* day.')\n"
        "print('markdown' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]

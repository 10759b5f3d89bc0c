"""Code highlighting is bounded: vetted lexers only, blocks within a size, plain text else.

Some Pygments lexers backtrack exponentially on crafted input, and the fence's info string
chooses the lexer. No timing is asserted here: the tests check which lexer colours a block
(a coloured block holds Pygments token spans, a plain one none) and that every lexer used
is on the vetted list, whatever the info string.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pygments.lexers import get_all_lexers

from journal.rendering import highlight as hl
from journal.rendering.markdown import MarkdownRenderer

TOKEN_SPAN = re.compile(r'<span class="[^"]+">')
ALL_ALIASES = sorted({a for _name, aliases, _f, _m in get_all_lexers() for a in aliases})
# Lexers with many nested or greedy patterns (several had backtracking CVEs in the past).
REGEX_HEAVY = [
    "perl", "scala", "php", "matlab", "factor", "objective-c", "haskell", "erlang", "ragel",
    "smarty", "varnish", "archetype", "sqlite3", "smithy", "ruby-console", "pycon", "tex",
    "restructuredtext", "markdown", "coffeescript", "elixir", "lasso", "idl", "jsp", "mako",
    "java", "css", "makefile",
]  # fmt: skip
ADVERSARIAL = [
    "'" + "\\'" * 300,
    '"' + "a\\" * 400,
    "/*" + "*" * 1500,
    "(" * 800 + "a",
    "a " * 1000,
    "x" + " \n" * 150 + "x",
    "<<EOF\n" + "x$(" * 300,
    "#" + "\\\n" * 190,
    "0x" + "0." * 900,
]
FIXTURE = [HealthCheck.function_scoped_fixture]


@pytest.fixture(scope="module")
def renderer() -> MarkdownRenderer:
    return MarkdownRenderer(highlight=True)


def fenced(lang: str, code: str, fence: str = "```") -> str:
    return f"{fence}{lang}\n{code}\n{fence}\n"


@pytest.fixture
def lexers_used(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    used: list[str] = []
    real = hl._lexer

    def spy(alias: str) -> object:
        used.append(alias)
        return real(alias)

    monkeypatch.setattr(hl, "_lexer", spy)
    return used


@pytest.mark.parametrize("lang", REGEX_HEAVY)
def test_unvetted_lexers_fall_back_to_plain_text(renderer: MarkdownRenderer, lang: str) -> None:
    for fence in ("```", "~~~", "````"):
        for code in ["my $x = qr/(a|b)*c/; # comment", *ADVERSARIAL]:
            for text in (fenced(lang, code, fence), fenced("{." + lang + "}", code, fence)):
                page = renderer.render(text)
                assert not TOKEN_SPAN.search(page), (lang, text[:40])
                assert 'class="highlight"' in page


@pytest.mark.parametrize(
    "lang", ["python", "bash", "json", "sql", "c", "javascript", "yaml", "go", "rust"]
)
def test_vetted_lexers_colour_small_blocks_but_not_large_ones(
    renderer: MarkdownRenderer, lang: str, lexers_used: list[str]
) -> None:
    small = 'x = "a" # 1\n' * 3
    assert TOKEN_SPAN.search(renderer.render(fenced(lang, small))), lang
    assert lexers_used == [hl.LEXERS[lang]]
    for code in [
        small * (hl.MAX_HIGHLIGHT_CHARS // len(small) + 1),  # too many characters
        "x\n" * (hl.MAX_HIGHLIGHT_LINES + 1),  # too many lines
        "x = 1\n" + "y" * (hl.MAX_HIGHLIGHT_LINE + 1) + "\nz = 2",  # a line too long
        *(a * (hl.MAX_HIGHLIGHT_CHARS // len(a) + 1) for a in ADVERSARIAL),
    ]:
        lexers_used.clear()
        page = renderer.render(fenced(lang, code))
        assert lexers_used == [hl.PLAIN] and not TOKEN_SPAN.search(page), code[:40]


def test_the_bounds_are_inclusive_limits() -> None:
    line = "x" * (hl.MAX_HIGHLIGHT_LINE - 1) + "\n"
    full = (line * hl.MAX_HIGHLIGHT_LINES)[: hl.MAX_HIGHLIGHT_CHARS]
    assert hl.lexer_alias("python", full) == "python"
    assert hl.lexer_alias("python", full + "x") == hl.PLAIN
    assert hl.lexer_alias("python", "\n".join("x" * hl.MAX_HIGHLIGHT_LINES)) == "python"
    assert hl.lexer_alias("python", "\n".join("x" * (hl.MAX_HIGHLIGHT_LINES + 1))) == hl.PLAIN
    assert hl.lexer_alias("python", "a\n" + "x" * hl.MAX_HIGHLIGHT_LINE) == "python"
    assert hl.lexer_alias("python", "a\n" + "x" * (hl.MAX_HIGHLIGHT_LINE + 1)) == hl.PLAIN
    assert hl.lexer_alias("PYTHON", "x") == "python"
    assert hl.lexer_alias(None, "x") == hl.PLAIN


@settings(max_examples=300, deadline=None, suppress_health_check=FIXTURE)
@given(
    lang=st.one_of(st.sampled_from(ALL_ALIASES), st.text(max_size=12)),
    code=st.one_of(st.sampled_from(ADVERSARIAL), st.text(max_size=200)),
)
def test_every_info_string_gets_a_vetted_lexer(
    renderer: MarkdownRenderer, lang: str, code: str, lexers_used: list[str]
) -> None:
    lexers_used.clear()
    renderer.render(fenced("{." + lang + "}", code))
    page = renderer.render(fenced(lang, code))
    if lang.strip(" ").removeprefix(".").lower() not in hl.LEXERS:  # as fenced_code reads it
        assert not TOKEN_SPAN.search(page), lang
    assert set(lexers_used) <= set(hl.LEXERS.values())


def test_indented_code_is_plain_text_whatever_its_first_line(
    renderer: MarkdownRenderer, lexers_used: list[str]
) -> None:
    for header in (":::perl", "#!perl", ":::python", "#!/usr/bin/env python"):
        lexers_used.clear()
        page = renderer.render(f"Before\n\n    {header}\n    my $x = 1; # c\n")
        assert lexers_used == [hl.PLAIN] and not TOKEN_SPAN.search(page)
        assert header.lstrip(":#!").split("/")[0] in page


def test_raw_html_pre_blocks_are_not_taken_for_fences(renderer: MarkdownRenderer) -> None:
    page = renderer.render('<pre><code class="language-python">x = 1</code></pre>')
    assert not TOKEN_SPAN.search(page) and "x = 1" in page


def test_the_export_preview_and_the_reader_use_the_bounded_renderer() -> None:
    for highlight in (True, False):
        page = MarkdownRenderer(highlight=highlight).render(fenced("perl", "my $x = 1;"))
        assert not TOKEN_SPAN.search(page)


def test_one_text_colours_a_bounded_total(
    renderer: MarkdownRenderer, lexers_used: list[str]
) -> None:
    block = ("x = 1  # " + "y" * 40 + "\n") * (hl.MAX_HIGHLIGHT_CHARS // 60)
    count = hl.MAX_HIGHLIGHT_PER_TEXT // len(block) + 3
    page = renderer.render("\n\n".join(fenced("python", f"{block}# end{n}") for n in range(count)))
    coloured = [alias for alias in lexers_used if alias != hl.PLAIN]
    assert 0 < len(coloured) * len(block) <= hl.MAX_HIGHLIGHT_PER_TEXT
    assert len(lexers_used) == count and all(f"# end{n}" in page for n in range(count))
    lexers_used.clear()
    renderer.render(fenced("python", block))  # the budget is per text, not per renderer
    assert lexers_used == ["python"]

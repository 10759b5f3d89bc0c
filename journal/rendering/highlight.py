"""Bounded code highlighting: Pygments colours for vetted languages, plain text otherwise.

A fence's info string chooses the lexer, and some Pygments lexers backtrack exponentially
on crafted input (a 434-byte block took 106 s). A regular expression cannot be stopped
once it runs, so the bound is set before: only the lexers listed here (each run against
adversarial input by `bench/lexer_fuzz.py`) are used, and only for blocks of at most
MAX_HIGHLIGHT_CHARS characters, MAX_HIGHLIGHT_LINES lines and MAX_HIGHLIGHT_LINE characters
in a line, up to MAX_HIGHLIGHT_PER_TEXT characters in one text; any other block is shown as
plain text in the same frame.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

if TYPE_CHECKING:
    import xml.etree.ElementTree as etree

    from markdown import Markdown
    from pygments.lexer import Lexer

# Many lexers are quadratic on crafted input, in the length of a line (the C lexer took
# 0.8 s for one line of 4,000 characters) or of the block (JavaScript: 1.2 s for 4,000 in
# short lines), so lines are bounded as well as blocks.
MAX_HIGHLIGHT_CHARS = 2000
MAX_HIGHLIGHT_LINES = 100
MAX_HIGHLIGHT_LINE = 200  # characters in one line
MAX_HIGHLIGHT_PER_TEXT = 4000  # characters coloured in one entry (one render), all blocks
PLAIN = "text"
HIGHLIGHT_CLASS = "highlight"  # the class of the div around a highlighted block
# Info-string alias (lower case) -> the Pygments alias of a vetted lexer.
LEXERS: dict[str, str] = {
    **dict.fromkeys(("python", "py", "python3", "py3"), "python"),
    **dict.fromkeys(("bash", "sh", "shell", "zsh", "ksh"), "bash"),
    **dict.fromkeys(("json", "geojson"), "json"),
    **dict.fromkeys(("yaml", "yml"), "yaml"),
    "toml": "toml",
    **dict.fromkeys(("ini", "cfg", "dosini"), "ini"),
    "sql": "sql",
    **dict.fromkeys(("javascript", "js", "mjs"), "javascript"),
    **dict.fromkeys(("typescript", "ts"), "typescript"),
    **dict.fromkeys(("html", "htm"), "html"),
    **dict.fromkeys(("xml", "svg"), "xml"),
    **dict.fromkeys(("c", "h"), "c"),
    **dict.fromkeys(("cpp", "c++", "cxx", "hpp"), "cpp"),
    **dict.fromkeys(("csharp", "c#", "cs"), "csharp"),
    **dict.fromkeys(("kotlin", "kt"), "kotlin"),
    **dict.fromkeys(("go", "golang"), "go"),
    **dict.fromkeys(("rust", "rs"), "rust"),
    **dict.fromkeys(("ruby", "rb"), "ruby"),
    "lua": "lua",
    **dict.fromkeys(("diff", "patch", "udiff"), "diff"),
    **dict.fromkeys(("dockerfile", "docker"), "docker"),
    **dict.fromkeys(("text", "txt", "plain", "plaintext"), PLAIN),
}
# What fenced_code puts in the stash for a fence when it does not highlight.
_FENCE_HTML = re.compile(
    r'<pre(?: id="[^"]*")?(?: class="[^"]*")?><code(?: class="language-([^"]*)")?>(.*)'
    r"</code></pre>",
    re.DOTALL,
)


def lexer_alias(lang: str | None, code: str) -> str:
    """The Pygments alias that will colour `code` written under info string `lang`."""
    if not lang or len(code) > MAX_HIGHLIGHT_CHARS or code.count("\n") >= MAX_HIGHLIGHT_LINES:
        return PLAIN
    if max(map(len, code.split("\n"))) > MAX_HIGHLIGHT_LINE:
        return PLAIN
    return LEXERS.get(lang.strip().lower(), PLAIN)


def highlight(code: str, alias: str) -> str:
    """`code` as Pygments HTML in a `div.highlight`, coloured by the lexer `alias`."""
    from pygments import highlight as pygments_highlight
    from pygments.formatters import HtmlFormatter

    formatter = HtmlFormatter(cssclass=HIGHLIGHT_CLASS, wrapcode=True)
    return str(pygments_highlight(code, _lexer(alias), formatter))


def _lexer(alias: str) -> Lexer:
    from pygments.lexers import get_lexer_by_name

    return get_lexer_by_name(alias)


class _Fences(Preprocessor):  # type: ignore[misc]  # Markdown ships no types
    """Colours the fenced blocks fenced_code has just put in the stash."""

    def run(self, lines: list[str]) -> list[str]:
        stash = self.md.htmlStash.rawHtmlBlocks
        left = MAX_HIGHLIGHT_PER_TEXT
        for n, block in enumerate(stash):
            match = _FENCE_HTML.fullmatch(block) if isinstance(block, str) else None
            if match:
                lang = html.unescape(match[1]) if match[1] is not None else None
                code = html.unescape(match[2]).strip("\n")
                alias = lexer_alias(lang, code) if len(code) <= left else PLAIN
                left -= len(code) if alias != PLAIN else 0
                stash[n] = highlight(code, alias)
        return lines


class _IndentedCode(Treeprocessor):  # type: ignore[misc]
    """Indented code blocks in the same frame, as plain text (no language to choose)."""

    def run(self, root: etree.Element) -> None:
        for pre in root.iter("pre"):
            if len(pre) != 1 or pre[0].tag != "code" or pre.text or pre[0].tail:
                continue
            code = html.unescape(pre[0].text or "").strip("\n")
            placeholder = self.md.htmlStash.store(highlight(code, PLAIN))
            pre.clear()
            pre.tag = "p"
            pre.text = placeholder


class BoundedHighlightExtension(Extension):  # type: ignore[misc]
    """Use with FencedCodeExtension (and without codehilite), after it."""

    def extendMarkdown(self, md: Markdown) -> None:
        # fenced_code_block runs at 25 and html_block at 20: between them the stash holds
        # fences only, so raw HTML written by the user is never taken for a fence.
        md.preprocessors.register(_Fences(md), "daybook_highlight_fences", 24)
        md.treeprocessors.register(_IndentedCode(md), "daybook_highlight_indented", 30)

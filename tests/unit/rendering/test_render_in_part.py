"""A huge entry is rendered in part first (`blocks.part_lines`): the part must render as
the start of the whole entry would, and never show private text outside its box."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.blocks import part_lines
from journal.rendering.markdown import MarkdownRenderer

BOX = '<div class="private-block">\n{body}\n</div>'
RENDERER = MarkdownRenderer()
CANARY = re.compile(r"canary\d+")

WORDS = ["wal", "index", "learned", "#perf", "*bold*", "`x`"]
words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6)


@st.composite
def blocks(draw: st.DrawFn, n: int) -> str:
    """One Markdown block of a kind a long entry holds (`n` numbers its private canary)."""
    text = " ".join(draw(words))
    kind = draw(
        st.sampled_from(
            [
                "para", "heading", "private", "private-tilde", "code", "list", "loose-list",
                "quote", "quote-private", "html", "html-gap", "indented", "open-fence",
                "table", "tag-split", "list-private", "lazy",
            ]
        )
    )  # fmt: skip
    secret = f"canary{n}"
    return {
        "para": f"{text}\nmore {text}",
        "heading": f"## {text}",
        "private": f"```private\n{secret} {text}\n\n{secret} again\n```",
        "private-tilde": f"~~~ {{.private}}\n{secret}\n\n\n{secret}\n~~~",
        "code": f"```python\n{text}\n\n{text}\n```",
        "list": f"- {text}\n- {text}",
        "loose-list": f"- {text}\n\n- {text}\n\n    {text}",
        "quote": f"> {text}\n>\n> {text}",
        "quote-private": f"> ```private\n> {secret}\n>\n> {secret}\n> ```",
        "html": f"<div>\n{text}\n</div>",
        "html-gap": f"<details>\n\n{text}\n\n</details>",
        "indented": f"    {text}\n\n    {text}",
        "open-fence": f"```private\n{secret} never closed\n\n{secret}",
        "table": f"| a | b |\n|---|---|\n| {text} | x |",
        "tag-split": f'<span title="{text}\n\n{text}">x</span>',
        "list-private": f"- item\n\n    ```private\n    {secret}\n\n    {secret}\n    ```",
        "lazy": f"- {text}\nlazy {text}",
    }[kind]


@st.composite
def bodies(draw: st.DrawFn) -> str:
    count = draw(st.integers(2, 14))
    return "\n\n".join(draw(blocks(n)) for n in range(count))


def boxed_only(html: str) -> bool:
    """Every canary in `html` sits inside a private box."""
    outside = re.sub(r'<div class="private-block">.*?\n</div>', "", html, flags=re.DOTALL)
    return CANARY.search(outside) is None


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bodies(), st.integers(0, 300))
def test_the_part_renders_as_the_start_of_the_whole_and_keeps_private_boxed(
    body: str, limit: int
) -> None:
    cut = part_lines(body, limit)
    whole = RENDERER.render(body, mark_private=True, box=BOX)
    assert boxed_only(whole)
    if cut is None:
        return
    lines = body.split("\n")
    part = "\n".join(lines[:cut])
    assert len(part) >= limit and part.strip()
    shown = RENDERER.render(part, mark_private=True, box=BOX)
    assert boxed_only(shown)
    assert whole.startswith(shown), (part, shown, whole)
    assert len(shown) < len(whole)


def test_a_short_text_is_shown_whole() -> None:
    assert part_lines("short", 100) is None


def test_no_boundary_after_the_limit_shows_it_whole() -> None:
    body = "para one\n\n```private\n" + "secret\n\n" * 50 + "```"
    assert part_lines(body, 12) is None


def test_the_cut_comes_at_the_first_boundary_after_the_limit() -> None:
    body = "\n\n".join(f"paragraph {n} " + "x" * 40 for n in range(100))
    cut = part_lines(body, 1000)
    assert cut is not None
    part = "\n".join(body.split("\n")[:cut])
    assert 1000 <= len(part) < 1000 + 60


def test_eleven_private_blocks_each_show_their_own_text() -> None:
    """The 2nd block's placeholder was a prefix of the 11th's: the 11th showed the 2nd's
    text followed by a stray "0"."""
    body = "\n\n".join(f"para {n}\n\n```private\ncanary{n}\n```" for n in range(12))
    html = RENDERER.render(body, mark_private=True, box=BOX)
    assert re.findall(r"canary\d+", html) == [f"canary{n}" for n in range(12)]
    assert boxed_only(html) and "</div>0" not in html

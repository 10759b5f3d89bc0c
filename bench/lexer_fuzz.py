"""Vet Pygments lexers for the highlighting allow-list: adversarial input, a time limit each.

Run by hand: `python bench/lexer_fuzz.py [ALIAS ...]` (default: every alias Daybook allows).
Each lexer gets crafted inputs (long runs of one character or a short pattern after an
opener, unbalanced quotes, comments and brackets, nested structure) up to the size bounds of
`journal.rendering.highlight` and random ones; a lexer that needs more than LIMIT seconds
on any of them is reported as SLOW and must not be on the list. Every input is lexed in a
child process, because a regular expression that backtracks cannot be interrupted.
"""

from __future__ import annotations

import multiprocessing
import random
import sys
import time
from typing import TYPE_CHECKING

from journal.rendering.highlight import (
    LEXERS,
    MAX_HIGHLIGHT_CHARS,
    MAX_HIGHLIGHT_LINE,
    MAX_HIGHLIGHT_LINES,
)

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

LIMIT = 0.5  # CPU seconds for one block; typical blocks take a few ms
HANG = 30.0  # wall-clock seconds without an answer: a lexer that does not come back
OPENERS = [
    "", '"', "'", "`", "/*", "<!--", "#", "//", "--", "(", "[", "{", "<", "${", "$(", "\\",
    "r'", '"""', "'''", "<<EOF\n", "@", "0x", "1e", ".", "=", ":", "-", "%", "!", "?",
]  # fmt: skip
RUNS = [
    " ", "\t", "\n", "a", "0", "_", "\\", "'", '"', "/", "*", "-", "=", ".", ":", "#",
    "a ", "a.", "a:", "0.", "\\\\", "\\'", '\\"', "(", ")", "[", "{", "<", "a-", " \n",
    "$a", "@a", "a,", "a;", "'a'", '"a"', "a=", "--", "//", "/*", "*/", "<a", "a>",
]  # fmt: skip


def cases(size: int, lines: int, seed: int = 1) -> list[str]:
    """Crafted inputs of `size` characters and a few hundred (backtracking shows early)."""
    out: list[str] = []
    for opener in OPENERS:
        for run in RUNS:
            body = run * (size // max(1, len(run)))
            out.append((opener + body)[:size])
            out.append((opener + body)[: size // 20] + "\x00!")
    rng = random.Random(seed)
    alphabet = "".join(sorted({c for r in RUNS + OPENERS for c in r})) + "abcXYZ019"
    out += ["".join(rng.choice(alphabet) for _ in range(size)) for _ in range(40)]
    return [bounded(text, size, lines) for text in out]


def bounded(text: str, size: int, lines: int) -> str:
    """`text` cut to what the highlighter would still colour (long lines are folded)."""
    width = MAX_HIGHLIGHT_LINE
    folded = [
        line[i : i + width] for line in text.split("\n") for i in range(0, len(line) or 1, width)
    ]
    return "\n".join(folded[: lines - 1])[:size]


def _lex(alias: str, texts: list[str], conn: Connection) -> None:
    from pygments.lexers import get_lexer_by_name

    lexer = get_lexer_by_name(alias)
    for text in texts:
        start = time.process_time()  # CPU time: other work on the machine does not count
        for _ in lexer.get_tokens(text):
            pass
        conn.send(time.process_time() - start)


def vet(alias: str, size: int, lines: int) -> tuple[float, str]:
    """The worst time of one input, and a verdict with a sample of the worst input."""
    texts = cases(size, lines)
    parent, child = multiprocessing.Pipe()
    proc = multiprocessing.Process(target=_lex, args=(alias, texts, child))
    proc.start()
    worst = (0.0, "")
    try:
        for text in texts:
            if not parent.poll(HANG):
                return HANG, f"SLOW (no answer in {HANG:.0f} s on {text[:40]!r})"
            worst = max(worst, (parent.recv(), text[:40]))
    finally:
        proc.kill()
        proc.join()
    return worst[0], ("SLOW " if worst[0] > LIMIT else "ok ") + repr(worst[1])


def main() -> None:
    aliases = sys.argv[1:] or sorted(set(LEXERS.values()))
    for alias in aliases:
        took, verdict = vet(alias, MAX_HIGHLIGHT_CHARS, MAX_HIGHLIGHT_LINES)
        print(f"{alias:14} worst {took * 1000:8.1f} ms  {verdict}", flush=True)


if __name__ == "__main__":
    main()

"""Entries written by hand (not through the prompt) with their own "## What I learned" and
"## What next" headings: Week Review and "what you planned yesterday" read them too, while
an entry written by the prompt reads exactly as before."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.prompts import (
    BUILTIN_SETS,
    all_questions,
    compose,
    next_step_answer,
    parse_answers,
)
from journal.domain.stats import learned_answer

HAND = """\
Chased the flaky checkout test.

## What I learned
The fixture used local time, the code UTC.

## What next
- Write up the pattern
- Grep for other `datetime.now()` calls
"""


def test_a_hand_written_entry_answers_by_its_headings() -> None:
    assert learned_answer(HAND) == "The fixture used local time, the code UTC."
    assert next_step_answer(HAND) == (
        "- Write up the pattern\n- Grep for other `datetime.now()` calls"
    )


@pytest.mark.parametrize(
    ("heading", "learned", "following"),
    [
        ("## Learned", True, "## Notes"),
        ("## Lessons learnt", True, "## Other"),
        ("## What did I learn today?", True, "## Then"),
        ("## What I learned ##", True, "## Next steps"),
        ("##\tWHAT I LEARNED", True, "## Plan"),
        ("## Notes", False, "## Other"),
        ("### What I learned", False, "## Other"),  # a third-level heading is body text
        ("#What I learned", False, "## Other"),
    ],
)
def test_headings_that_ask_what_was_learned(heading: str, learned: bool, following: str) -> None:
    body = f"Intro.\n\n{heading}\nthe answer\n\n{following}\nsomething else\n"
    assert learned_answer(body) == ("the answer" if learned else None)


def test_an_empty_section_is_no_answer() -> None:
    assert learned_answer("## What I learned\n\n## What next\nship it") is None
    assert next_step_answer("## What I learned\nthings\n## What next\n   \n") is None


def test_the_first_heading_that_asks_wins() -> None:
    body = "## Learned\nfirst\n## Also learned\nsecond\n## Next\nA\n## Next week\nB"
    assert learned_answer(body) == "first"
    assert next_step_answer(body) == "A"


questions = all_questions(BUILTIN_SETS)
answer_text = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\x00"),
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(
    answers=st.lists(answer_text, min_size=len(BUILTIN_SETS[0].questions), max_size=5),
    extra=st.sampled_from(["", "\n\n## What I learned\nhand", "\n\n## Next\nhand"]),
)
def test_a_prompt_entry_reads_as_before(answers: list[str], extra: str) -> None:
    """A body the prompt wrote: its own answers win over any hand-written heading below."""
    qs = BUILTIN_SETS[0].questions
    body = compose(qs, dict(zip(qs, answers, strict=False)))
    parsed = parse_answers(body + extra, questions)
    known_learned = next(
        (parsed[q] for q in questions if "learn" in q.lower() and parsed.get(q)), None
    )
    if known_learned is not None:
        assert learned_answer(body + extra) == known_learned
    known_next = next(
        (parsed[q] for q in questions if re.search(r"\bnext\b", q, re.I) and parsed.get(q)),
        None,
    )
    if known_next is not None:
        assert next_step_answer(body + extra) == known_next

"""Question sets, and answers as one Markdown body with a heading per question (and back)."""

from __future__ import annotations

import json

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from journal.domain.prompts import (
    BUILTIN_SETS,
    DEFAULT_SET,
    FREE_TEXT,
    QuestionSet,
    available_sets,
    clean_answer,
    clean_question,
    compose,
    find_set,
    next_step_answer,
    parse_answers,
    question_key,
)

Q = DEFAULT_SET.questions
WORK, LEARN, NEXT = Q


def test_the_built_in_sets() -> None:
    assert [s.name for s in BUILTIN_SETS] == [
        "What? So what? Now what?",
        "Seek-Sense-Share",
        "One line",
        "Blank page",
    ]
    assert Q == (
        "What did I work on?",
        "What did I learn from it?",
        "What will I do next, and what is worth sharing?",
    )
    assert find_set("One line").questions == ("What did I get done?",)
    assert find_set("Blank page").questions == ()


def test_compose_writes_a_heading_per_answered_question_in_order() -> None:
    body = compose(Q, {NEXT: "Ship it.", WORK: "The exporter.\n\nMostly tests.", LEARN: "  \n"})
    assert body == (
        "## What did I work on?\n\nThe exporter.\n\nMostly tests.\n\n"
        "## What will I do next, and what is worth sharing?\n\nShip it."
    )


def test_compose_nothing_answered_is_empty() -> None:
    assert compose(Q, {}) == ""
    assert compose(Q, {WORK: "\n \n"}) == ""


def test_compose_refuses_an_answer_to_a_question_not_asked() -> None:
    with pytest.raises(ValueError, match="not asked"):
        compose(Q, {"Who am I?": "nobody"})


def test_blank_page_is_free_text_without_headings() -> None:
    body = compose((), {FREE_TEXT: "Just a few lines.\n\n## My own heading\n"})
    assert body == "Just a few lines.\n\n## My own heading"
    assert parse_answers(body, ()) == {FREE_TEXT: "Just a few lines.\n\n## My own heading"}


def test_parse_reads_composed_answers() -> None:
    answers = {WORK: "The exporter.", LEARN: "Golden files catch a lot.", NEXT: "Share the trick."}
    assert parse_answers(compose(Q, answers), Q) == answers


def test_parse_keeps_user_headings_inside_answers() -> None:
    body = (
        "## What did I work on?\n\n## Morning\nReviews.\n\n## Afternoon\nThe exporter.\n\n"
        "### Details\n# Big heading\n\n## What did I learn from it?\nThat reviews take time."
    )
    assert parse_answers(body, Q) == {
        WORK: "## Morning\nReviews.\n\n## Afternoon\nThe exporter.\n\n### Details\n# Big heading",
        LEARN: "That reviews take time.",
    }


def test_parse_is_robust_to_edits_made_elsewhere() -> None:
    body = (
        "Written above the questions later.\r\n\r\n"
        "##   what did i WORK on?  ##\r\n"  # case, spacing and closing hashes changed
        "Lots.\r\n"
        "## What did I learn from it?\n"
        "One thing.\n"
        "## What did I work on?\n"  # the same question again, further down
        "And more.\n"
    )
    assert parse_answers(body, Q) == {
        FREE_TEXT: "Written above the questions later.",
        WORK: "Lots.\n\nAnd more.",
        LEARN: "One thing.",
    }


def test_a_heading_of_another_set_stays_part_of_the_answer() -> None:
    body = "## What did I get done?\nA release.\n## What did I work on?\nThe release."
    assert parse_answers(body, Q) == {
        FREE_TEXT: "## What did I get done?\nA release.",
        WORK: "The release.",
    }


def test_an_answer_line_that_reads_as_a_question_survives_the_round_trip() -> None:
    answers = {WORK: "Quoting the form:\n## What did I learn from it?\nnothing yet", LEARN: "x"}
    body = compose(Q, answers)
    assert "\n ## What did I learn from it?\n" in body  # indented: not a separator
    assert parse_answers(body, Q) == answers


def test_next_step_answer() -> None:
    body = compose(Q, {WORK: "Exporter.", NEXT: "Write the README section."})
    assert next_step_answer(body) == "Write the README section."
    assert next_step_answer(compose(Q, {WORK: "Exporter."})) is None
    assert next_step_answer("") is None
    assert next_step_answer("Just a note about what comes next.") is None


def test_next_step_answer_of_a_custom_set() -> None:
    mine = ("Highlights?", "Next steps?")
    body = compose(mine, {"Next steps?": "Pair with Ana.\n## Notes\nbring coffee"})
    assert next_step_answer(body, mine) == "Pair with Ana.\n## Notes\nbring coffee"
    # Not a question Daybook knows of, but a heading that asks it: read as a hand-written
    # entry is, up to the body's next heading.
    assert next_step_answer(body) == "Pair with Ana."


def test_question_sets_normalise_and_validate() -> None:
    s = QuestionSet("  My   set ", ("  What   went well? ", "Why?"))
    assert s == QuestionSet("My set", ("What went well?", "Why?"))
    with pytest.raises(ValueError, match="needs a name"):
        QuestionSet("", ("Why?",))
    with pytest.raises(ValueError, match="asks the same question twice"):
        QuestionSet("x", ("Why?", "why?  "))
    with pytest.raises(ValueError, match="a question is one line"):
        QuestionSet("x", ("Two\nlines",))
    with pytest.raises(ValueError, match="cannot be empty"):
        QuestionSet("x", ("   ",))


def test_question_sets_round_trip_through_json() -> None:
    for original in (*BUILTIN_SETS, QuestionSet("Mine", ("Was it fun?",))):
        data = json.loads(json.dumps(original.to_dict()))
        assert QuestionSet.from_dict(data) == original


@pytest.mark.parametrize(
    "raw",
    [None, [], "x", {"name": "x"}, {"name": 1, "questions": []}, {"name": "x", "questions": [1]}],
)
def test_bad_question_set_data_is_a_value_error(raw: object) -> None:
    with pytest.raises(ValueError, match=r"a question set is an object|questions are text|name"):
        QuestionSet.from_dict(raw)


def test_custom_sets_add_to_and_replace_built_in_ones() -> None:
    edited = QuestionSet("one LINE", ("What did I finish?",))
    mine = QuestionSet("Retro", ("Keep?", "Drop?", "Try?"))
    names = [s.name for s in available_sets([edited, mine])]
    assert names == [
        "What? So what? Now what?",
        "Seek-Sense-Share",
        "one LINE",
        "Blank page",
        "Retro",
    ]
    assert find_set("One line", [edited]).questions == ("What did I finish?",)
    assert find_set("retro", [mine]) == mine
    assert find_set("deleted long ago", [mine]) == DEFAULT_SET


# -- the round trip, for any answers -----------------------------------------------------------

question_text = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=30).filter(
    lambda q: "\n" not in q and "\r" not in q and bool(question_key(q))
)
answer_lines = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=40),
    st.sampled_from(["", " ", "#", "##", "## ", "# x", "### x", "\t## x", "## Notes"]),
)


@st.composite
def questions_and_answers(draw: st.DrawFn) -> tuple[tuple[str, ...], dict[str, str]]:
    questions = tuple(
        draw(st.lists(question_text, max_size=4, unique_by=lambda q: question_key(q)))
    )
    if draw(st.booleans()):
        questions = Q
    answers: dict[str, str] = {}
    for key in (FREE_TEXT, *questions):
        if draw(st.booleans()):
            continue
        lines = draw(st.lists(answer_lines, max_size=6))
        # Lines that look like any question's heading, with some indentation.
        for question in questions:
            if draw(st.booleans()):
                lines.insert(
                    draw(st.integers(0, len(lines))),
                    " " * draw(st.integers(0, 3)) + "## " + question,
                )
        answers[key] = "\n".join(lines)
    return questions, answers


@settings(max_examples=400, deadline=None)
@given(questions_and_answers())
def test_parse_inverts_compose(case: tuple[tuple[str, ...], dict[str, str]]) -> None:
    questions, answers = case
    body = compose(questions, answers)
    expected = {k: clean_answer(v) for k, v in answers.items() if clean_answer(v)}
    parsed = parse_answers(body, questions)
    assert parsed == {
        (k if k == FREE_TEXT else " ".join(k.split())): v for k, v in expected.items()
    }
    # And composing what was read gives the same body again.
    assert compose(questions, parsed) == body


@settings(max_examples=200, deadline=None)
@given(questions_and_answers())
def test_next_step_is_the_next_answer(case: tuple[tuple[str, ...], dict[str, str]]) -> None:
    questions, answers = case
    assume(questions == Q)
    expected = clean_answer(answers.get(NEXT, "")) or None
    assert next_step_answer(compose(Q, answers)) == expected


@pytest.mark.parametrize("space", ["\x85", "\u2028", "\t", "\x0b", "\u3000"])
def test_a_closing_hash_after_any_space_is_the_same_question(space: str) -> None:
    question = f"Learned{space}#"
    assert question_key(question) == question_key(clean_question(question)) == "learned"
    body = compose((question,), {question: "WAL"})
    assert parse_answers(body, (question,)) == {clean_question(question): "WAL"}

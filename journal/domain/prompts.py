"""Guided questions for the end-of-day prompt, and answers as Markdown.

The answers of one prompt become one Markdown body with a `## Question` heading per
answered question (empty answers left out), so every export, search and import speaks plain
Markdown. `parse_answers` reads such a body back, also after the user edited it elsewhere:

- Only a line that starts with `## ` at the left margin and whose text is one of the known
  questions separates answers (compared ignoring case, spacing and Markdown's closing `#`s).
  Every other heading, `## Notes` included, is part of the answer it stands in.
- Text before the first question heading (a blank page's text, or what the user added above)
  is kept under the key `FREE_TEXT` (""), and composed first, without a heading.
- A question heading repeated by hand gathers both parts, separated by a blank line.
- An answer line that would read as a question heading is written indented by one space
  (` ## What did I learn from it?`, still a heading when rendered) and read back without it,
  so `parse_answers(compose(q, a), q)` gives back exactly the (trimmed) answers.

Question sets are values: the built-in ones, and custom sets the user makes in Settings,
stored as JSON-compatible dicts (`QuestionSet.to_dict` / `from_dict`). A custom set named
like a built-in one replaces it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

FREE_TEXT = ""  # the key of text that stands under no question heading
_HEADING = re.compile(r"##[ \t]+(.*)")
_ESCAPED = re.compile(r" +##[ \t]")
_CLOSING = re.compile(r"[ \t]+#+[ \t]*\Z")
_NEXT = re.compile(r"\bnext\b", re.IGNORECASE)
MAX_QUESTIONS = 20


def clean_question(text: str) -> str:
    """A question on one line with single spaces; ValueError if empty or several lines."""
    if "\n" in text or "\r" in text:
        raise ValueError(f"a question is one line: {text!r}")
    question = " ".join(text.split())
    if not question_key(question):
        raise ValueError("a question cannot be empty")
    return question


def question_key(text: str) -> str:
    """What two spellings of a question heading have in common (case, spaces, closing #s).

    White space is made single spaces first, so a closing `#` after any kind of space (a
    tab, U+0085, U+2028) is recognised as it is after a plain one."""
    return _CLOSING.sub("", " ".join(text.split())).casefold()


@dataclass(frozen=True, slots=True)
class QuestionSet:
    """A named list of questions; no questions at all is a blank page."""

    name: str
    questions: tuple[str, ...]

    def __post_init__(self) -> None:
        name = " ".join(self.name.split())
        if not name:
            raise ValueError("a question set needs a name")
        questions = tuple(clean_question(q) for q in self.questions)
        if len({question_key(q) for q in questions}) != len(questions):
            raise ValueError(f"question set {name!r} asks the same question twice")
        if len(questions) > MAX_QUESTIONS:
            raise ValueError(f"question set {name!r} has more than {MAX_QUESTIONS} questions")
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "questions", questions)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-compatible form kept in settings."""
        return {"name": self.name, "questions": list(self.questions)}

    @classmethod
    def from_dict(cls, data: object) -> QuestionSet:
        """A set from its settings form; ValueError when it is not one."""
        if not isinstance(data, dict):
            raise ValueError("a question set is an object with a name and questions")
        name, questions = data.get("name"), data.get("questions")
        if not isinstance(name, str) or not isinstance(questions, list):
            raise ValueError("a question set is an object with a name and questions")
        if not all(isinstance(q, str) for q in questions):
            raise ValueError("questions are text")
        return cls(name, tuple(questions))


DEFAULT_SET = QuestionSet(
    "What? So what? Now what?",
    (
        "What did I work on?",
        "What did I learn from it?",
        "What will I do next, and what is worth sharing?",
    ),
)
BUILTIN_SETS: tuple[QuestionSet, ...] = (
    DEFAULT_SET,
    QuestionSet(
        "Seek-Sense-Share",
        (
            "Seek: what did I come across today?",
            "Sense: what do I make of it?",
            "Share: what is worth passing on, and to whom?",
        ),
    ),
    QuestionSet("One line", ("What did I get done?",)),
    QuestionSet("Blank page", ()),
)


def available_sets(custom: Iterable[QuestionSet] = ()) -> list[QuestionSet]:
    """The built-in sets (a custom set of the same name replaces one), then the custom ones."""
    mine = {s.name.casefold(): s for s in custom}
    result = [mine.pop(s.name.casefold(), s) for s in BUILTIN_SETS]
    return result + list(mine.values())


def custom_sets(raw: Iterable[Any]) -> list[QuestionSet]:
    """The user's own sets from their settings form; unusable ones are left out."""
    sets = []
    for item in raw:
        try:
            sets.append(QuestionSet.from_dict(item))
        except ValueError:
            continue
    return sets


def find_set(name: str, custom: Iterable[QuestionSet] = ()) -> QuestionSet:
    """The set called `name`; the default set when there is none (e.g. it was deleted)."""
    for candidate in available_sets(custom):
        if candidate.name.casefold() == " ".join(name.split()).casefold():
            return candidate
    return available_sets(custom)[0]


def all_questions(sets: Iterable[QuestionSet]) -> tuple[str, ...]:
    """Every question of `sets` once, in order: the separators for reading any entry."""
    seen: dict[str, str] = {}
    for question_set in sets:
        for question in question_set.questions:
            seen.setdefault(question_key(question), question)
    return tuple(seen.values())


def clean_answer(text: str) -> str:
    """An answer as stored: newlines normalised, blank lines at either end removed."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def compose(questions: Sequence[str], answers: Mapping[str, str]) -> str:
    """One Markdown body: free text first, then `## Question` and its answer, in order.

    Questions without an answer (or with only blank text) are left out; an answer to a
    question not in `questions` is a ValueError rather than silently dropped.
    """
    keys = _keys(questions)
    by_key: dict[str, str] = {}
    for question, answer in answers.items():
        key = question_key(question) if question != FREE_TEXT else FREE_TEXT
        if key != FREE_TEXT and key not in keys:
            raise ValueError(f"an answer to a question not asked: {question!r}")
        by_key[key] = answer
    parts: list[str] = []
    free = clean_answer(by_key.get(FREE_TEXT, ""))
    if free:
        parts.append(_escape(free, keys))
    for key, question in keys.items():
        answer = clean_answer(by_key.get(key, ""))
        if answer:
            parts.append(f"## {question}\n\n{_escape(answer, keys)}")
    return "\n\n".join(parts)


def parse_answers(body: str, questions: Sequence[str]) -> dict[str, str]:
    """The answers in a body written by `compose` (and maybe edited since), by question.

    Keys are spelled as in `questions`; text under no question heading is under FREE_TEXT.
    Only non-empty answers appear.
    """
    keys = _keys(questions)
    sections: dict[str, list[str]] = {}
    current = FREE_TEXT
    lines: list[str] = []
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        key = _heading_key(line, keys)
        if key is None:
            lines.append(_unescape(line, keys))
            continue
        sections.setdefault(current, []).append("\n".join(lines))
        current, lines = key, []
    sections.setdefault(current, []).append("\n".join(lines))
    result: dict[str, str] = {}
    for key, chunks in sections.items():
        text = "\n\n".join(c for c in map(clean_answer, chunks) if c)
        if text:
            result[keys[key] if key else FREE_TEXT] = text
    return result


def next_step_answer(body: str, questions: Sequence[str] | None = None) -> str | None:
    """The answer to the "what next" question of an entry (the first question saying "next").

    `questions` are the separators to read the body with; by default every built-in one.
    """
    return answer_matching(body, questions, _NEXT)


def answer_matching(
    body: str, questions: Sequence[str] | None, pattern: re.Pattern[str]
) -> str | None:
    """The answer under the first question that `pattern` finds, `questions` (default: every
    built-in one) first; then, for an entry written by hand, under its own `## ` heading
    that `pattern` finds ("## What I learned", "## Next steps"), the body's other `## `
    headings ending that answer. None when no such question has an answer."""
    known = all_questions(BUILTIN_SETS) if questions is None else tuple(questions)
    answers = parse_answers(body, known)
    for question in known:
        if pattern.search(question) and answers.get(question):
            return answers[question]
    own = _own_headings(body, known)
    if not any(pattern.search(heading) for heading in own):
        return None
    answers = parse_answers(body, (*known, *own))
    for heading in own:
        if pattern.search(heading) and answers.get(heading):
            return answers[heading]
    return None


def _own_headings(body: str, known: Sequence[str]) -> list[str]:
    """The body's `## ` headings that are none of the `known` questions, each once."""
    seen = {question_key(q) for q in known}
    found: list[str] = []
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        match = _HEADING.fullmatch(line)
        if match is None:
            continue
        try:
            heading = clean_question(match[1])
        except ValueError:
            continue
        if question_key(heading) not in seen:
            seen.add(question_key(heading))
            found.append(heading)
    return found


def _keys(questions: Sequence[str]) -> dict[str, str]:
    keys: dict[str, str] = {}
    for raw in questions:
        question = clean_question(raw)
        key = question_key(question)
        if key in keys:
            raise ValueError(f"the same question twice: {raw!r}")
        keys[key] = question
    return keys


def _heading_key(line: str, keys: Mapping[str, str]) -> str | None:
    match = _HEADING.fullmatch(line)
    if match is None:
        return None
    key = question_key(match[1])
    return key if key in keys else None


def _escape(text: str, keys: Mapping[str, str]) -> str:
    return "\n".join(
        " " + line if _heading_key(line.lstrip(" "), keys) is not None else line
        for line in text.split("\n")
    )


def _unescape(line: str, keys: Mapping[str, str]) -> str:
    if _ESCAPED.match(line) and _heading_key(line.lstrip(" "), keys) is not None:
        return line[1:]
    return line

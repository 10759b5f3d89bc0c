"""Spell checking without Qt: which words are prose, the per-word cache, the personal word
list, choosing a dictionary, and what happens when Enchant or a dictionary is missing."""

from __future__ import annotations

import stat
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.services import spelling
from journal.services.spelling import (
    NO_DICTIONARY,
    NO_ENCHANT,
    SpellChecker,
    choose_language,
    open_checker,
    prose_words,
)

if TYPE_CHECKING:
    from pathlib import Path


def words(line: str) -> list[str]:
    return [w for *_, w in prose_words(line)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Teh cat sat", ["Teh", "cat", "sat"]),
        ("see `foo bar` here", ["see", "here"]),
        ("see ``a `tick` inside`` here", ["see", "here"]),
        ("open https://exampel.org/some/pathh now", ["open", "now"]),
        ("open <https://exampel.org/x> now", ["open", "now"]),
        ("open www.exampel.org now", ["open", "now"]),
        ('a [linkk text](http://x.org/qwerty "titel") after', ["linkk", "text", "after"]),
        ("![alt textt](pictur.png)", ["alt", "textt"]),
        ("[ref]: http://exampel.org/zz", []),
        ("mail mee@exampel.org", ["mail"]),
        ("edit src/fille.py and ~/.bashrc", ["edit", "and"]),
        ("tagged #recieve and #work-lyfe", ["tagged", "and"]),
        ("- [ ] taskk one", ["taskk", "one"]),
        ("## Headingg **bolld** _emphh_ ~~strk~~", ["Headingg", "bolld", "emphh", "strk"]),
        ("snake_case my_varr v2 x86 API SQLITE", []),
        ('<span class="nott">innr</span>', ["innr"]),
        ("don't l’homme rock'n'roll", ["don't", "l’homme", "rock'n'roll"]),
        ("caf\u00e9 na\u00efve \U0001f600 emoji", ["caf\u00e9", "na\u00efve", "emoji"]),
        ("&nbsp;&amp; entity", ["entity"]),
        ("a b", []),  # single letters
    ],
)
def test_prose_words_skip_everything_that_is_not_prose(line: str, expected: list[str]) -> None:
    assert words(line) == expected


PROSE = st.from_regex(r"[a-z]{2,8}", fullmatch=True)
NOT_PROSE = st.one_of(
    st.builds(lambda w: f"`{w} {w}`", PROSE),
    st.builds(lambda w: f"https://{w}.org/{w}", PROSE),
    st.builds(lambda w: f"#{w}", PROSE),
    st.builds(lambda w: f"{w}@{w}.com", PROSE),
    st.builds(lambda w: f"{w}/{w}.txt", PROSE),
    st.builds(lambda w: f"<{w}>", PROSE),
    st.builds(lambda w: f"[x]({w}.org)", PROSE),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.booleans(), PROSE, NOT_PROSE), min_size=1, max_size=8))
def test_no_word_is_ever_taken_from_code_urls_tags_or_paths(
    parts: list[tuple[bool, str, str]],
) -> None:
    tokens = [(prose, word if prose else other) for prose, word, other in parts]
    line = " ".join(text for _prose, text in tokens)
    # Each prose token is found where it stands; nothing is found inside the others.
    spans, at = [], 0
    for prose, text in tokens:
        spans.append((prose, at, at + len(text)))
        at += len(text) + 1
    found = list(prose_words(line))
    for start, end, _word in found:
        owner = next(p for p, s, e in spans if s <= start < e)
        assert owner, (line, line[start:end])
    assert [w for *_, w in found] == [line[s:e] for p, s, e in spans if p]


class FakeBackend:
    """A dictionary of the `known` words that records each word it is asked about."""

    def __init__(self, known: set[str]) -> None:
        self.known = known
        self.asked: list[str] = []

    def check(self, word: str) -> bool:
        self.asked.append(word)
        return word.lower() in self.known

    def suggest(self, word: str) -> list[str]:
        return sorted(k for k in self.known if k[0] == word[0].lower())


def test_each_word_is_looked_up_once() -> None:
    backend = FakeBackend({"the", "cat"})
    checker = SpellChecker(backend, "en_US", None)
    assert not checker.is_cached("teh")
    for _ in range(3):
        assert checker.check("the") and not checker.check("teh")
    assert backend.asked == ["the", "teh"] and checker.is_cached("teh")


def test_the_personal_word_list_is_kept_in_the_data_folder(tmp_path: Path) -> None:
    path = tmp_path / spelling.WORD_LIST_NAME
    checker = SpellChecker(FakeBackend({"the"}), "en_US", path)
    assert not checker.check("Daybook")
    checker.add("Daybook")
    assert checker.check("Daybook")
    assert path.read_text(encoding="utf-8") == "Daybook\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = SpellChecker(FakeBackend(set()), "en_US", path)  # the next session
    assert again.check("Daybook") and not again.check("Daybok")
    again.add("pyenchant")
    assert path.read_text(encoding="utf-8") == "Daybook\npyenchant\n"


def test_a_word_list_that_cannot_be_written_raises_but_the_word_counts(tmp_path: Path) -> None:
    checker = SpellChecker(FakeBackend(set()), "en_US", tmp_path / "no-such-folder" / "w.txt")
    with pytest.raises(FileNotFoundError):
        checker.add("Daybook")
    assert checker.check("Daybook")


def test_an_unreadable_word_list_is_an_empty_one(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_bytes(b"\xff\xfe not utf-8")
    assert not SpellChecker(FakeBackend(set()), "en_US", path).check("not")


def test_a_backend_that_refuses_a_word_does_not_flag_it() -> None:
    class Refusing(FakeBackend):
        def check(self, word: str) -> bool:
            raise ValueError("too long")

        def suggest(self, word: str) -> list[str]:
            raise ValueError("too long")

    checker = SpellChecker(Refusing(set()), "en_US", None)
    assert checker.check("x" * 500) and checker.suggest("x" * 500) == []


@pytest.mark.parametrize(
    ("wanted", "languages", "chosen"),
    [
        ("en_US", ["de_DE", "en_US"], "en_US"),
        ("en_GB", ["de_DE", "en_US"], "en_US"),
        ("de_AT", ["de_CH", "de_DE", "en_US"], "de_DE"),
        ("fr", ["en_US", "fr_BE", "fr_FR"], "fr_FR"),
        ("pt_BR", ["en_US"], None),
        ("en_US", [], None),
    ],
)
def test_choose_language(wanted: str, languages: list[str], chosen: str | None) -> None:
    assert choose_language(wanted, languages) == chosen


def test_the_system_locale_chooses_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "de_AT.UTF-8")
    assert spelling.system_language() == "de_AT"
    assert choose_language("", ["de_DE", "en_US"]) == "de_DE"


def _missing() -> Any:
    raise ImportError("libenchant-2.so.2: cannot open shared object file")


def test_no_enchant_means_no_checker_and_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spelling, "_enchant", _missing)
    checker, problem = open_checker("en_GB", None)
    assert checker is None and problem == (NO_ENCHANT, "en_GB")
    assert spelling.available_languages() == []
    assert open_checker("off", None) == (None, None)  # off is not a problem


def test_no_dictionary_for_the_language_is_a_reason() -> None:
    class NoDicts:
        @staticmethod
        def list_languages() -> list[str]:
            return ["en_US"]

        @staticmethod
        def Dict(tag: str) -> Any:  # pyenchant's name
            return FakeBackend({"the"})

    checker, problem = open_checker("pt_BR", None, load=lambda: NoDicts)
    assert checker is None and problem == (NO_DICTIONARY, "pt_BR")
    assert spelling.diagnose("pt_BR", load=lambda: NoDicts) == (NO_DICTIONARY, "pt_BR")
    assert spelling.diagnose("en_GB", load=lambda: NoDicts) is None  # en_US will do
    checker, problem = open_checker("en_GB", None, load=lambda: NoDicts)
    assert checker is not None and checker.language == "en_US" and problem is None
    assert spelling.diagnose("off", load=_missing) is None


def test_the_real_dictionary_when_installed(tmp_path: Path) -> None:
    if "en_US" not in spelling.available_languages():
        pytest.skip("no en_US dictionary (Debian: libenchant-2-2 hunspell-en-us)")
    checker, problem = open_checker("en_US", tmp_path)
    assert checker is not None and problem is None and checker.language == "en_US"
    assert checker.check("receive") and not checker.check("recieve")
    assert "receive" in checker.suggest("recieve")
    assert checker.words_path == tmp_path / "words.txt"

"""Spell checking without Qt: which words of a Markdown line are prose, and a checker over
Enchant (pyenchant, with the system's Hunspell dictionaries) plus a personal word list.

`prose_words` decides what is checked: never code spans, fenced code (the caller knows the
line's role), URLs, e-mail addresses, file paths, #tags, HTML tags, link targets or the
Markdown marks themselves; only words of letters (an apostrophe inside allowed), so
identifiers with digits or underscores stay out. `SpellChecker` caches every answer per
word: typing re-checks one line, and a word once seen costs a dictionary lookup never again.
If Enchant or a dictionary is missing, `open_checker` says why and returns no checker.
"""

from __future__ import annotations

import contextlib
import locale
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from journal.fileio import atomic_write

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

WORD_LIST_NAME = "words.txt"  # the personal word list, in the data folder
SUGGESTIONS = 6
_CACHE_LIMIT = 100_000

# Letters, with inner apostrophes (don't, l’homme); not glued to a path, address or name.
_WORD = re.compile(r"(?<![\w@./\\'’-])[^\W\d_]+(?:['’][^\W\d_]+)*(?![\w@/\\]|\.\w|['’]\w)")
_SKIP = (
    re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)"),  # code spans
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # a link's target
    re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*\S+"),  # a reference definition
    re.compile(r"<[^>\n]*>"),  # HTML tags and <autolinks>
    re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://\S+|\bwww\.\S+|\bmailto:\S+"),  # URLs
    re.compile(r"\S+@\S+\.\w+"),  # e-mail addresses
    re.compile(r"(?<![\w#&/])#[^\W\d_][\w-]*"),  # #tags (journal.domain.tags' rule)
    re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]\]"),  # a task box
    re.compile(r"&\w+;"),  # HTML entities
)
_EMPHASIS_MARK = re.compile(r"(?<![^\W_])_+|_+(?![^\W_])")  # _emphasis_, not snake_case


class Backend(Protocol):
    """What the checker needs of an Enchant dictionary."""

    def check(self, word: str) -> bool: ...
    def suggest(self, word: str) -> list[str]: ...


def prose_words(line: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) of each word of `line` to check (Python indices)."""
    skipped: list[tuple[int, int]] = []
    for pattern in _SKIP:
        skipped.extend(m.span() for m in pattern.finditer(line))
    masked = _EMPHASIS_MARK.sub(lambda m: " " * len(m.group()), line)
    for m in _WORD.finditer(masked):
        start, end = m.span()
        word = m.group()
        if len(word) < 2 or word.isupper():
            continue  # a letter, or an acronym (API, SQL)
        if skipped and any(s < end and start < e for s, e in skipped):
            continue  # inside something not prose
        yield start, end, word


@dataclass(frozen=True, slots=True)
class Language:
    """A spelling language Enchant knows of, and whether a dictionary for it is installed."""

    tag: str  # Enchant's tag: en_US, de_DE, pt_BR
    available: bool


def system_language() -> str:
    """The system locale's language as Enchant names it (en_US), '' when unknown."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return value.split(".")[0].split("@")[0]
    with contextlib.suppress(ValueError):
        found = locale.getlocale(locale.LC_MESSAGES)[0] if hasattr(locale, "LC_MESSAGES") else None
        if found and found not in ("C", "POSIX"):
            return found
    return ""


def _enchant() -> Any:
    """The pyenchant module; ImportError when it or the Enchant library is missing."""
    import enchant  # a C library loaded through ctypes: only when spelling is on

    return enchant


def available_languages(load: Callable[[], Any] | None = None) -> list[str]:
    """The dictionaries Enchant finds on this system (empty when Enchant is missing)."""
    try:
        return sorted(set((load or _enchant)().list_languages()))
    except (ImportError, OSError):
        return []


def choose_language(wanted: str, languages: list[str]) -> str | None:
    """The dictionary for `wanted` ('' is the system locale): the exact tag, else one of
    the same language (de_AT -> de_DE, en -> en_US), else None."""
    wanted = wanted or system_language() or "en_US"
    if wanted in languages:
        return wanted
    base = wanted.split("_")[0].lower()
    same = [tag for tag in languages if tag.split("_")[0].lower() == base]
    preferred = [tag for tag in same if tag.lower() == f"{base}_{base}"]
    found = preferred or same
    return found[0] if found else None


class SpellChecker:
    """Answers per word, cached; the personal word list in `words_path` (one word a line)."""

    def __init__(self, backend: Backend, language: str, words_path: Path | None) -> None:
        self.backend = backend
        self.language = language
        self.words_path = words_path
        self.personal: set[str] = set()
        self._cache: dict[str, bool] = {}
        if words_path is not None:
            with contextlib.suppress(OSError, UnicodeDecodeError):
                text = words_path.read_text(encoding="utf-8")
                self.personal = {w.strip() for w in text.splitlines() if w.strip()}

    def check(self, word: str) -> bool:
        """Whether `word` is spelled right (by the dictionary or the personal list)."""
        known = self._cache.get(word)
        if known is None:
            known = self._lookup(word)
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[word] = known
        return known

    def is_cached(self, word: str) -> bool:
        return word in self._cache

    def _lookup(self, word: str) -> bool:
        plain = word.replace("’", "'")
        if word in self.personal or plain in self.personal or word.lower() in self.personal:
            return True
        try:
            return bool(self.backend.check(plain))
        except Exception:  # Enchant refuses some strings (too long, odd scripts): not a typo
            return True

    def suggest(self, word: str) -> list[str]:
        try:
            found = self.backend.suggest(word.replace("’", "'"))
        except Exception:
            return []
        return [s for s in found if s != word][:SUGGESTIONS]

    def add(self, word: str) -> None:
        """Add `word` to the personal list (written at once, rw for its owner only).

        Raises OSError when the list cannot be written; the word is then known for this
        session only."""
        self.personal.add(word)
        self._cache[word] = True
        if self.words_path is not None:
            data = "".join(f"{w}\n" for w in sorted(self.personal)).encode("utf-8")
            atomic_write(self.words_path, data)


# Why there is no checker: (kind, language). The UI words them (and translates them).
NO_ENCHANT, NO_DICTIONARY, BROKEN_DICTIONARY = "no-enchant", "no-dictionary", "broken"
Problem = tuple[str, str] | None


def diagnose(wanted: str, load: Callable[[], Any] | None = None) -> Problem:
    """Why `wanted` cannot be checked (as `open_checker` says), without opening a
    dictionary: for the Settings dialog."""
    if wanted == "off":
        return None
    shown = wanted or system_language() or "en_US"
    try:
        languages = sorted(set((load or _enchant)().list_languages()))
    except (ImportError, OSError):
        return (NO_ENCHANT, shown)
    return None if choose_language(wanted, languages) else (NO_DICTIONARY, shown)


def open_checker(
    wanted: str, data_folder: Path | None, load: Callable[[], Any] | None = None
) -> tuple[SpellChecker | None, Problem]:
    """A checker for `wanted` ('' follows the system locale; 'off' is none), and None or
    why there is none (NO_ENCHANT, NO_DICTIONARY or BROKEN_DICTIONARY, and the language)."""
    if wanted == "off":
        return None, None
    shown = wanted or system_language() or "en_US"
    try:
        enchant = (load or _enchant)()
        languages = sorted(set(enchant.list_languages()))
    except (ImportError, OSError):
        return None, (NO_ENCHANT, shown)
    tag = choose_language(wanted, languages)
    if tag is None:
        return None, (NO_DICTIONARY, shown)
    try:
        backend = enchant.Dict(tag)
    except Exception:  # enchant.errors.Error: a broken dictionary
        return None, (BROKEN_DICTIONARY, tag)
    words = data_folder / WORD_LIST_NAME if data_folder is not None else None
    return SpellChecker(backend, tag, words), None

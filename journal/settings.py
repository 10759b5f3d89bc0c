"""User settings: one typed object, defaults in one place, saved atomically as JSON.

Window geometry and splitter positions are not here: the UI keeps those in QSettings.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from journal.errors import StorageError
from journal.fileio import atomic_write

if TYPE_CHECKING:
    from pathlib import Path

Theme = Literal["system", "light", "dark"]
THEMES: tuple[Theme, ...] = ("system", "light", "dark")
# The interface language: "system" follows the desktop's locale; read at start only.
Language = Literal["system", "en", "de"]
LANGUAGES: tuple[Language, ...] = ("system", "en", "de")
# The end-of-day prompt: a reminder time per weekday ('HH:MM', '' for none), Monday first.
DEFAULT_REMINDER_TIMES = ("17:30",) * 5 + ("", "")
DEFAULT_DAY_BOUNDARY = "03:00"
DEFAULT_QUESTION_SET = "What? So what? Now what?"


@dataclass(slots=True)
class Settings:
    """Everything the user can set. Unknown keys in the file are ignored, bad values reset."""

    theme: Theme = "system"
    language: Language = "system"
    font_family: str = ""  # empty: the desktop's default font
    font_size: int = 11
    editor_font_family: str = ""  # empty: the desktop's (proportional) font
    autosave_seconds: float = 2.0
    reminder_times: list[str] = field(default_factory=lambda: list(DEFAULT_REMINDER_TIMES))
    day_boundary: str = DEFAULT_DAY_BOUNDARY  # writing before it counts for the day before
    question_set: str = DEFAULT_QUESTION_SET  # a set's name; an unknown name means the default
    custom_question_sets: list[dict[str, Any]] = field(default_factory=list)  # QuestionSet dicts
    spell_language: str = ""  # '' the system locale's, 'off', or a dictionary (en_GB)
    open_prompt_at_reminder: bool = True  # the questions' window opens by itself at the time
    extra: dict[str, Any] = field(default_factory=dict)  # sections later features fill

    @classmethod
    def load(cls, path: Path) -> Settings:
        """Read settings; a missing or unreadable file gives the defaults (never an error)."""
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        defaults = cls()
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in raw:
                continue
            value, default = raw[f.name], getattr(defaults, f.name)
            if type(value) is type(default) or (
                isinstance(default, float) and isinstance(value, int)
            ):
                values[f.name] = value
        if values.get("theme") not in (None, *THEMES):
            values.pop("theme")
        if values.get("language") not in (None, *LANGUAGES):
            values.pop("language")
        if not 6 <= int(values.get("font_size", 11)) <= 48:
            values.pop("font_size")
        if not 0.2 <= float(values.get("autosave_seconds", 2.0)) <= 60:  # NaN fails too
            values.pop("autosave_seconds")
        _check_prompt_values(values)
        return cls(**values)

    def save(self, path: Path) -> None:
        """Write atomically (temporary file, fsync, rename); raises StorageError on failure."""
        data = json.dumps(dataclasses.asdict(self), indent=2, sort_keys=True)
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            atomic_write(path, data.encode("utf-8"))
        except OSError as exc:
            raise StorageError(
                f"cannot save the settings to {path}: {exc.strerror}",
                "free some space or check the folder's permissions",
            ) from exc


def _check_prompt_values(values: dict[str, Any]) -> None:
    """Reset the prompt's bad values in `values` (read from the file) one by one."""
    from journal.domain.prompts import QuestionSet
    from journal.domain.schedule import format_clock, parse_clock

    def clock(text: object, default: str) -> str:
        try:
            return format_clock(parse_clock(text)) if isinstance(text, str) else default
        except ValueError:
            return default

    times = values.get("reminder_times")
    if times is not None:
        if len(times) == len(DEFAULT_REMINDER_TIMES):
            values["reminder_times"] = [
                clock(t, d) for t, d in zip(times, DEFAULT_REMINDER_TIMES, strict=True)
            ]
        else:
            values.pop("reminder_times")
    if "day_boundary" in values:
        values["day_boundary"] = clock(values["day_boundary"], DEFAULT_DAY_BOUNDARY) or "00:00"
    if "custom_question_sets" in values:
        kept: dict[str, dict[str, Any]] = {}
        for raw in values["custom_question_sets"]:
            try:
                found = QuestionSet.from_dict(raw)
            except ValueError:
                continue
            kept.setdefault(found.name.casefold(), found.to_dict())
        values["custom_question_sets"] = list(kept.values())

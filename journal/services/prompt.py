"""The end-of-day prompt as a use case: what to ask, when, and saving the answers.

`PromptService` is what the prompt window, the tray, notifications and `daybook prompt`
share; it owns the reminder state (snooze and skip are not settings: they live as long as
the app). The rules themselves are pure functions in `journal.domain.schedule`,
`journal.domain.prompts` and `journal.domain.streaks`.

How the desktop app is meant to drive it (times are aware datetimes; None means "now"):

- A timer ticks every 30 seconds or so, and once more on wake from sleep and on a change of
  time zone: `day = service.check()`; when it gives a day, show the notification or the
  prompt window for that day. `check` records the reminder, so the next tick gives None
  until a snooze ends or the next working day's time comes. `next_reminder()` says when
  that is, for a tooltip or a single-shot timer.
- The prompt window for `day`: `service.question_set()` gives the questions; if
  `service.todays_prompt_entry(day)` gives an entry, open it to add to, with
  `service.questions_for(entry)` and `service.answers_of(entry)` (which keep text the user
  wrote outside the questions under `FREE_TEXT`). `service.yesterdays_next_step(day)` is
  the "now what" of the previous working day, and `service.streak()` the streak.
  Save with `service.save_answers(day, questions, answers, tags, private, entry_id)`.
- Esc or the tray's Snooze: `service.snooze(SNOOZE_SHORT)` (or SNOOZE_LONG); Skip today:
  `service.skip_today()`.
- At start: `service.catch_up_days()` are the missed working days (at most 5, oldest
  first) to offer, each saved with `save_answers(that_day, ...)`.

A reflection is an entry of kind "prompt": other entries do not stop the reminder nor count
toward a streak.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from journal.domain.entry import Entry, local_now
from journal.domain.filters import EntryFilter
from journal.domain.prompts import (
    FREE_TEXT,
    QuestionSet,
    all_questions,
    available_sets,
    compose,
    custom_sets,
    find_set,
    next_step_answer,
    parse_answers,
    question_key,
)
from journal.domain.schedule import (
    LOOK_AHEAD_DAYS,
    PromptState,
    Schedule,
    due_reminder,
    next_reminder,
    reflection_day,
)
from journal.domain.streaks import CATCH_UP_LIMIT, Streak, missed_days, streak
from journal.errors import InputError, NotFoundError
from journal.fileio import atomic_write

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Mapping, Sequence

    from journal.services.journal import Journal
    from journal.settings import Settings

PROMPT_KIND = "prompt"
ONE_DAY = dt.timedelta(days=1)
LOCALTIME = Path("/etc/localtime")


def local_zone() -> dt.tzinfo:
    """The machine's zone, read afresh: from $TZ or /etc/localtime, else today's offset.

    The fallback (Windows, or a POSIX rule in $TZ) is a fixed offset, right for today only;
    since the timer asks again on every tick, reminders still follow a change of clocks.
    """
    name = os.environ.get("TZ", "").removeprefix(":")
    try:
        if name.startswith("/"):
            with open(name, "rb") as fh:
                return ZoneInfo.from_file(fh, key=name)
        if name:
            return ZoneInfo(name)
        with LOCALTIME.open("rb") as fh:
            return ZoneInfo.from_file(fh, key="localtime")
    except (OSError, ValueError, ZoneInfoNotFoundError):
        zone = local_now().tzinfo
        assert zone is not None
        return zone


class PromptService:
    """The prompt's use cases over a journal and the current settings (replace `settings`
    when the user changes them)."""

    def __init__(
        self,
        journal: Journal,
        settings: Settings,
        *,
        clock: Callable[[], dt.datetime] = local_now,
        zone: Callable[[], dt.tzinfo] = local_zone,
        state_file: Path | None = None,
    ) -> None:
        self.journal = journal
        self.settings = settings
        self._state_file = state_file
        self._state = _load_state(state_file)
        self._clock = clock
        self._zone = zone

    @property
    def state(self) -> PromptState:
        """Reminded, snoozed and skipped days; saved in `state_file` (when given) on every
        change, so a restart neither asks again about a day already asked nor forgets a
        skip or a snooze."""
        return self._state

    @state.setter
    def state(self, value: PromptState) -> None:
        self._state = value
        if self._state_file is not None:
            try:
                data = json.dumps(value.to_json()).encode("utf-8")
                atomic_write(self._state_file, data)
            except OSError:
                pass  # the reminder still works this session; a restart may ask once more

    # -- configuration ---------------------------------------------------------------------

    @property
    def schedule(self) -> Schedule:
        """The reminder schedule from the settings (the default one if they are unusable)."""
        return Schedule.from_settings(self.settings.reminder_times, self.settings.day_boundary)

    def question_sets(self) -> list[QuestionSet]:
        """Every set to choose from: the built-in ones (or their edited versions), then custom."""
        return available_sets(self._custom_sets())

    def question_set(self) -> QuestionSet:
        """The set chosen in the settings (the default set when it no longer exists)."""
        return find_set(self.settings.question_set, self._custom_sets())

    def known_questions(self) -> tuple[str, ...]:
        """Every question of every set: what separates answers when reading any entry."""
        return all_questions(self.question_sets())

    def _custom_sets(self) -> list[QuestionSet]:
        return custom_sets(self.settings.custom_question_sets)

    # -- the clock -------------------------------------------------------------------------

    def now(self) -> dt.datetime:
        """The injected clock's time, in the current zone."""
        return self._clock().astimezone(self._zone())

    def today(self, now: dt.datetime | None = None) -> dt.date:
        """The reflection day of `now`: before the day boundary it is still yesterday."""
        return reflection_day(
            now if now is not None else self.now(), self.schedule.boundary, self._zone()
        )

    # -- entries ---------------------------------------------------------------------------

    def todays_prompt_entry(self, day: dt.date) -> Entry | None:
        """The newest reflection written for `day`, to add to; None if there is none."""
        found = self.journal.list_entries(
            EntryFilter(date_from=day, date_to=day, kind=PROMPT_KIND), limit=1
        )
        return found[0] if found else None

    def questions_for(self, entry: Entry | None) -> tuple[str, ...]:
        """The chosen set's questions, plus any other known question `entry` answers."""
        chosen = self.question_set().questions
        if entry is None:
            return chosen
        answered = parse_answers(entry.body, self.known_questions())
        keys = {question_key(q) for q in chosen}
        extra = [q for q in answered if q != FREE_TEXT and question_key(q) not in keys]
        return (*chosen, *extra)

    def answers_of(self, entry: Entry, questions: Sequence[str] | None = None) -> dict[str, str]:
        """`entry`'s answers by question (default `questions_for(entry)`), free text included."""
        return parse_answers(
            entry.body, self.questions_for(entry) if questions is None else questions
        )

    def save_answers(
        self,
        day: dt.date,
        questions: Sequence[str],
        answers: Mapping[str, str],
        tags: Sequence[str] = (),
        private: bool = False,
        entry_id: int | None = None,
        *,
        title: str = "",
    ) -> Entry:
        """Store the answers as one reflection for `day`; returns it as stored.

        With `entry_id`, that entry's text, tags and privacy are replaced (the answers should
        be its whole content, as `answers_of` gives it); if it was deleted meanwhile, a new
        entry is made instead, so nothing typed is lost. An empty reflection is an InputError.
        """
        body = compose(questions, answers)
        if not body.strip() and not title.strip():
            raise InputError(
                "the reflection is empty", "answer at least one question, or snooze with Esc"
            )
        if entry_id is not None:
            try:
                self.journal.get(entry_id)
            except NotFoundError:
                pass  # deleted while the prompt was open: keep the answers as a new entry
            else:
                changes: dict[str, object] = {
                    "body": body,
                    "tags": tuple(tags),
                    "private": private,
                    "day": day,
                }
                if title.strip():
                    changes["title"] = title.strip()
                return self.journal.edit(entry_id, **changes)
        return self.journal.add(
            body,
            title=title,
            tags=tuple(tags),
            private=private,
            day=day,
            created=self.now(),
            kind=PROMPT_KIND,
        )

    def previous_working_day(self, day: dt.date) -> dt.date:
        """The last working day before `day` (the day before, when none has a reminder)."""
        schedule = self.schedule
        for back in range(1, 8):
            candidate = day - back * ONE_DAY
            if schedule.is_working_day(candidate):
                return candidate
        return day - ONE_DAY

    def yesterdays_next_step(self, day: dt.date) -> str | None:
        """What the previous working day's reflection said would come next, for the
        "now what" loop; a reflection written since (on a weekend, say) counts too."""
        entries = self.journal.list_entries(
            EntryFilter(
                date_from=self.previous_working_day(day), date_to=day - ONE_DAY, kind=PROMPT_KIND
            ),
            limit=None,
        )
        questions = self.known_questions()
        for entry in entries:  # newest first
            answer = next_step_answer(entry.body, questions)
            if answer:
                return answer
        return None

    def written_days(self, start: dt.date | None, end: dt.date | None) -> set[dt.date]:
        """The days from `start` to `end` (None: open) that have a reflection.

        Any entry counts, not only those written in the prompt: a day the user already wrote
        about in the main window needs no reminder and keeps the streak.
        """
        return self.journal.entry_days(EntryFilter(date_from=start, date_to=end))

    # -- reminders -------------------------------------------------------------------------

    def check(self, now: dt.datetime | None = None) -> dt.date | None:
        """The day to remind of now, recorded as reminded; None when nothing is due."""
        now = now if now is not None else self.now()
        day = due_reminder(now, self.state, self.schedule, self._near_days(now), zone=self._zone())
        if day is not None:
            self.state = self.state.mark_fired(day)
        return day

    def next_reminder(self, now: dt.datetime | None = None) -> dt.datetime | None:
        """When `check` will next give a day (at or before `now`: due already); None: none."""
        now = now if now is not None else self.now()
        return next_reminder(
            now, self.state, self.schedule, self._near_days(now), zone=self._zone()
        )

    def snooze(
        self, delay: dt.timedelta, now: dt.datetime | None = None, day: dt.date | None = None
    ) -> dt.datetime:
        """Ask again about `day` (default today) after `delay`; returns when."""
        now = now if now is not None else self.now()
        self.state = self.state.snooze(day or self.today(now), now, delay)
        assert self.state.snoozed_until is not None
        return self.state.snoozed_until.astimezone(self._zone())

    def skip_today(self, now: dt.datetime | None = None) -> dt.date:
        """No more reminders today (nor a catch-up offer for it); returns the day skipped."""
        day = self.today(now)
        self.state = self.state.skip(day)
        return day

    def _near_days(self, now: dt.datetime) -> set[dt.date]:
        today = self.today(now)
        return self.written_days(today, today + LOOK_AHEAD_DAYS * ONE_DAY)

    # -- progress --------------------------------------------------------------------------

    def streak(self, now: dt.datetime | None = None) -> Streak:
        """The current and longest run of working days with a reflection."""
        today = self.today(now)
        return streak(today, self.written_days(None, today), self.schedule)

    def catch_up_days(
        self, now: dt.datetime | None = None, skipped: Collection[dt.date] = ()
    ) -> list[dt.date]:
        """Working days since the last reflection that have none (at most 5, oldest first)."""
        today = self.today(now)
        last = self.journal.list_entries(EntryFilter(date_to=today - ONE_DAY), limit=1)
        written = {last[0].day} if last else set()
        skip = {*skipped, *([self.state.skipped] if self.state.skipped else [])}
        return missed_days(today, written, self.schedule, CATCH_UP_LIMIT, skip)


def _load_state(path: Path | None) -> PromptState:
    if path is None:
        return PromptState()
    try:
        return PromptState.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return PromptState()

"""The prompt service against a real journal, with a fake clock and zone; and its settings."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest

from journal.domain.entry import NewEntry
from journal.domain.filters import EntryFilter
from journal.domain.prompts import DEFAULT_SET, FREE_TEXT, QuestionSet, compose
from journal.domain.schedule import SNOOZE_SHORT, Schedule
from journal.domain.streaks import Streak
from journal.errors import InputError
from journal.services.prompt import PromptService, local_zone
from journal.settings import Settings

if TYPE_CHECKING:
    from pathlib import Path

    from journal.services.journal import Journal

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
WORK, LEARN, NEXT = DEFAULT_SET.questions
# 2026-06-01 is a Monday.
MON, TUE, WED, THU, FRI = (dt.date(2026, 6, 1) + dt.timedelta(days=i) for i in range(5))


class FakeClock:
    """A clock and a zone the test moves by hand."""

    def __init__(self, stamp: str, zone: dt.tzinfo = BERLIN) -> None:
        self.zone = zone
        self.now = dt.datetime.fromisoformat(stamp).replace(tzinfo=zone)

    def set(self, stamp: str, zone: dt.tzinfo | None = None) -> None:
        self.zone = zone or self.zone
        self.now = dt.datetime.fromisoformat(stamp).replace(tzinfo=self.zone)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock("2026-06-03 17:45")  # Wednesday evening


@pytest.fixture
def service(journal: Journal, clock: FakeClock) -> PromptService:
    return PromptService(journal, Settings(), clock=clock, zone=lambda: clock.zone)


def reflect(journal: Journal, day: dt.date, answers: dict[str, str], kind: str = "prompt") -> None:
    created = dt.datetime.combine(day, dt.time(17, 40), tzinfo=BERLIN)
    journal.store.add(
        NewEntry(day=day, body=compose(DEFAULT_SET.questions, answers), created=created, kind=kind)
    )


def test_today_follows_the_day_boundary(service: PromptService, clock: FakeClock) -> None:
    assert service.today() == WED
    clock.set("2026-06-04 01:30")
    assert service.today() == WED
    assert service.today(dt.datetime(2026, 6, 4, 3, 0, tzinfo=BERLIN)) == THU
    service.settings.day_boundary = "00:00"
    assert service.today() == THU


def test_save_answers_creates_a_prompt_entry_for_the_day(
    service: PromptService, journal: Journal, clock: FakeClock
) -> None:
    clock.set("2026-06-04 01:30")  # after midnight: still Wednesday's reflection
    entry = service.save_answers(
        service.today(),
        DEFAULT_SET.questions,
        {WORK: "The prompt service.", LEARN: "", NEXT: "Tray icon."},
        tags=["daybook"],
        private=True,
    )
    assert entry.kind == "prompt" and entry.day == WED
    assert entry.created == clock.now and entry.private and entry.tags == ("daybook",)
    assert entry.body == (
        "## What did I work on?\n\nThe prompt service.\n\n"
        "## What will I do next, and what is worth sharing?\n\nTray icon."
    )
    assert service.todays_prompt_entry(WED) == journal.get(entry.id)
    assert service.todays_prompt_entry(THU) is None


def test_save_answers_refuses_an_empty_reflection(service: PromptService) -> None:
    with pytest.raises(InputError, match="empty"):
        service.save_answers(WED, DEFAULT_SET.questions, {WORK: "  \n"})


def test_adding_to_todays_entry_updates_it(service: PromptService, journal: Journal) -> None:
    first = service.save_answers(WED, DEFAULT_SET.questions, {WORK: "Morning: reviews."})
    opened = service.todays_prompt_entry(WED)
    assert opened is not None
    answers = service.answers_of(opened)
    answers[WORK] += "\nAfternoon: the exporter."
    answers[LEARN] = "Reviews first."
    again = service.save_answers(
        WED, service.questions_for(opened), answers, tags=["x"], entry_id=opened.id
    )
    assert again.id == first.id and again.kind == "prompt"
    assert service.answers_of(again) == {
        WORK: "Morning: reviews.\nAfternoon: the exporter.",
        LEARN: "Reviews first.",
    }
    assert again.tags == ("x",)
    assert len(journal.list_entries(EntryFilter())) == 1


def test_an_entry_deleted_while_the_prompt_was_open_becomes_a_new_one(
    service: PromptService, journal: Journal
) -> None:
    first = service.save_answers(WED, DEFAULT_SET.questions, {WORK: "One."})
    journal.delete(first.id)
    again = service.save_answers(WED, DEFAULT_SET.questions, {WORK: "Two."}, entry_id=first.id)
    assert again.id != first.id and again.body.endswith("Two.")


def test_the_newest_prompt_entry_of_the_day_and_only_prompt_entries(
    service: PromptService, journal: Journal, clock: FakeClock
) -> None:
    service.save_answers(WED, DEFAULT_SET.questions, {WORK: "first"})
    clock.set("2026-06-03 18:30")
    newer = service.save_answers(WED, DEFAULT_SET.questions, {WORK: "second"})
    reflect(journal, WED, {WORK: "a plain note"}, kind="note")
    found = service.todays_prompt_entry(WED)
    assert found is not None and found.id == newer.id


def test_text_outside_the_questions_is_kept_when_reopened(
    service: PromptService, journal: Journal
) -> None:
    entry = service.save_answers(WED, DEFAULT_SET.questions, {WORK: "Tests."})
    journal.edit(
        entry.id,
        body="Added in the editor.\n\n" + entry.body + "\n\n## What did I get done?\nA lot",
    )
    service.settings.question_set = "One line"
    opened = journal.get(entry.id)
    questions = service.questions_for(opened)
    assert questions == ("What did I get done?", WORK)
    answers = service.answers_of(opened)
    assert answers == {
        FREE_TEXT: "Added in the editor.",
        WORK: "Tests.",
        "What did I get done?": "A lot",
    }
    saved = service.save_answers(WED, questions, answers, entry_id=entry.id)
    assert service.answers_of(saved) == answers


def test_yesterdays_next_step(service: PromptService, journal: Journal) -> None:
    reflect(journal, TUE, {WORK: "x", NEXT: "Finish the scheduler."})
    assert service.yesterdays_next_step(WED) == "Finish the scheduler."
    assert service.yesterdays_next_step(TUE) is None
    assert service.yesterdays_next_step(FRI) is None  # Thursday has none


def test_yesterdays_next_step_on_monday_is_fridays(
    service: PromptService, journal: Journal
) -> None:
    reflect(journal, FRI, {NEXT: "Start the tray."})
    monday = FRI + dt.timedelta(days=3)
    assert service.yesterdays_next_step(monday) == "Start the tray."
    reflect(journal, FRI + dt.timedelta(days=1), {NEXT: "Weekend idea."})  # Saturday, newer
    assert service.yesterdays_next_step(monday) == "Weekend idea."


def test_yesterdays_next_step_of_a_custom_set(service: PromptService, journal: Journal) -> None:
    mine = QuestionSet("Mine", ("Done?", "Next up?"))
    service.settings.custom_question_sets = [mine.to_dict()]
    service.settings.question_set = "Mine"
    service.save_answers(TUE, mine.questions, {"Next up?": "Pairing."})
    assert service.question_set() == mine
    assert service.yesterdays_next_step(WED) == "Pairing."


def test_streak_and_catch_up(service: PromptService, journal: Journal, clock: FakeClock) -> None:
    assert service.streak() == Streak(0, 0)
    assert service.catch_up_days() == []  # nothing written ever: nothing to catch up
    reflect(journal, MON, {WORK: "m"})
    reflect(journal, TUE, {WORK: "t"})
    assert service.streak() == Streak(2, 2)
    clock.set("2026-06-05 18:00")  # Friday: Wednesday and Thursday were missed
    assert service.streak() == Streak(0, 2)
    assert service.catch_up_days() == [WED, THU]
    service.save_answers(WED, DEFAULT_SET.questions, {WORK: "caught up"})
    assert service.catch_up_days() == [THU]
    reflect(journal, THU, {WORK: "a plain note"}, kind="note")  # a note counts as written
    assert service.catch_up_days() == []
    assert service.streak() == Streak(4, 4)  # Mon-Thu; Friday is not over yet
    service.skip_today()
    assert service.catch_up_days(skipped=[THU]) == []


def test_check_reminds_once_and_not_for_a_written_day(
    service: PromptService, clock: FakeClock
) -> None:
    clock.set("2026-06-03 17:29")
    assert service.check() is None
    assert service.next_reminder() == dt.datetime(2026, 6, 3, 17, 30, tzinfo=BERLIN)
    clock.set("2026-06-03 17:30")
    assert service.check() == WED
    assert service.check() is None
    service.save_answers(WED, DEFAULT_SET.questions, {WORK: "done"})
    assert service.next_reminder() == dt.datetime(2026, 6, 4, 17, 30, tzinfo=BERLIN)
    clock.set("2026-06-04 17:35")
    service.save_answers(THU, DEFAULT_SET.questions, {WORK: "written before the reminder"})
    assert service.check() is None


def test_snooze_and_skip(service: PromptService, clock: FakeClock) -> None:
    clock.set("2026-06-03 17:30")
    assert service.check() == WED
    until = service.snooze(SNOOZE_SHORT)
    assert until == dt.datetime(2026, 6, 3, 17, 45, tzinfo=BERLIN)
    clock.set("2026-06-03 17:44")
    assert service.check() is None
    clock.set("2026-06-03 17:45")
    assert service.check() == WED
    assert service.skip_today() == WED
    clock.set("2026-06-03 23:00")
    assert service.check() is None
    clock.set("2026-06-04 17:30")
    assert service.check() == THU


def test_reminders_follow_a_change_of_zone(service: PromptService, clock: FakeClock) -> None:
    clock.set("2026-06-03 12:00")
    assert service.check() is None
    clock.set("2026-06-03 17:29", NEW_YORK)  # flew west: 17:30 comes round again there
    assert service.check() is None
    clock.set("2026-06-03 17:30", NEW_YORK)
    assert service.check() == WED


def test_settings_drive_the_schedule(service: PromptService, clock: FakeClock) -> None:
    service.settings.reminder_times = ["", "", "09:00", "", "", "", ""]
    assert service.schedule == Schedule.from_strings(service.settings.reminder_times, "03:00")
    clock.set("2026-06-03 09:00")
    assert service.check() == WED
    service.settings.reminder_times = ["bad"] * 7  # unusable: the default schedule
    assert service.schedule == Schedule()


def test_local_zone_reads_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    assert local_zone() == NEW_YORK
    monkeypatch.setenv("TZ", "Not/AZone")
    assert local_zone().utcoffset(None) is not None  # a fixed offset, never an error


# -- the prompt's settings ---------------------------------------------------------------------


def test_prompt_settings_defaults_and_round_trip(tmp_path: Path) -> None:
    s = Settings()
    assert s.reminder_times == ["17:30"] * 5 + ["", ""]
    assert s.day_boundary == "03:00" and s.question_set == "What? So what? Now what?"
    s.reminder_times[5] = "10:00"
    s.custom_question_sets = [QuestionSet("Retro", ("Keep?", "Drop?")).to_dict()]
    s.question_set = "Retro"
    s.save(tmp_path / "settings.json")
    assert Settings.load(tmp_path / "settings.json") == s
    assert Settings().reminder_times[5] == ""  # the default list is not shared


@pytest.mark.parametrize(
    ("raw", "field", "expected"),
    [
        ({"reminder_times": ["17:30"] * 3}, "reminder_times", ["17:30"] * 5 + ["", ""]),
        ({"reminder_times": "17:30"}, "reminder_times", ["17:30"] * 5 + ["", ""]),
        (
            {"reminder_times": ["9:00", "25:00", None, "", "18:00", "x", "10:00"]},
            "reminder_times",
            ["09:00", "17:30", "17:30", "", "18:00", "", "10:00"],
        ),
        ({"day_boundary": "3"}, "day_boundary", "03:00"),
        ({"day_boundary": ""}, "day_boundary", "00:00"),
        ({"day_boundary": "04:30"}, "day_boundary", "04:30"),
        ({"question_set": 3}, "question_set", "What? So what? Now what?"),
        ({"custom_question_sets": {"name": "x"}}, "custom_question_sets", []),
        (
            {
                "custom_question_sets": [
                    {"name": "A", "questions": ["Why?"]},
                    {"name": "", "questions": []},
                    {"name": "B", "questions": ["x", "X"]},
                    "junk",
                    {"name": "a", "questions": ["Duplicate name?"]},
                ]
            },
            "custom_question_sets",
            [{"name": "A", "questions": ["Why?"]}],
        ),
    ],
)
def test_bad_prompt_settings_reset(
    tmp_path: Path, raw: dict[str, object], field: str, expected: object
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "dark", **raw}), encoding="utf-8")
    loaded = Settings.load(path)
    assert getattr(loaded, field) == expected
    assert loaded.theme == "dark"  # the other values survive


def test_reminded_snoozed_and_skipped_days_survive_a_restart(
    journal: Journal, clock: FakeClock, tmp_path: Path
) -> None:
    state = tmp_path / "prompt-state.json"

    def start() -> PromptService:
        return PromptService(
            journal, Settings(), clock=clock, zone=lambda: clock.zone, state_file=state
        )

    clock.set("2026-06-03 17:30")
    assert start().check() == WED
    assert start().check() is None  # a restart does not ask again about Wednesday
    clock.set("2026-06-03 17:40")
    until = start().snooze(dt.timedelta(minutes=15))
    again = start()
    assert again.state.snoozed_until is not None
    assert again.next_reminder() == until
    again.skip_today()
    clock.set("2026-06-03 18:00")
    assert start().check() is None  # the skip was remembered
    state.write_text("{not json", encoding="utf-8")
    assert start().state == start().state.__class__()  # a damaged file: a fresh state

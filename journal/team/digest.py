"""Team week notes: what everyone learned in a week, grouped by person.

The answers are found as in the personal digest (`learned_sections`: the text under
headings containing "learn"), from the team copies, which are already filtered.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from journal.rendering.export import (
    WEEKDAYS,
    close_blocks,
    escape_inline,
    learned_sections,
    shift_headings,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from journal.team.store import SharedEntry


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The Monday and the Sunday of `day`'s week."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def week_notes(url: str, day: dt.date) -> tuple[dt.date, str | None]:
    """The week notes of the week holding `day`, read from the team at `url`, and the
    week's Monday (see `team_digest`)."""
    from journal.team.store import TeamStore

    monday, sunday = week_of(day)
    with TeamStore(url) as store:
        found = store.entries(date_from=monday, date_to=sunday)
    return monday, team_digest(found, monday)


def team_digest(entries: Sequence[SharedEntry], monday: dt.date) -> str | None:
    """Markdown week notes: a heading per person (by role, sorted), then per day, over
    their "learn" answers; None when nobody wrote any."""
    by_author: dict[str, dict[dt.date, list[str]]] = {}
    for entry in sorted(entries, key=lambda e: (e.author, e.day, e.shared_at)):
        for answer in learned_sections(entry.body):
            by_author.setdefault(entry.author, {}).setdefault(entry.day, []).append(answer)
    if not by_author:
        return None
    sunday = monday + dt.timedelta(days=6)
    out = [f"# Team week notes: what we learned, {monday} to {sunday}\n"]
    for author, days in by_author.items():
        out.append(f"## {escape_inline(author)}\n")
        for day, answers in days.items():
            text = "\n\n".join(close_blocks(shift_headings(a, 4)) for a in answers)
            out.append(f"### {WEEKDAYS[day.weekday()]} {day.isoformat()}\n\n{text.strip()}\n")
    return "\n".join(out)

"""What the export dialog's choices mean, without Qt: date-range presets, the tag field,
and the `ExportOptions` its fields stand for (so they can be tested without a widget)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from journal.domain.filters import EntryFilter
from journal.services.export import ExportOptions

if TYPE_CHECKING:
    from collections.abc import Sequence

    from journal.services.export_formats import Format

PRESETS = ("today", "this_week", "last_week", "this_month", "all", "custom")
# The export dialog's format choices: (key, label, file format, week notes). Labels are
# translated where they are shown.
DIALOG_FORMATS: tuple[tuple[str, str, Format, bool], ...] = (
    ("markdown", "Markdown", "markdown", False),
    ("html", "HTML page", "html", False),
    ("digest_markdown", "Week notes (Markdown)", "markdown", True),
    ("digest_html", "Week notes (HTML)", "html", True),
    ("pdf", "PDF document", "pdf", False),
)
FORMAT_KEYS = tuple(key for key, *_ in DIALOG_FORMATS)
_TAG_SPLIT = re.compile(r"[,\s]+")


def preset_range(
    preset: str, today: dt.date, week_start: int = 0
) -> tuple[dt.date | None, dt.date | None]:
    """The days a preset covers (both ends included); (None, None) for all entries.

    `week_start` is the first day of the week as Python counts (0 Monday ... 6 Sunday).
    """
    if preset == "today":
        return today, today
    if preset in ("this_week", "last_week"):
        start = today - dt.timedelta(days=(today.weekday() - week_start) % 7)
        if preset == "last_week":
            start -= dt.timedelta(days=7)
        return start, start + dt.timedelta(days=6)
    if preset == "this_month":
        first = today.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return first, following - dt.timedelta(days=1)
    if preset == "all":
        return None, None
    raise ValueError(f"no date range for preset {preset!r}")


def parse_tags(text: str) -> tuple[str, ...]:
    """'#work, learning' -> ('work', 'learning'), without duplicates."""
    tags = (t.lstrip("#") for t in _TAG_SPLIT.split(text))
    return tuple(dict.fromkeys(t for t in tags if t))


def build_options(
    format_key: str,
    *,
    ids: Sequence[int] = (),
    days: tuple[dt.date | None, dt.date | None] = (None, None),
    tags: str = "",
    search: str = "",
    include_private: bool = False,
    front_matter: bool = False,
    split: bool = False,
    page_per_entry: bool = False,
) -> ExportOptions:
    """The options for one of `FORMAT_KEYS` and the dialog's fields as typed.

    With `ids` (a fixed selection) the days, tags and search do not apply; front matter and
    one file per entry are for plain Markdown only, a page per entry for PDF only.
    """
    _key, _label, file_format, digest = next(f for f in DIALOG_FORMATS if f[0] == format_key)
    markdown = file_format == "markdown" and not digest
    if ids:
        filters = EntryFilter()
    else:
        start, end = days
        filters = EntryFilter(date_from=start, date_to=end, tags=parse_tags(tags))
    search = search.strip()
    return ExportOptions(
        format=file_format,
        filters=filters,
        ids=tuple(ids),
        search=search if search and not ids else None,
        include_private=include_private,
        digest=digest,
        front_matter=markdown and front_matter,
        split=markdown and split,
        page_per_entry=file_format == "pdf" and page_per_entry,
    )

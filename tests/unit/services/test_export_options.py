"""The export dialog's choices without Qt: date-range presets, the tag field, the options."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.domain.filters import EntryFilter
from journal.services.export import ExportOptions
from journal.services.export_options import build_options, parse_tags, preset_range

TODAY = dt.date(2026, 11, 20)  # a Friday


def test_presets_cover_the_right_days() -> None:
    d = dt.date
    assert preset_range("today", TODAY) == (TODAY, TODAY)
    assert preset_range("this_week", TODAY) == (d(2026, 11, 16), d(2026, 11, 22))
    assert preset_range("last_week", TODAY) == (d(2026, 11, 9), d(2026, 11, 15))
    assert preset_range("this_month", TODAY) == (d(2026, 11, 1), d(2026, 11, 30))
    assert preset_range("all", TODAY) == (None, None)
    # Weeks that start on Sunday; a Monday is its own week's first day; months' ends.
    assert preset_range("this_week", TODAY, week_start=6) == (d(2026, 11, 15), d(2026, 11, 21))
    assert preset_range("this_week", d(2026, 11, 16)) == (d(2026, 11, 16), d(2026, 11, 22))
    assert preset_range("last_week", d(2027, 1, 2)) == (d(2026, 12, 21), d(2026, 12, 27))
    assert preset_range("this_month", d(2028, 2, 10)) == (d(2028, 2, 1), d(2028, 2, 29))
    assert preset_range("this_month", d(2026, 12, 31)) == (d(2026, 12, 1), d(2026, 12, 31))
    with pytest.raises(ValueError, match="no date range for preset 'custom'"):
        preset_range("custom", TODAY)
    assert parse_tags("#work, learning  work,") == ("work", "learning")


def test_options_follow_the_fields() -> None:
    week = (dt.date(2026, 11, 16), dt.date(2026, 11, 22))
    assert build_options(
        "markdown", days=week, tags="#ci, learning", search="  flaky  ", front_matter=True
    ) == ExportOptions(
        format="markdown",
        filters=EntryFilter(date_from=week[0], date_to=week[1], tags=("ci", "learning")),
        search="flaky",
        front_matter=True,
    )
    digest = build_options("digest_html", days=(None, None), search=" ", split=True)
    assert (digest.format, digest.digest, digest.search, digest.split) == (
        "html",
        True,
        None,
        False,
    )
    assert digest.filters == EntryFilter()


def test_a_fixed_selection_ignores_the_filters() -> None:
    chosen = build_options(
        "markdown", ids=[3, 1], days=(TODAY, TODAY), tags="ci", search="x", include_private=True
    )
    assert chosen == ExportOptions(ids=(3, 1), include_private=True)
    html = build_options("html", ids=[3], front_matter=True, split=True)
    assert (html.format, html.front_matter, html.split) == ("html", False, False)

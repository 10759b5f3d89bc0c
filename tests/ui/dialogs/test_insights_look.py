"""How Insights looks and reads: the Week Review rendered without private text, its empty
state, the tiles, the Tag Trends axis, colours and hover text, the heatmap in the dark."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING, Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QMouseEvent, QPalette, QTextLength, QTextTable
from PySide6.QtWidgets import QApplication

from journal.domain.entry import Entry, NewEntry
from journal.domain.prompts import DEFAULT_SET, compose
from journal.domain.stats import MonthTags, ReviewItem
from journal.errors import DaybookError
from journal.services.insights import InsightsService
from journal.settings import Settings
from journal.ui.common.theme import contrast, make_palette
from journal.ui.dialogs.charts import OKABE_ITO, TagTrendChart, YearHeatmap, axis_ticks
from journal.ui.dialogs.insights import InsightsDialog, day_label

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from journal.services.journal import Journal

NOW = dt.datetime(2026, 6, 3, 20, 0).astimezone()  # a Wednesday
MON, TUE = dt.date(2026, 6, 1), dt.date(2026, 6, 2)
W, L, N = DEFAULT_SET.questions
SECRET = "SECRETWORD"
FENCES = ["```private", "~~~ private", "```{.private}", "````private notes", "> ```private"]


def make_dialog(qtbot: QtBot, journal: Journal) -> InsightsDialog:
    dlg = InsightsDialog(InsightsService(journal, Settings(), clock=lambda: NOW))
    qtbot.addWidget(dlg)
    dlg.resize(960, 560)
    dlg.show()
    return dlg


def item(learned: str | None, next_step: str | None = None, day: dt.date = TUE) -> ReviewItem:
    created = dt.datetime.combine(day, dt.time(18)).astimezone()
    entry = Entry(
        id=1, uid="u1", day=day, title="", body="x", tags=(), private=False,
        created=created, updated=created,
    )  # fmt: skip
    return ReviewItem(entry, learned, next_step)


# -- Week Review ------------------------------------------------------------------------------


def test_the_week_review_renders_the_answers_and_withholds_private_blocks(
    qtbot: QtBot, journal: Journal
) -> None:
    learned = f"caching **helps**\n\n```private\n{SECRET} salary talk\n```\n\nand `code`"
    body = compose(DEFAULT_SET.questions, {W: "CI", L: learned, N: "- write it up"})
    journal.store.add_many([NewEntry(day=TUE, body=body)])
    dlg = make_dialog(qtbot, journal)
    dlg.tabs.setCurrentIndex(3)
    html = dlg.week_html(dlg._week_items)
    shown = dlg.week_view.toPlainText()
    assert SECRET not in html and SECRET not in shown
    assert "```" not in html and "**" not in shown  # no raw Markdown, no fence
    assert "<strong>helps</strong>" in html and "Private · not shown in the review" in shown
    assert dlg.week_stack.currentWidget() is dlg.week_view


@settings(max_examples=60, deadline=None)
@given(
    fence=st.sampled_from(FENCES),
    before=st.sampled_from(["", "plain words", "- a list item", "> a quote", "# heading"]),
    closed=st.booleans(),
    where=st.sampled_from(["learned", "next"]),
)
def test_no_private_text_reaches_the_week_review(
    qapp: QApplication, fence: str, before: str, closed: bool, where: str
) -> None:
    quote = "> " if fence.startswith(">") else ""
    close = f"\n{quote}{fence.lstrip('> ')[:3]}" if closed else ""
    text = f"{before}\n\n{fence}\n{quote}{SECRET} one\n{quote}\n{quote}{SECRET} two{close}\n\nafter"
    dlg = InsightsDialog(cast(InsightsService, NoFigures()))  # a stand-in: see NoFigures
    answers = (text, "next") if where == "learned" else ("learned", text)
    html = dlg.week_html([item(*answers)])
    dlg.deleteLater()
    assert SECRET not in html
    assert "private" not in html.replace("private-block", "").replace("Private ·", "")


class NoFigures:
    """An insights service with nothing to tell: only the dialog's rendering is tested."""

    def today(self) -> dt.date:
        return TUE

    def __getattr__(self, name: str) -> Any:
        def fail(*_args: Any, **_kwargs: Any) -> Any:
            raise DaybookError("no journal here", "none needed")

        return fail


def test_the_week_review_columns_are_balanced_and_days_open(qtbot: QtBot, journal: Journal) -> None:
    long = "a long answer that goes on " * 20
    bodies = [
        compose(DEFAULT_SET.questions, {W: "w", L: long, N: "short"}),
        compose(DEFAULT_SET.questions, {W: "w", L: "short", N: long}),
    ]
    days = (MON, TUE)
    journal.store.add_many([NewEntry(day=d, body=b) for d, b in zip(days, bodies, strict=True)])
    dlg = make_dialog(qtbot, journal)
    dlg.tabs.setCurrentIndex(3)
    frame = dlg.week_view.document().rootFrame()
    tables = [f for f in frame.childFrames() if isinstance(f, QTextTable)]
    assert len(tables) == 1
    widths = tables[0].format().columnWidthConstraints()
    assert widths[1] == widths[2] and widths[1].type() == QTextLength.Type.PercentageLength
    assert widths[0].type() == QTextLength.Type.FixedLength
    assert widths[0].rawValue() < dlg.week_view.viewport().width() / 4
    assert dlg.week_view.horizontalScrollBar().maximum() == 0
    with qtbot.waitSignal(dlg.dayRequested) as blocker:
        dlg.week_view.anchorClicked.emit(QUrl(f"day:{MON.isoformat()}"))
    assert blocker.args == [MON]
    with qtbot.assertNotEmitted(dlg.dayRequested):
        dlg.week_view.anchorClicked.emit(QUrl("day:not-a-day"))
        dlg.week_view.anchorClicked.emit(QUrl("https://example.org"))


def test_an_empty_week_says_so_and_what_to_do(qtbot: QtBot, journal: Journal) -> None:
    journal.store.add_many([NewEntry(day=TUE, body="this week")])
    dlg = make_dialog(qtbot, journal)
    dlg.tabs.setCurrentIndex(3)
    assert dlg.week_stack.currentWidget() is dlg.week_view
    dlg.prev_week.click()
    assert dlg.week_stack.currentWidget() is dlg.week_empty
    assert dlg.week_empty.isVisible() and not dlg.week_view.isVisible()
    text = dlg.week_empty.text()
    assert "No reflections this week" in text and "Ctrl+R" in text
    assert not dlg.week_notes_button.isEnabled()
    dlg.next_week.click()
    assert dlg.week_stack.currentWidget() is dlg.week_view


# -- the Year page ----------------------------------------------------------------------------


def test_the_figures_sit_in_a_row_of_tiles_above_the_heatmap(
    qtbot: QtBot, journal: Journal
) -> None:
    journal.store.add_many([NewEntry(day=TUE, body="one two three", tags=("ci",))])
    dlg = make_dialog(qtbot, journal)
    tiles = [dlg.entries_label, dlg.words_label, dlg.current_label, dlg.longest_label]
    tops = {t.mapTo(dlg, QPoint(0, 0)).y() for t in tiles}
    lefts = [t.mapTo(dlg, QPoint(0, 0)).x() for t in tiles]
    assert len(tops) == 1 and lefts == sorted(lefts) and len(set(lefts)) == 4
    tags_top = dlg.tags_label.mapTo(dlg, QPoint(0, 0)).y()
    heatmap_top = dlg.heatmap.mapTo(dlg, QPoint(0, 0)).y()
    assert min(tops) < tags_top < heatmap_top


@pytest.mark.parametrize("dark", [False, True])
def test_one_entry_days_stand_out_in_light_and_dark(qtbot: QtBot, dark: bool) -> None:
    heatmap = YearHeatmap()
    qtbot.addWidget(heatmap)
    heatmap.setPalette(make_palette(dark))
    empty = heatmap.shade(0)
    steps = [contrast(heatmap.shade(n), empty) for n in range(1, 5)]
    assert steps[0] >= 1.5, steps  # a single entry is plainly there
    assert steps == sorted(steps) and len(set(steps)) == 4  # more entries, more contrast
    assert steps[-1] >= 3.0
    base = heatmap.palette().color(QPalette.ColorRole.Base)
    assert heatmap.autoFillBackground() and heatmap.backgroundRole() == QPalette.ColorRole.Base
    assert contrast(heatmap.shade(1), base) >= 1.5


# -- Tag Trends -------------------------------------------------------------------------------

TAGS = ["rust", "ci", "design", "review", "docs", "perf", "oncall", "infra"]


def chart_with(qtbot: QtBot, dark: bool = False) -> TagTrendChart:
    chart = TagTrendChart()
    qtbot.addWidget(chart)
    chart.setPalette(make_palette(dark))
    trends = [
        MonthTags("2026-05", tuple((t, 12 - i) for i, t in enumerate(TAGS[:4]))),
        MonthTags("2026-06", tuple((t, 1 + i) for i, t in enumerate(TAGS[4:]))),
    ]
    chart.set_trends(trends)
    chart.resize(600, 240)
    chart.show()
    return chart


@pytest.mark.parametrize("dark", [False, True])
def test_tag_colours_are_colour_blind_safe_and_stand_out(qtbot: QtBot, dark: bool) -> None:
    chart = chart_with(qtbot, dark)
    ground = chart.palette().color(QPalette.ColorRole.Base)
    colours = [chart.colour(t) for t in TAGS]
    for tag, colour in zip(TAGS, colours, strict=True):
        assert contrast(colour, ground) >= 3.0, (dark, tag, colour.name())
    assert len({c.name() for c in colours}) == len(TAGS)
    # Each is an Okabe-Ito hue (or the neutral grey), moved in lightness only.
    for colour, reference in zip(chart.palette_colours()[:7], OKABE_ITO, strict=True):
        assert abs(colour.hslHue() - QColor(reference).hslHue()) <= 8


def test_hovering_a_bar_tells_its_tag_month_and_count(qtbot: QtBot) -> None:
    chart = chart_with(qtbot)
    rect, _tag, month, n = next(b for b in chart.bars() if b[1] == "docs")
    assert (month, n) == ("2026-06", 1)
    centre = rect.center()
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        centre,
        chart.mapToGlobal(centre),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(chart, move)
    assert chart.toolTip() == "#docs in June 2026: 1 entry"
    assert chart.cursor().shape() == Qt.CursorShape.PointingHandCursor
    QApplication.sendEvent(
        chart,
        QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(2, 2),
            chart.mapToGlobal(QPointF(2, 2)),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    )
    assert chart.toolTip() == ""


def test_the_count_axis_holds_every_bar(qtbot: QtBot) -> None:
    chart = chart_with(qtbot)
    assert chart.ticks() == [0, 5, 10, 15]
    plot = chart.plot_rect()
    for rect, _tag, _month, n in chart.bars():
        assert plot.contains(rect.center()) and rect.bottom() == pytest.approx(plot.bottom())
        assert rect.height() == pytest.approx(max(2.0, plot.height() * n / 15))
    # The axis labels have room left of the plot, whatever their width.
    chart.set_trends([MonthTags("2026-06", (("ci", 12_345),))])
    assert chart.ticks()[-1] >= 12_345
    assert chart.plot_rect().left() > chart.fontMetrics().horizontalAdvance("15,000")


@given(st.integers(1, 10**7))
def test_axis_ticks_are_round_and_cover_the_peak(peak: int) -> None:
    ticks = axis_ticks(peak)
    step = ticks[1]
    assert ticks[0] == 0 and ticks[-1] >= peak > ticks[-2]
    assert 2 <= len(ticks) <= 6
    assert all(b - a == step for a, b in itertools.pairwise(ticks))
    assert str(step).strip("0") in ("1", "2", "5")


def test_tags_past_the_seventh_share_the_neutral_grey(qtbot: QtBot) -> None:
    chart = TagTrendChart()
    qtbot.addWidget(chart)
    many = [f"t{i}" for i in range(10)]
    chart.set_trends([MonthTags("2026-06", tuple((t, 20 - i) for i, t in enumerate(many)))])
    colours = [chart.colour(t).name() for t in chart.tags]
    grey = chart.palette_colours()[-1].name()
    assert len(set(colours[:7])) == 7 and grey not in colours[:7]
    assert set(colours[7:]) == {grey}  # never a hue used twice for two tags


def test_the_week_review_reads_an_entry_written_by_hand(qtbot: Any, journal: Any) -> None:
    """No prompt headings, its own "## What I learned" / "## What next": both columns
    filled, no dashes (seen empty on the README's own screenshot journal)."""
    body = (
        "Chased the flaky test.\n\n## What I learned\nClocks need one source.\n\n"
        "## What next\n- Grep the fixtures\n"
    )
    journal.store.add_many([NewEntry(day=TUE, body=body, title="Flaky test")])
    dlg = make_dialog(qtbot, journal)
    shown = dlg.week_view.toPlainText()
    assert "Clocks need one source." in shown and "Grep the fixtures" in shown
    assert "—" not in shown


@pytest.mark.parametrize("points", [10, 16, 22])
def test_a_narrow_week_review_keeps_each_day_on_one_line(
    qtbot: QtBot, journal: Journal, points: int
) -> None:
    """At the dialog's narrowest, in a large font, "Wed 3" is never broken over two lines;
    the entry's title under it may wrap."""
    journal.store.add_many(
        [NewEntry(day=d, body=f"# A title long enough to wrap {d}\n\nx") for d in (MON, TUE)]
    )
    dlg = make_dialog(qtbot, journal)
    font = dlg.week_view.font()
    font.setPointSize(points)
    dlg.week_view.setFont(font)
    dlg.tabs.setCurrentIndex(3)
    dlg.resize(dlg.minimumSizeHint().width(), 560)
    dlg.show_week(TUE)
    qtbot.wait(10)
    frame = dlg.week_view.document().rootFrame()
    table = next(f for f in frame.childFrames() if isinstance(f, QTextTable))
    for row, day in ((1, MON), (2, TUE)):
        block = table.cellAt(row, 0).firstCursorPosition().block()
        first_line = block.layout().lineAt(0)
        shown = block.text()[
            first_line.textStart() : first_line.textStart() + first_line.textLength()
        ]
        assert shown.replace("\xa0", " ").strip().startswith(day_label(day)), (points, shown)

"""The timeline: entries newest first under month headings, loaded a page at a time.

`TimelineModel` reads the journal with keyset paging (`canFetchMore`/`fetchMore`), so a
100,000-entry journal opens after one small query. The same model shows search hits (with
their highlighted snippets) when `show_hits` is called; `show_listing` goes back.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import sys
from dataclasses import dataclass, replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from journal.domain.entry import MARK_END, MARK_START, Entry, SearchHit
from journal.domain.filters import EntryFilter, cursor_of, excerpt
from journal.services.journal import Journal

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, as a default argument


class Roles(IntEnum):
    ENTRY = Qt.ItemDataRole.UserRole + 1  # Entry, or None on a heading
    KIND = Qt.ItemDataRole.UserRole + 2  # "month" or "entry"
    SNIPPET = Qt.ItemDataRole.UserRole + 3  # excerpt, with MARK_START/MARK_END in search hits
    ENTRY_ID = Qt.ItemDataRole.UserRole + 4
    DAY = Qt.ItemDataRole.UserRole + 5


@dataclass(frozen=True, slots=True)
class Row:
    kind: str  # "month" | "entry"
    month: dt.date  # first day of the month
    entry: Entry | None = None
    snippet: str = ""


def paint_lock(painter: QPainter, rect: QRect, color: QColor) -> None:
    """A small padlock drawn with the painter (emoji fonts are not everywhere)."""
    side = min(rect.width(), rect.height())
    x = rect.left() + (rect.width() - side) / 2
    y = rect.top() + (rect.height() - side) / 2
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color, max(1.2, side / 9))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawArc(QRectF(x + side * 0.28, y + side * 0.08, side * 0.44, side * 0.52), 0, 180 * 16)
    painter.drawLine(
        QPointF(x + side * 0.28, y + side * 0.34), QPointF(x + side * 0.28, y + side * 0.45)
    )
    painter.drawLine(
        QPointF(x + side * 0.72, y + side * 0.34), QPointF(x + side * 0.72, y + side * 0.45)
    )
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(QRectF(x + side * 0.16, y + side * 0.44, side * 0.68, side * 0.5), 2, 2)
    painter.restore()


def lock_pixmap(color: QColor, side: int, ratio: float = 1.0) -> QPixmap:
    pixmap = QPixmap(int(side * ratio), int(side * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_lock(painter, QRect(0, 0, side, side), color)
    painter.end()
    return pixmap


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")


def preview(body: str, length: int = 200) -> str:
    """The body as one line of plain prose: no headings, Markdown marks or link targets."""
    lines = [ln for ln in body.splitlines() if not ln.lstrip().startswith("#")]
    text = _EMPHASIS.sub("", _LINK.sub(r"\1", "\n".join(lines)))
    return excerpt(text, length)


def clean_snippet(snippet: str, lead_words: int = 6) -> str:
    """A search snippet on one line without Markdown marks, its first match near the start."""
    lines = (ln.strip().lstrip("#>-*").strip() for ln in snippet.splitlines())
    text = " ".join(_EMPHASIS.sub("", _LINK.sub(r"\1", " ".join(ln for ln in lines if ln))).split())
    start = text.find(MARK_START)
    if start > 60:
        before = text[:start].split()
        text = "…" + " ".join(before[-lead_words:]) + " " + text[start:]
    return text


def month_name(day: dt.date) -> str:
    return day.strftime("%B %Y")


def _group(entries: list[Entry], snippets: dict[int, str], last_month: dt.date | None) -> list[Row]:
    rows: list[Row] = []
    for entry in entries:
        month = entry.day.replace(day=1)
        if month != last_month:
            rows.append(Row("month", month))
            last_month = month
        snippet = snippets.get(entry.id, "")
        text = clean_snippet(snippet) if MARK_START in snippet else preview(entry.body)
        rows.append(Row("entry", month, entry, text))
    return rows


class TimelineModel(QAbstractListModel):
    """Month headings and entries; pages of `page_size` entries are fetched on demand."""

    loadFailed = Signal(object)  # DaybookError from the store while fetching a page

    def __init__(
        self,
        journal: Journal,
        filters: EntryFilter = EntryFilter(),
        page_size: int = 200,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._filters = filters
        self.page_size = page_size
        self._rows: list[Row] = []
        self._entries = 0  # entries (not headings) among the rows
        self._more = True
        self._searching = False
        self.fetch_count = 0  # pages read from the store, for tests and benchmarks

    # -- what is shown -------------------------------------------------------------------

    @property
    def searching(self) -> bool:
        return self._searching

    @property
    def filters(self) -> EntryFilter:
        return self._filters

    def entry_count(self) -> int:
        return self._entries

    def set_filters(self, filters: EntryFilter) -> None:
        self._filters = filters
        self.show_listing()

    def show_listing(self, at_least: int = 0) -> None:
        """Back to the journal's listing, reading again from the newest entry.

        `at_least` entries are read in one go (to keep a long-scrolled list in place).
        """
        self.beginResetModel()
        self._searching = False
        self._rows, self._entries, self._more = [], 0, True
        self.endResetModel()
        self._fetch(max(self.page_size, at_least))

    def reload(self) -> None:
        """Read the listing again, keeping as many entries loaded as before."""
        if not self._searching:
            self.show_listing(at_least=self._entries)

    def show_hits(self, hits: list[SearchHit]) -> None:
        """Show search results instead of the listing (no paging: hits are all given)."""
        self.beginResetModel()
        self._searching = True
        self._more = False
        entries = [h.entry for h in hits]
        self._rows = _group(entries, {h.entry.id: h.snippet for h in hits}, None)
        self._entries = len(entries)
        self.endResetModel()

    def load_through(self, day: dt.date) -> None:
        """Fetch pages until the entries of `day` (or older ones) are loaded."""
        if self._searching:
            return
        needed = self._journal.count(replace(self._filters, date_from=day)) + 1
        while self._more and self._entries < needed:
            self._fetch(needed - self._entries + self.page_size)

    # -- finding rows --------------------------------------------------------------------

    def entry_at(self, row: int) -> Entry | None:
        return self._rows[row].entry if 0 <= row < len(self._rows) else None

    def row_of(self, entry_id: int) -> int:
        for i, row in enumerate(self._rows):
            if row.entry is not None and row.entry.id == entry_id:
                return i
        return -1

    def row_of_day(self, day: dt.date) -> int:
        """The first row on `day`, else the newest row before it; -1 if none is loaded."""
        for i, row in enumerate(self._rows):
            if row.entry is not None and row.entry.day <= day:
                return i
        return -1

    def is_heading(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self._rows[row].kind == "month"

    def update_entry(self, entry: Entry) -> bool:
        """Show a changed entry in place; False when it is not here or its day moved."""
        row = self.row_of(entry.id)
        if row < 0 or self._rows[row].month != entry.day.replace(day=1):
            return False
        old = self._rows[row]
        if old.entry is not None and old.entry.day != entry.day:
            return False
        snippet = old.snippet if self._searching else preview(entry.body)
        self._rows[row] = Row("entry", old.month, entry, snippet)
        index = self.index(row)
        self.dataChanged.emit(index, index)
        return True

    def remove_entry(self, entry_id: int) -> None:
        """Take an entry out (deleted), with its month heading if it was the last one."""
        row = self.row_of(entry_id)
        if row < 0:
            return
        first, last = row, row
        heading_alone = self.is_heading(row - 1) and (
            row + 1 >= len(self._rows) or self.is_heading(row + 1)
        )
        if heading_alone:
            first = row - 1
        self.beginRemoveRows(QModelIndex(), first, last)
        del self._rows[first : last + 1]
        self._entries -= 1
        self.endRemoveRows()

    # -- Qt model interface --------------------------------------------------------------

    @override
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    @override
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].kind == "month":
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        entry = row.entry
        if role == Qt.ItemDataRole.DisplayRole:
            if entry is None:
                return month_name(row.month)
            return entry.display_title or self.tr("(untitled)")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if entry is None:
                return month_name(row.month)
            parts = [entry.day.strftime("%A %d %B %Y"), entry.display_title]
            if entry.private:
                parts.append(self.tr("private"))
            if entry.tags:
                parts.append(self.tr("tags: {0}").format(", ".join(entry.tags)))
            return ", ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.ToolTipRole and entry is not None:
            return entry.day.strftime("%A %d %B %Y")
        if role == Roles.ENTRY:
            return entry
        if role == Roles.KIND:
            return row.kind
        if role == Roles.SNIPPET:
            return row.snippet
        if role == Roles.ENTRY_ID:
            return entry.id if entry is not None else None
        if role == Roles.DAY:
            return entry.day if entry is not None else row.month
        return None

    @override
    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and self._more

    @override
    def fetchMore(self, parent: Index = _ROOT) -> None:
        if not parent.isValid() and self._more:
            self._fetch(self.page_size)

    def _fetch(self, limit: int) -> None:
        from journal.errors import DaybookError

        last = self._last_entry()
        after = cursor_of(last) if last is not None else None
        try:
            batch = self._journal.list_entries(self._filters, limit=limit, after=after)
        except DaybookError as exc:
            self._more = False
            self.loadFailed.emit(exc)
            return
        self.fetch_count += 1
        self._more = len(batch) == limit
        if not batch:
            return
        rows = _group(batch, {}, last.day.replace(day=1) if last is not None else None)
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self._entries += len(batch)
        self.endInsertRows()

    def _last_entry(self) -> Entry | None:
        for row in reversed(self._rows):
            if row.entry is not None:
                return row.entry
        return None


def entry_of(index: Index) -> Entry | None:
    """The entry at `index`, asked of the model directly.

    Not `index.data(Roles.ENTRY)`: in PySide6 6.12 each `index.data()` call that finds no
    value (a heading has no entry) drops a reference to Python's None, and enough of them
    crash the interpreter ("deallocating None"). Every read here returns a real value.
    """
    model = index.model()
    if not index.isValid() or not isinstance(model, TimelineModel):
        return None
    return model.entry_at(index.row())


class TimelineView(QListView):
    """The list: keyboard moves between entries (headings are skipped), Enter edits.

    Single selection unless the owner sets another mode; `selected_entries` reads it.
    """

    editRequested = Signal(object)  # Entry

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(False)
        self.setMouseTracking(True)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self.setItemDelegate(TimelineDelegate(self))
        self.doubleClicked.connect(self._edit_index)

    def current_entry(self) -> Entry | None:
        return entry_of(self.currentIndex())

    def selected_entries(self) -> list[Entry]:
        """The selected entries in timeline order (headings are never selectable).

        The main window turns on ExtendedSelection (Shift/Ctrl-click, Shift+arrows,
        Ctrl+A) so several entries can be exported at once; the Trash keeps one.
        """
        selection = self.selectionModel()
        if selection is None:
            return []
        rows = sorted({index.row() for index in selection.selectedIndexes()})
        model = self.model()
        found = (entry_of(model.index(row, 0)) for row in rows)
        return [entry for entry in found if entry is not None]

    def select_row(self, row: int) -> None:
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return
        if model.index(row, 0).data(Roles.KIND) == "month":
            row = self._step(row, 1)
        if row >= 0:
            index = model.index(row, 0)
            self.setCurrentIndex(index)
            self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
            if row == 1:  # the first entry: show its month heading too
                self.scrollToTop()

    def _edit_index(self, index: QModelIndex) -> None:
        entry = entry_of(index)
        if entry is not None:
            self.editRequested.emit(entry)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            entry = self.current_entry()
            if entry is not None:
                self.editRequested.emit(entry)
                return
        super().keyPressEvent(event)

    @override
    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        index = super().moveCursor(cursorAction, modifiers)
        model = self.model()
        if not index.isValid() or model is None or index.data(Roles.KIND) != "month":
            return index
        act = QAbstractItemView.CursorAction
        upward = cursorAction in (act.MoveUp, act.MovePageUp, act.MoveEnd, act.MovePrevious)
        row = self._step(index.row(), -1 if upward else 1)
        if row < 0:  # a heading at the very top: stay where we were
            row = self._step(index.row(), 1 if upward else -1)
        return model.index(row, 0) if row >= 0 else index

    def _step(self, row: int, direction: int) -> int:
        model = self.model()
        while 0 <= row < model.rowCount():
            if model.index(row, 0).data(Roles.KIND) == "entry":
                return row
            row += direction
        return -1


class TimelineDelegate(QStyledItemDelegate):
    """Paints a month heading, or an entry as day | title, excerpt, tags and lock."""

    PAD = 10
    DAY_WIDTH = 44

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._elided: dict[tuple[str, int, str], str] = {}  # excerpts cut to two lines

    @override
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fm = QFontMetrics(option.font)
        line = fm.height()
        if index.data(Roles.KIND) == "month":
            return QSize(200, int(line * 1.6) + 14)
        return QSize(200, self.PAD * 2 + line * 4 + 10)

    @override
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        painter.save()
        try:
            if index.data(Roles.KIND) == "month":
                self._paint_heading(painter, opt, str(index.data()))
            else:
                entry = entry_of(index)
                if entry is not None:
                    self._paint_entry(painter, opt, entry, str(index.data(Roles.SNIPPET) or ""))
        finally:
            painter.restore()

    def _paint_heading(self, painter: QPainter, opt: QStyleOptionViewItem, text: str) -> None:
        rect: QRect = opt.rect
        pal: QPalette = opt.palette
        painter.fillRect(rect, pal.color(QPalette.ColorRole.Window))
        font = QFont(opt.font)
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.05)
        painter.setFont(font)
        painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        text_rect = rect.adjusted(self.PAD + 4, 4, -self.PAD, -2)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft, text)

    def _paint_entry(
        self, painter: QPainter, opt: QStyleOptionViewItem, entry: Entry, snippet: str
    ) -> None:
        rect: QRect = opt.rect
        pal: QPalette = opt.palette
        base_font = QFont(opt.font)
        state = opt.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        active = bool(state & QStyle.StateFlag.State_Active)
        group = QPalette.ColorGroup.Active if active else QPalette.ColorGroup.Inactive

        card = rect.adjusted(6, 2, -6, -2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            fill = pal.color(group, QPalette.ColorRole.Highlight)
            if not active:
                fill.setAlpha(150)
            painter.setBrush(fill)
        elif hovered:
            painter.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
        else:
            painter.setBrush(pal.color(QPalette.ColorRole.Base))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(card, 6, 6)
        if focused and not selected:
            painter.setPen(pal.color(QPalette.ColorRole.Highlight))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(card.adjusted(0, 0, -1, -1), 6, 6)

        text_color = pal.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        dim = QColor(text_color)
        dim.setAlphaF(0.68)

        inner = card.adjusted(self.PAD, self.PAD - 2, -self.PAD, -self.PAD + 2)
        fm = QFontMetrics(base_font)
        line = fm.height()

        # Day column: weekday above the day number.
        day_rect = QRect(inner.left(), inner.top(), self.DAY_WIDTH, inner.height())
        small = QFont(base_font)
        small.setPointSizeF(base_font.pointSizeF() * 0.85)
        painter.setFont(small)
        painter.setPen(dim)
        painter.drawText(
            QRect(day_rect.left(), day_rect.top(), day_rect.width(), line),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
            entry.day.strftime("%a").upper(),
        )
        big = QFont(base_font)
        big.setPointSizeF(base_font.pointSizeF() * 1.7)
        big.setBold(True)
        painter.setFont(big)
        painter.setPen(text_color)
        painter.drawText(
            QRect(day_rect.left(), day_rect.top() + line, day_rect.width(), int(line * 1.8)),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            str(entry.day.day),
        )

        body = inner.adjusted(self.DAY_WIDTH + 8, 0, 0, 0)
        # Title line, with the lock of a private entry at its right.
        title_font = QFont(base_font)
        title_font.setBold(True)
        tfm = QFontMetrics(title_font)
        lock_w = line + 4 if entry.private else 0
        time_text = entry.created.strftime("%H:%M")
        time_w = QFontMetrics(small).horizontalAdvance(time_text) + 6
        title_w = body.width() - lock_w - time_w
        painter.setFont(title_font)
        painter.setPen(text_color)
        title = entry.display_title or self.tr("(untitled)")
        painter.drawText(
            QRect(body.left(), body.top(), title_w, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            tfm.elidedText(title, Qt.TextElideMode.ElideRight, title_w),
        )
        painter.setFont(small)
        painter.setPen(dim)
        painter.drawText(
            QRect(body.right() - time_w - lock_w, body.top(), time_w, line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            time_text,
        )
        if entry.private:
            paint_lock(
                painter, QRect(body.right() - line + 2, body.top() + 1, line - 2, line - 2), dim
            )

        # Excerpt: two lines, search matches highlighted.
        excerpt_rect = QRect(body.left(), body.top() + line + 2, body.width(), line * 2)
        self._paint_snippet(painter, excerpt_rect, snippet, base_font, dim, pal, selected)

        # Tags as small chips.
        if entry.tags:
            self._paint_tags(painter, body, entry.tags, small, text_color, selected, line)

    def _paint_snippet(
        self,
        painter: QPainter,
        rect: QRect,
        snippet: str,
        font: QFont,
        color: QColor,
        pal: QPalette,
        selected: bool,
    ) -> None:
        if MARK_START not in snippet:
            painter.setFont(font)
            painter.setPen(color)
            key = (snippet, rect.width(), font.key())
            text = self._elided.get(key)
            if text is None:
                if len(self._elided) > 2000:
                    self._elided.clear()
                text = self._elided[key] = _two_lines(snippet, QFontMetrics(font), rect.width())
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, text)
            return
        mark_bg = QColor("#f6d860") if not selected else QColor(255, 255, 255, 80)
        mark_fg = QColor("#1a1a1a") if not selected else color
        escaped = html.escape(snippet)
        escaped = escaped.replace(
            MARK_START,
            f'<span style="background-color:{mark_bg.name(QColor.NameFormat.HexArgb)};'
            f'color:{mark_fg.name()};font-weight:600">',
        ).replace(MARK_END, "</span>")
        doc = QTextDocument()
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setDefaultStyleSheet(f"body {{ color: {color.name(QColor.NameFormat.HexArgb)}; }}")
        doc.setHtml(f"<body>{escaped}</body>")
        doc.setTextWidth(rect.width())
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRect(0, 0, rect.width(), rect.height()))
        painter.setOpacity(1.0)
        doc.drawContents(painter)
        painter.restore()

    def _paint_tags(
        self,
        painter: QPainter,
        body: QRect,
        tags: tuple[str, ...],
        font: QFont,
        color: QColor,
        selected: bool,
        line: int,
    ) -> None:
        fm = QFontMetrics(font)
        painter.setFont(font)
        x = body.left()
        y = body.top() + line * 3 + 6
        h = fm.height() + 2
        chip_bg = QColor(color)
        chip_bg.setAlphaF(0.12 if not selected else 0.22)
        for tag in tags:
            label = "#" + tag
            w = fm.horizontalAdvance(label) + 12
            if x + w > body.right():
                painter.setPen(color)
                painter.drawText(QRect(x, y, 20, h), Qt.AlignmentFlag.AlignVCenter, "…")
                break
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(chip_bg)
            painter.drawRoundedRect(QRect(x, y, w, h), h / 2, h / 2)
            painter.setPen(color)
            painter.drawText(QRect(x, y, w, h), Qt.AlignmentFlag.AlignCenter, label)
            x += w + 4


def _two_lines(text: str, fm: QFontMetrics, width: int) -> str:
    """`text` cut to what fits in two wrapped lines, with an ellipsis."""
    if fm.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text).height() <= (
        fm.height() * 2
    ):
        return text
    words = text.split()
    lo, hi = 0, len(words)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        candidate = " ".join(words[:mid]) + "…"
        box = fm.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, candidate)
        if box.height() <= fm.height() * 2:
            lo = mid
        else:
            hi = mid - 1
    return " ".join(words[:lo]) + "…"

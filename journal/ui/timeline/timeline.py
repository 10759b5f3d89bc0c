"""The timeline's data: entries newest first under month headings, loaded a page at a time.

`TimelineModel` reads the journal with keyset paging (`canFetchMore`/`fetchMore`), so a
100,000-entry journal opens after one small query. It holds what the rows show, never a
whole body: each entry is an `EntrySummary` (the start of its text, read in SQL only up to
`PREVIEW_CHARS`); whatever shows, edits or exports an entry reads the `Entry` by id.
The same model shows search hits (with their highlighted snippets) when `show_hits` is
called; `show_listing` goes back. The list widget is
`journal.ui.timeline.timeline_view.TimelineView`; its rows are painted by
`journal.ui.timeline.timeline_delegate.TimelineDelegate`.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, replace
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from journal.domain.entry import MARK_START, EntrySummary
from journal.domain.filters import EntryFilter, cursor_of, excerpt
from journal.ui.common.i18n import long_day, month_year

if TYPE_CHECKING:
    import datetime as dt

    from PySide6.QtWidgets import QWidget

    from journal.services.journal import Journal

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, as a default argument


class Roles(IntEnum):
    """The item data roles the timeline's rows carry for the delegate and the window."""

    ENTRY = Qt.ItemDataRole.UserRole + 1  # EntrySummary, or None on a heading
    KIND = Qt.ItemDataRole.UserRole + 2  # "month" or "entry"
    SNIPPET = Qt.ItemDataRole.UserRole + 3  # excerpt, with MARK_START/MARK_END in search hits
    ENTRY_ID = Qt.ItemDataRole.UserRole + 4
    DAY = Qt.ItemDataRole.UserRole + 5


@dataclass(frozen=True, slots=True)
class Row:
    """A row of the timeline: a month heading or an entry (with its search snippet)."""

    kind: str  # "month" | "entry"
    month: dt.date  # first day of the month
    entry: EntrySummary | None = None
    snippet: str = ""


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")


def preview(body: str, length: int = 200) -> str:
    """The body as one line of plain prose: no headings, Markdown marks or link targets.

    Only the body's first lines are read (up to 8x `length` characters, whole lines), which
    keeps a page of 200 long entries from costing milliseconds of regular expressions.
    """
    limit = length * 8
    if len(body) > limit:
        head = body[:limit]
        body = head.rsplit("\n", 1)[0] if "\n" in head else head
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
    return month_year(day)


def _group(
    entries: list[EntrySummary], snippets: dict[int, str], last_month: dt.date | None
) -> list[Row]:
    rows: list[Row] = []
    for entry in entries:
        month = entry.day.replace(day=1)
        if month != last_month:
            rows.append(Row("month", month))
            last_month = month
        snippet = snippets.get(entry.id, "")
        text = clean_snippet(snippet) if MARK_START in snippet else preview(entry.preview)
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
        wait: bool = False,
    ) -> None:
        """`wait`: read nothing until `show_listing()` (for a view not on screen yet)."""
        super().__init__(parent)
        self._journal = journal
        self._filters = filters
        self.page_size = page_size
        self._rows: list[Row] = []
        self._entries = 0  # entries (not headings) among the rows
        self._more = not wait
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

    def show_listing(self, at_least: int = 0, first: list[EntrySummary] | None = None) -> None:
        """Back to the journal's listing, reading again from the newest entry.

        `at_least` entries are read in one go (to keep a long-scrolled list in place).
        `first`: the listing's first `page_size` entries, already read (in the pool, while
        the window was opening), shown without reading them again.
        """
        self.beginResetModel()
        self._searching = False
        self._rows, self._entries, self._more = [], 0, True
        self.endResetModel()
        self._fetch(max(self.page_size, at_least), first)

    def reload(self) -> None:
        """Read the listing again, keeping as many entries loaded as before."""
        if not self._searching:
            self.show_listing(at_least=self._entries)

    def show_hits(self, hits: list[tuple[EntrySummary, str]]) -> None:
        """Show search results (each entry with its snippet) instead of the listing (no
        paging: hits are all given)."""
        self.beginResetModel()
        self._searching = True
        self._more = False
        entries = [entry for entry, _snippet in hits]
        self._rows = _group(entries, {entry.id: snippet for entry, snippet in hits}, None)
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

    def entry_at(self, row: int) -> EntrySummary | None:
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

    def update_entry(self, entry: EntrySummary) -> bool:
        """Show a changed entry in place; False when it is not here or its day moved."""
        row = self.row_of(entry.id)
        if row < 0 or self._rows[row].month != entry.day.replace(day=1):
            return False
        old = self._rows[row]
        if old.entry is not None and old.entry.day != entry.day:
            return False
        snippet = old.snippet if self._searching else preview(entry.preview)
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
            parts = [long_day(entry.day), entry.display_title]
            if entry.private:
                parts.append(self.tr("private"))
            if entry.tags:
                parts.append(self.tr("tags: {0}").format(", ".join(entry.tags)))
            return ", ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.ToolTipRole and entry is not None:
            return long_day(entry.day)
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

    def _fetch(self, limit: int, read: list[EntrySummary] | None = None) -> None:
        from journal.errors import DaybookError

        last = self._last_entry()
        after = cursor_of(last) if last is not None else None
        try:
            batch = (
                read
                if read is not None
                else self._journal.list_summaries(self._filters, limit=limit, after=after)
            )
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

    def _last_entry(self) -> EntrySummary | None:
        for row in reversed(self._rows):
            if row.entry is not None:
                return row.entry
        return None


def entry_of(index: Index) -> EntrySummary | None:
    """The entry at `index` as the list holds it (read the `Entry` by its id to show, edit
    or export it), asked of the model directly.

    Not `index.data(Roles.ENTRY)`: in PySide6 6.12 each `index.data()` call that finds no
    value (a heading has no entry) drops a reference to Python's None, and enough of them
    crash the interpreter ("deallocating None"). Every read here returns a real value.
    """
    model = index.model()
    if not index.isValid() or not isinstance(model, TimelineModel):
        return None
    return model.entry_at(index.row())

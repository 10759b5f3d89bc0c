"""The Team window: everyone's shared entries, newest first, as a feed.

Each entry shows its author, day, title, tags and text; a search (PostgreSQL's text search
on the server) and filters by author, tag and dates narrow it; "Show More" fetches the next
page; "Week Notes" shows what everyone learned that week, by person. Every question to the
server runs in the thread pool (`journal.ui.common.worker`): the window never waits on the
network, and only the answer to the latest question is shown. A server that cannot be
reached (or refuses) is said in one message above the feed, with what to do.
"""

from __future__ import annotations

import datetime as dt
import html
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from journal.services.team import PAGE_SIZE, TeamQuery
from journal.ui.common.errors import describe
from journal.ui.common.i18n import long_day, number
from journal.ui.common.wording import tr
from journal.ui.common.worker import TaskSet

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from journal.services.team import TeamService
    from journal.team.store import SharedEntry

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override

SEARCH_DELAY_MS = 350  # typing pauses this long before the search is sent
NO_DATE = QDate(2000, 1, 1)  # the date edits' "any" value


class TeamView(QWidget):
    """The team log in its own window (not modal); `reload()` asks the server again."""

    pageShown = Signal(int)  # entries now shown (after a page arrived)
    failedShown = Signal(str)  # the message shown when the server could not answer
    weekNotesShown = Signal(object)  # the WeekNotesDialog just opened

    def __init__(
        self, service: TeamService, pool: QThreadPool | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(tr("Team"))
        self.setAccessibleName(tr("Team"))
        self._service = service
        self._open = True
        self._tasks = TaskSet(self, pool or QThreadPool.globalInstance(), lambda: self._open)
        self._asked = 0  # the latest page request; older answers are dropped
        self._entries: list[SharedEntry] = []
        self._renderer: Any = None
        self.week_dialog: WeekNotesDialog | None = None

        self.team_combo = QComboBox(self)
        self.team_combo.setAccessibleName(tr("Team"))
        self.search_field = QLineEdit(self)
        self.search_field.setPlaceholderText(tr("Search the team's entries"))
        self.search_field.setAccessibleName(tr("Search the team's entries"))
        self.search_field.setClearButtonEnabled(True)
        self.author_combo = QComboBox(self)
        self.author_combo.setAccessibleName(tr("Author"))
        self.tag_combo = QComboBox(self)
        self.tag_combo.setAccessibleName(tr("Tag"))
        self.from_edit = _date_edit(self, tr("From"))
        self.to_edit = _date_edit(self, tr("To"))
        self.week_button = QPushButton(tr("&Week Notes"), self)
        self.week_button.setToolTip(tr("What everyone learned this week, by person"))
        self.refresh_button = QPushButton(tr("&Refresh"), self)
        self.message = QLabel(self)
        self.message.setAccessibleName(tr("Team server status"))
        self.message.setWordWrap(True)
        self.message.hide()
        self.feed = QTextBrowser(self)
        self.feed.setAccessibleName(tr("Shared entries"))
        self.feed.setOpenLinks(False)
        self.feed.anchorClicked.connect(self._link)
        self.count_label = QLabel(self)
        self.more_button = QPushButton(tr("Show &More"), self)
        self.more_button.hide()

        filters = QHBoxLayout()
        filters.addWidget(self.team_combo)
        filters.addWidget(self.search_field, 1)
        filters.addWidget(self.author_combo)
        filters.addWidget(self.tag_combo)
        filters.addWidget(QLabel(tr("From"), self))
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel(tr("To"), self))
        filters.addWidget(self.to_edit)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.more_button)
        bottom.addWidget(self.week_button)
        bottom.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.feed, 1)
        layout.addLayout(bottom)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search_field.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_field.returnPressed.connect(self.reload)
        for combo in (self.author_combo, self.tag_combo):
            combo.activated.connect(lambda _i: self.reload())
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(lambda _d: self.reload())
        self.team_combo.activated.connect(lambda _i: self.reload(facets=True))
        self.refresh_button.clicked.connect(lambda: self.reload(facets=True))
        self.more_button.clicked.connect(self.show_more)
        self.week_button.clicked.connect(self.show_week_notes)
        self._fill_teams()

    # -- asking the server ---------------------------------------------------------------

    def team(self) -> str | None:
        name = self.team_combo.currentText() or None
        self.setWindowTitle(tr("Team: {0}").format(name) if name else tr("Team"))
        return name

    def query(self) -> TeamQuery:
        """The search and filters as the user set them."""
        return TeamQuery(
            text=self.search_field.text(),
            author=self.author_combo.currentData(),
            tag=self.tag_combo.currentData(),
            date_from=_date_of(self.from_edit),
            date_to=_date_of(self.to_edit),
        )

    def _fill_teams(self) -> None:
        try:
            teams = self._service.teams()
        except Exception as exc:  # a settings file that cannot be read: said in the view
            self._show_failure(exc)
            return
        self.team_combo.addItems(teams)
        self.team_combo.setVisible(len(teams) > 1)
        self._reset_filters([], [])
        enabled = bool(teams)
        for widget in (self.search_field, self.author_combo, self.tag_combo, self.from_edit,
                       self.to_edit, self.week_button, self.refresh_button):  # fmt: skip
            widget.setEnabled(enabled)
        if not teams:
            self._say(
                tr("This machine has joined no team yet."),
                tr(
                    "Ask your team's administrator for the team's URL, then run "
                    "`daybook team join NAME URL` (see Share with your team in the README)."
                ),
            )

    def _reset_filters(self, authors: list[str], tags: list[str]) -> None:
        for combo, everyone, values, prefix in (
            (self.author_combo, tr("Everyone"), authors, ""),
            (self.tag_combo, tr("All tags"), tags, "#"),
        ):
            kept = combo.currentData()
            combo.clear()
            combo.addItem(everyone, None)
            for value in values:
                combo.addItem(prefix + value, value)
            combo.setCurrentIndex(max(0, combo.findData(kept)) if kept is not None else 0)

    def reload(self, facets: bool = False) -> None:
        """Ask for the first page again (and the filter choices, with `facets`)."""
        team = self.team()
        if team is None:
            return
        self._search_timer.stop()
        self._ask(team, 0)
        if facets or self.author_combo.count() <= 1:
            self._tasks.run(
                lambda: self._service.facets(team),
                lambda found: self._facets_arrived(team, found),
                lambda _exc: None,  # the page's own failure says why
            )

    def show_more(self) -> None:
        team = self.team()
        if team is not None:
            self._ask(team, len(self._entries))

    def _ask(self, team: str, offset: int) -> None:
        self._asked += 1
        asked = self._asked
        query = self.query()
        self.refresh_button.setEnabled(False)
        self.count_label.setText(tr("Asking the team server…"))
        self._tasks.run(
            lambda: self._service.page(team, query, offset, PAGE_SIZE),
            lambda page: self._page_arrived(asked, offset, page),
            lambda exc: self._page_failed(asked, exc),
        )

    def _facets_arrived(self, team: str, found: tuple[list[str], list[str]]) -> None:
        if team == self.team():
            self._reset_filters(*found)

    def _page_arrived(self, asked: int, offset: int, page: list[SharedEntry]) -> None:
        if asked != self._asked:
            return  # a later question is on its way
        self.refresh_button.setEnabled(True)
        self.message.hide()
        self._entries = [*self._entries[:offset], *page] if offset else list(page)
        self.more_button.setVisible(len(page) == PAGE_SIZE)
        self._render(scroll_to_top=offset == 0)
        self.pageShown.emit(len(self._entries))

    def _page_failed(self, asked: int, error: BaseException) -> None:
        if asked != self._asked:
            return
        self.refresh_button.setEnabled(True)
        self._show_failure(error)

    def _show_failure(self, error: BaseException) -> None:
        what, hint = describe(error)
        self._say(what, hint)
        self.count_label.setText(tr("Showing what was last received.") if self._entries else "")
        self.failedShown.emit(self.message.text())

    def _say(self, what: str, hint: str) -> None:
        self.message.setText(f"<b>{html.escape(what)}</b> {html.escape(hint)}")
        self.message.show()

    # -- showing -------------------------------------------------------------------------

    def _render(self, scroll_to_top: bool) -> None:
        if self._renderer is None:
            from journal.rendering.markdown import MarkdownRenderer

            self._renderer = MarkdownRenderer()
        bar = self.feed.verticalScrollBar()
        kept = bar.value()
        if not self._entries:
            query = self.query()
            filtered = query != TeamQuery()
            self.feed.setHtml(
                "<p>"
                + html.escape(
                    tr("No shared entries match.")
                    if filtered
                    else tr("Nobody has shared an entry with this team yet.")
                )
                + "</p>"
            )
            self.count_label.setText("")
            return
        self.feed.setHtml("".join(self._entry_html(e) for e in self._entries))
        bar.setValue(0 if scroll_to_top else kept)
        n = len(self._entries)
        self.count_label.setText(
            (tr("1 shared entry") if n == 1 else tr("{0} shared entries").format(number(n)))
            + (" " + tr("(more below)") if self.more_button.isVisible() else "")
        )

    def _entry_html(self, entry: SharedEntry) -> str:
        title = entry.display_title
        author = html.escape(entry.author)
        meta = [
            f'<a href="author:{html.escape(entry.author, quote=True)}"><b>{author}</b></a>',
            html.escape(long_day(entry.day)),
        ]
        meta += [
            f'<a href="tag:{html.escape(t, quote=True)}">#{html.escape(t)}</a>' for t in entry.tags
        ]
        from journal.rendering.export import shift_headings

        # The entry's own headings sit below its title (the answers' "What did I learn?").
        body = self._renderer.render(shift_headings(entry.body, 4))
        return (
            f"<h2 style='margin-bottom:2px'>{html.escape(title)}</h2>"
            f"<p style='margin-top:0'>{' &middot; '.join(meta)}</p>{body}<hr/>"
        )

    def _link(self, url: QUrl) -> None:
        """An author or a tag in the feed narrows it to them."""
        text = url.toString()
        kind, _sep, value = text.partition(":")
        combo = {"author": self.author_combo, "tag": self.tag_combo}.get(kind)
        if combo is None:
            return
        index = combo.findData(value)
        if index < 0:
            combo.addItem(value if kind == "author" else "#" + value, value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        self.reload()

    def entries(self) -> list[SharedEntry]:
        """What the feed shows, in order."""
        return list(self._entries)

    # -- week notes ----------------------------------------------------------------------

    def show_week_notes(self) -> None:
        """The week notes of the week holding the To date (else today), from the server."""
        team = self.team()
        if team is None:
            return
        day = _date_of(self.to_edit) or dt.date.today()
        self.week_button.setEnabled(False)
        self._tasks.run(
            lambda: self._service.week_notes(team, day),
            self._week_arrived,
            self._week_failed,
        )

    def _week_arrived(self, answer: tuple[dt.date, str | None]) -> None:
        self.week_button.setEnabled(True)
        monday, text = answer
        if self.week_dialog is not None:
            self.week_dialog.close()
            self.week_dialog.deleteLater()
        self.week_dialog = WeekNotesDialog(monday, text, self)
        self.week_dialog.show()
        self.weekNotesShown.emit(self.week_dialog)

    def _week_failed(self, error: BaseException) -> None:
        self.week_button.setEnabled(True)
        self._show_failure(error)

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        self._open = False  # answers still on their way are dropped
        self._tasks.cancel_all()
        super().closeEvent(event)


class WeekNotesDialog(QDialog):
    """The team's week notes, rendered, with a button to copy their Markdown."""

    def __init__(self, monday: dt.date, markdown: str | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        sunday = monday + dt.timedelta(days=6)
        self.setWindowTitle(
            tr("Team Week Notes: {0} to {1}").format(long_day(monday), long_day(sunday))
        )
        self.markdown = markdown or ""
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(tr("Team week notes"))
        if markdown is None:
            self.browser.setPlainText(tr("Nobody shared what they learned that week."))
        else:
            from journal.rendering.markdown import MarkdownRenderer

            self.browser.setHtml(MarkdownRenderer().render(markdown))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = buttons.addButton(tr("&Copy as Markdown"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.setEnabled(markdown is not None)
        copy.clicked.connect(self._copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(640, 520)

    def _copy(self) -> None:
        QApplication.clipboard().setText(self.markdown)


def _date_edit(parent: QWidget, name: str) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setAccessibleName(name)
    edit.setCalendarPopup(True)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(tr("any"))
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(NO_DATE)
    return edit


def _date_of(edit: QDateEdit) -> dt.date | None:
    value = edit.date()
    if value == NO_DATE:
        return None
    return dt.date(value.year(), value.month(), value.day())

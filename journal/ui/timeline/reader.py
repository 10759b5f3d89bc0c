"""The reader: one entry rendered from Markdown (sanitized) in a QTextBrowser.

Links never navigate inside the browser: http(s) and mailto links go to the system's
browser or mail program; anything else is ignored. While a search is shown, its words are
highlighted in the entry (`highlight`) and the first one is scrolled into view.

A huge entry (over PART_CHARS characters) is shown in part first, cut at a block boundary
(`blocks.part_lines`), with a link that renders the whole in the thread pool and shows it
when ready; a search whose words appear only after the part renders the whole the same way.
The part goes through the same renderer and private box as the whole.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from html import escape as html_escape
from html import unescape as html_unescape
from typing import Any

from PySide6.QtCore import QEvent, QRegularExpression, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QFontMetrics,
    QImage,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from journal.domain.attachments import SCHEME, Attachment, references
from journal.domain.blocks import part_lines
from journal.domain.entry import Entry, short_label
from journal.errors import DaybookError
from journal.rendering.markdown import MarkdownRenderer
from journal.ui.common.i18n import long_day
from journal.ui.common.image_cache import ImageCache, ImageFetch
from journal.ui.common.theme import SEARCH_MARK, SEARCH_MARK_TEXT
from journal.ui.common.wording import tr
from journal.ui.common.worker import TaskSet
from journal.ui.timeline.timeline_delegate import lock_pixmap

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override

SAFE_SCHEMES = {"http", "https", "mailto"}
# Highlights drawn in one entry at most (a common word in a long entry stays cheap).
MAX_HIGHLIGHTS = 500
# An entry longer than this (characters) is rendered in part first: ~100 KB renders in about
# 0.1 s, a 3.9 MB entry took 4.8 s to render and 0.5 s to lay out.
PART_CHARS = 100_000
WHOLE_LINK = "daybook-reader:whole"  # the part's "Show the whole entry" link
# Where an entry is shared: (team, whether the team's server holds the copy) pairs.
ShareSource = Callable[[Entry], Sequence[tuple[str, bool]]]


def highlight_pattern(words: Sequence[tuple[str, bool]]) -> QRegularExpression | None:
    """One case-insensitive expression for the search's words and phrases (a phrase's words
    may be separated by any spaces or punctuation, as FTS5 reads them), or None."""
    parts = []
    for text, prefix in words:
        tokens = [re.escape(t) for t in re.findall(r"\w+", text)]
        if tokens:
            parts.append(r"\b" + r"\W+".join(tokens) + (r"\w*" if prefix else r"\b"))
    if not parts:
        return None
    return QRegularExpression(
        "|".join(parts),
        QRegularExpression.PatternOption.CaseInsensitiveOption
        | QRegularExpression.PatternOption.UseUnicodePropertiesOption,
    )


ImageSource = Callable[[str], "Attachment | None"]


def batch_fetch(source: ImageSource) -> ImageFetch:
    """An ImageCache's fetch made of a one-image source."""

    def fetch(hashes: Sequence[str]) -> dict[str, Attachment]:
        return {sha: found for sha in hashes if (found := source(sha)) is not None}

    return fetch


_ATTACHED_IMG = re.compile(r'<img src="attachment:([0-9a-f]{64})" alt="([^"]*)">')


class ImageBrowser(QTextBrowser):
    """A QTextBrowser that shows the journal's images (`attachment:SHA256`) from `images`
    and loads nothing else: no file, no network."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images: dict[str, QImage] = {}  # display copies, not the stored originals

    @override
    def loadResource(self, kind: int, name: QUrl | str, /) -> Any:
        url = QUrl(name) if isinstance(name, str) else name
        if url.scheme() == SCHEME:
            return self.images.get(url.path())
        return None


def fitted_images(
    browser: ImageBrowser, cache: ImageCache, html: str, shas: Sequence[str], room: int
) -> str:
    """`html` whose journal images (`attachment:SHA`) show display copies from `cache`,
    made off the UI thread at about `room` pixels wide, each sized to fit `room` (never
    enlarged); an image still being prepared shows as a line saying so, as does one the
    journal does not hold. The copies are given to `browser` (its `images`)."""
    device_width = round(room * browser.devicePixelRatioF())
    browser.images = {}
    for sha in shas:
        copy = cache.image(sha, device_width)
        if copy is not None:
            browser.images[sha] = copy
            # a resource already in the document would be drawn instead of this copy
            browser.document().addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(f"{SCHEME}:{sha}"), copy
            )

    def sized(match: re.Match[str]) -> str:
        sha, alt = match[1], html_unescape(match[2]) or match[1][:12]
        image = browser.images.get(sha)
        if image is None:
            if cache.is_missing(sha):
                line = tr("[image not in the journal: {0}]").format(alt)
            else:
                line = tr("[loading the image: {0}]").format(alt)
            return html_escape(line, quote=False)
        full_width, full_height = cache.original_size(sha) or (image.width(), image.height())
        scale = min(1.0, room / max(1, full_width))
        width, height = round(full_width * scale), round(full_height * scale)
        return (
            f'<img src="{SCHEME}:{match[1]}" alt="{match[2]}" '
            f'width="{max(1, width)}" height="{max(1, height)}">'
        )

    return _ATTACHED_IMG.sub(sized, html)


class EntryReader(QWidget):
    """Header (day, title, tags, private) over the rendered body; Edit and Delete buttons."""

    editRequested = Signal(object)  # Entry
    deleteRequested = Signal(object)  # Entry
    restoreRequested = Signal(object)  # Entry (when showing one from the Trash)
    linkOpened = Signal(QUrl)  # after handing a link to the system

    def __init__(self, renderer: MarkdownRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = renderer
        self._entry: Entry | None = None
        self._in_trash = False
        self._highlight: QRegularExpression | None = None
        self._images: ImageCache | None = None
        self._share_source: ShareSource | None = None
        self._image_renderer: MarkdownRenderer | None = None
        self._shown_images: set[str] = set()  # the hashes the entry shown refers to
        self._rerender = QTimer(self)  # display copies that came in: shown together
        self._rerender.setSingleShot(True)
        self._rerender.setInterval(0)
        self._rerender.timeout.connect(self._images_arrived)
        self._shown_width = 0  # the pane width images were last scaled to (0: none shown)
        # A huge entry: what its whole render is keyed by (body, box, renderer), the
        # whole's HTML once rendered, and whether the part is shown now.
        self._shown_key: tuple[str, str, int] | None = None
        self._whole: tuple[tuple[str, str, int], str] | None = None
        self._whole_wanted: tuple[str, str, int] | None = None  # being rendered
        self._rest = ""  # the Markdown after the part shown (empty: shown whole)
        self._tasks = TaskSet(self, QThreadPool.globalInstance())
        self.setAccessibleName(self.tr("Entry"))
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)

        self.day_label = QLabel(self)
        self.day_label.setAccessibleName(self.tr("Day"))
        self.day_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.day_label.setWordWrap(True)  # a long weekday and month beside the buttons
        self.title_label = QLabel(self)
        self.title_label.setAccessibleName(self.tr("Title"))
        self.title_label.setWordWrap(True)
        self.title_label.setMinimumWidth(1)  # a one-line label never holds the pane wide
        # The title is the user's text: escaped here (with the search's marks), never read
        # as HTML ("<b>" in a title is shown as typed).
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        self._title_text = ""
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title_label.setFont(font)
        self.lock_label = QLabel(self)
        self.lock_label.setAccessibleName(self.tr("Private entry"))
        self.lock_label.setToolTip(self.tr("Private"))
        self.meta_label = QLabel(self)
        self.meta_label.setAccessibleName(self.tr("Tags"))
        self.meta_label.setWordWrap(True)
        self.meta_label.setTextFormat(Qt.TextFormat.PlainText)  # tags are the user's text
        self.meta_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.edit_button = QPushButton(self.tr("E&dit"), self)
        self.edit_button.setAccessibleName(self.tr("Edit entry"))
        self.edit_button.setToolTip(self.tr("Edit this entry (Enter or Ctrl+E)"))
        self.edit_button.clicked.connect(self._edit)
        self.delete_button = QPushButton(self.tr("Move to &Trash"), self)
        self.delete_button.setAccessibleName(self.tr("Move entry to Trash"))
        self.delete_button.clicked.connect(self._delete)
        self.restore_button = QPushButton(self.tr("Rest&ore"), self)
        self.restore_button.setAccessibleName(self.tr("Restore entry from Trash"))
        self.restore_button.clicked.connect(self._restore)
        self.restore_button.hide()

        self.browser = ImageBrowser(self)
        self.browser.setAccessibleName(self.tr("Entry text"))
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.browser.anchorClicked.connect(self._open_link)
        self.browser.document().setDocumentMargin(2)

        # The day and the buttons share the first row; the title has the pane's whole width
        # below them, so a narrow pane wraps it instead of squeezing it beside the buttons.
        top = QHBoxLayout()
        top.setSpacing(6)
        self.day_label.setWordWrap(True)  # a narrow pane wraps the time, never cuts it
        top.addWidget(self.day_label, 1)
        for button in (self.edit_button, self.delete_button, self.restore_button):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            top.addWidget(button)
        meta_row = QHBoxLayout()
        meta_row.setSpacing(4)
        meta_row.addWidget(self.lock_label)
        meta_row.addWidget(self.meta_label, 1)
        head = QVBoxLayout()
        head.setSpacing(2)
        head.addLayout(top)
        head.addWidget(self.title_label)
        head.addLayout(meta_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(12)
        layout.addLayout(head)
        layout.addWidget(self.browser, 1)
        self.show_entry(None)

    @property
    def entry(self) -> Entry | None:
        return self._entry

    def show_entry(self, entry: Entry | None, in_trash: bool = False) -> None:
        """Show `entry` (None: a hint to pick one)."""
        self._entry = entry
        self._in_trash = in_trash
        has = entry is not None
        self.edit_button.setVisible(has and not in_trash)
        self.delete_button.setVisible(has and not in_trash)
        self.restore_button.setVisible(has and in_trash)
        if entry is None:
            self.day_label.clear()
            self.title_label.setWordWrap(True)
            self.title_label.setToolTip("")
            self._set_title(self.tr("No entry selected"))
            self.meta_label.setText(self.tr("Pick an entry on the left, or press Ctrl+N."))
            self.meta_label.show()
            self.lock_label.hide()
            self.browser.clear()
            self._shown_key, self._rest = None, ""
            return
        self.day_label.setText(long_day(entry.day) + " · " + entry.created.strftime("%H:%M"))
        self._show_title(entry)
        meta = []
        self.lock_label.setVisible(entry.private)
        if entry.private:
            side = self.meta_label.fontMetrics().height()
            color = self.palette().color(QPalette.ColorRole.PlaceholderText)
            self.lock_label.setPixmap(lock_pixmap(color, side, self.devicePixelRatioF()))
            meta.append(self.tr("Private"))
        if entry.tags:
            meta.append("  ".join("#" + t for t in entry.tags))
        if in_trash:
            meta.append(self.tr("In the Trash"))
        meta += self._shared_texts(entry)
        self.meta_label.setText("   ·   ".join(meta))
        self.meta_label.setVisible(bool(meta))
        body = entry.body
        if not entry.title.strip():
            body = _drop_first_line(body, entry.display_title)
        shas = references(body) if self._images is not None else []
        self._shown_images = set(shas)
        renderer = self._renderer
        if shas:
            if self._image_renderer is None:
                self._image_renderer = MarkdownRenderer(attachments=True)
            renderer = self._image_renderer
        box = self._private_box()
        key = (body, box, id(renderer))
        self._shown_key = key
        self._rest = ""
        if self._whole is not None and self._whole[0] == key:
            html = self._whole[1]
        else:
            self._whole = None
            cut = part_lines(body, PART_CHARS)
            if cut is None:
                html = renderer.render(body, mark_private=True, box=box)
            else:
                lines = body.split("\n")
                self._rest = "\n".join(lines[cut:])
                html = renderer.render("\n".join(lines[:cut]), mark_private=True, box=box)
                html += self._whole_link(len(body.encode()))
        self._set_html(html, shas)
        self._mark_words()
        if self._rest and self._match_only_after_part():
            self.show_whole()  # the search's first match is beyond the part

    def _set_html(self, html: str, shas: Sequence[str]) -> None:
        add_lock_image(self.browser.document(), self.palette(), self.devicePixelRatioF())
        self._shown_width = 0
        if shas:
            html = self._with_images(html, shas)
        self.browser.setHtml(self._style() + html)

    def _whole_link(self, size: int) -> str:
        label = self.tr("Show the whole entry ({0} KB)").format(max(1, round(size / 1024)))
        return f'<p><a href="{WHOLE_LINK}"><b>{html_escape(label)}</b></a></p>'

    def is_partial(self) -> bool:
        """Whether the entry shown is shown in part (a huge one, not yet whole)."""
        return bool(self._rest)

    def show_whole(self) -> None:
        """Render the whole of the huge entry shown in the thread pool, then show it (the
        reader stays where it was); the part stays until then."""
        key = self._shown_key
        if not self._rest or key is None or self._whole_wanted == key:
            return
        body, box, _ = key
        images = self._image_renderer
        renderer = images if images is not None and id(images) == key[2] else self._renderer
        self._whole_wanted = key

        def done(html: str) -> None:
            if self._whole_wanted == key:
                self._whole_wanted = None
            if self._shown_key != key:
                return  # another entry (or look) is shown now
            self._whole = (key, html)
            bar = self.browser.verticalScrollBar()
            at = bar.value()
            self._rest = ""
            self._set_html(html, list(self._shown_images))
            bar.setValue(at)
            self._mark_words()

        def failed(error: BaseException) -> None:
            if self._whole_wanted == key:
                self._whole_wanted = None
            raise error  # a bug in the renderer: the crash hook reports it

        self._tasks.run(lambda: renderer.render(body, mark_private=True, box=box), done, failed)

    def _match_only_after_part(self) -> bool:
        """Whether the search's words are not in the part shown but come after it."""
        pattern = self._highlight
        if pattern is None or not self._rest or self.browser.extraSelections():
            return False
        return pattern.match(self._rest).hasMatch()

    def refresh(self) -> None:
        """Show the same entry again (where it is shared may have changed)."""
        self.show_entry(self._entry, self._in_trash)

    def set_share_source(self, source: ShareSource | None) -> None:
        """Where an entry is shared: (team, the server holds it) pairs for "Shared in"."""
        self._share_source = source

    def _shared_texts(self, entry: Entry) -> list[str]:
        if self._share_source is None:
            return []
        try:
            places = self._share_source(entry)
        except DaybookError:
            return []  # the journal's own read failed: the entry is still worth showing
        held = [team for team, on_server in places if on_server]
        waiting = [team for team, on_server in places if not on_server]
        texts = []
        if held:
            texts.append(self.tr("Shared in: {0}").format(", ".join(held)))
        if waiting:
            texts.append(self.tr("Waiting to be shared with: {0}").format(", ".join(waiting)))
        return texts

    def set_image_source(self, source: ImageSource | None) -> None:
        """Where the entry's images come from (a hash to the stored image, or None); their
        display copies are made and kept by a cache of this reader's own."""
        cache = ImageCache(batch_fetch(source), parent=self) if source is not None else None
        self.set_image_cache(cache)

    def set_image_cache(self, cache: ImageCache | None) -> None:
        """Show images through `cache` (shared with the timeline's thumbnails), or none."""
        if self._images is not None:
            self._images.ready.disconnect(self._image_ready)
        self._images = cache
        if cache is not None:
            cache.ready.connect(self._image_ready)
        self.show_entry(self._entry, self._in_trash)

    @property
    def image_cache(self) -> ImageCache | None:
        return self._images

    def _image_ready(self, sha: str) -> None:
        if sha in self._shown_images:
            self._rerender.start()

    def _images_arrived(self) -> None:
        bar = self.browser.verticalScrollBar()
        at = bar.value()
        self.show_entry(self._entry, self._in_trash)
        bar.setValue(at)  # the reader stays where it was

    def _with_images(self, html: str, shas: Sequence[str]) -> str:
        """The entry's images fitted to the pane (see `fitted_images`)."""
        assert self._images is not None
        room = max(32, self.browser.viewport().width() - 24)
        self._shown_width = room
        return fitted_images(self.browser, self._images, html, shas, room)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        room = max(32, self.browser.viewport().width() - 24)
        if self._shown_width and room != self._shown_width:
            self.show_entry(self._entry, self._in_trash)  # images follow the pane's width
        elif self._entry is not None:
            self._show_title(self._entry)  # a derived label is cut to the new width

    def _show_title(self, entry: Entry) -> None:
        """A title wraps to the pane's width; a label derived from an untitled entry's
        first line stays on one line, cut at a word to fit (the body below is whole)."""
        derived = not entry.title.strip()
        label = entry.display_title or self.tr("(untitled)")
        self.title_label.setWordWrap(not derived)
        if not derived:
            self.title_label.setToolTip("")
            self._set_title(label)
            return
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else None
        room = self.width() - (margins.left() + margins.right() if margins else 0)
        shown = one_line(label, self.title_label.fontMetrics(), max(room, 1))
        self._set_title(shown)
        self.title_label.setToolTip(f"<p>{html_escape(label)}</p>" if shown != label else "")

    def _set_title(self, text: str) -> None:
        """Show `text` as the title, escaped, the search's words marked as in the body."""
        self._title_text = text
        self.title_label.setText(marked_html(text, self._highlight))

    def title_text(self) -> str:
        """The title as shown, without markup."""
        return self._title_text

    def highlight(self, words: Sequence[tuple[str, bool]]) -> None:
        """Mark these words (text, is a prefix) in the entry shown and the next ones; an
        empty list removes the marks."""
        self._highlight = highlight_pattern(words)
        self._mark_words()
        if self._match_only_after_part():
            self.show_whole()
        if self._entry is not None:
            self._show_title(self._entry)

    def highlighted(self) -> list[str]:
        """The text of each mark drawn now (for tests and accessibility)."""
        return [sel.cursor.selectedText() for sel in self.browser.extraSelections()]

    def _mark_words(self) -> None:
        marks: list[QTextEdit.ExtraSelection] = []
        if self._highlight is not None and self._entry is not None:
            look = QTextCharFormat()
            look.setBackground(SEARCH_MARK)  # as in the timeline's cards
            look.setForeground(SEARCH_MARK_TEXT)
            doc = self.browser.document()
            found = doc.find(self._highlight, 0)
            while not found.isNull() and len(marks) < MAX_HIGHLIGHTS:
                mark = QTextEdit.ExtraSelection()
                mark.cursor = found
                mark.format = look
                marks.append(mark)
                found = doc.find(self._highlight, found, QTextDocument.FindFlag(0))
        self.browser.setExtraSelections(marks)
        if marks:
            first = QTextCursor(marks[0].cursor)
            first.clearSelection()
            self.browser.setTextCursor(first)
            self.browser.ensureCursorVisible()

    def _private_box(self) -> str:
        return private_box(self.palette(), self.tr("Private · left out of exports"))

    def _style(self) -> str:
        pal = self.palette()
        link = pal.color(QPalette.ColorRole.Link).name()
        dim = pal.color(QPalette.ColorRole.PlaceholderText).name()
        alt = pal.color(QPalette.ColorRole.AlternateBase).name()
        return (
            "<style>"
            f"a {{ color: {link}; }} "
            "p, li { line-height: 140%; } "
            "h1, h2, h3 { margin-top: 14px; margin-bottom: 4px; } "
            f"blockquote {{ color: {dim}; margin-left: 12px; }} "
            f"pre {{ background-color: {alt}; }} "
            "</style>"
        )

    @override
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        built = hasattr(self, "browser")
        if built and event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.show_entry(self._entry, self._in_trash)

    def _open_link(self, url: QUrl) -> None:
        if url.toString() == WHOLE_LINK:
            self.show_whole()
            return
        if url.scheme().lower() in SAFE_SCHEMES:
            QDesktopServices.openUrl(url)
            self.linkOpened.emit(url)

    def _edit(self) -> None:
        if self._entry is not None:
            self.editRequested.emit(self._entry)

    def _delete(self) -> None:
        if self._entry is not None:
            self.deleteRequested.emit(self._entry)

    def _restore(self) -> None:
        if self._entry is not None:
            self.restoreRequested.emit(self._entry)


LOCK_IMAGE = "daybook-lock.png"  # the lock in private boxes; see `add_lock_image`
LOCK_SIDE = 12


def private_box(palette: QPalette, label: str, body: bool = True) -> str:
    """A labelled, wrapping box for private blocks, as `MarkdownRenderer.render(...,
    mark_private=True, box=...)` takes it (QTextBrowser styles tables, not divs).
    Without `body`, the box says the block is there and leaves its text out. Its lock is
    the document resource LOCK_IMAGE: call `add_lock_image` on the document showing it."""
    fill = palette.color(QPalette.ColorRole.AlternateBase).name()
    dim = palette.color(QPalette.ColorRole.PlaceholderText).name()
    lock = f'<img src="{LOCK_IMAGE}" width="{LOCK_SIDE}" height="{LOCK_SIDE}"> '
    return (
        f'<table width="100%" cellpadding="8" cellspacing="0" bgcolor="{fill}" '
        f'class="private-block"><tr><td><p style="color: {dim}; font-size: small;">'
        f"{lock}{html_escape(label)}</p>\n{'{body}' if body else ''}\n</td></tr></table>"
    )


def add_lock_image(document: QTextDocument, palette: QPalette, ratio: float) -> None:
    """Give `document` the lock that `private_box` shows, in the palette's dim colour."""
    color = palette.color(QPalette.ColorRole.PlaceholderText)
    image = lock_pixmap(color, LOCK_SIDE, ratio).toImage()
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(LOCK_IMAGE), image)


def marked_html(text: str, pattern: QRegularExpression | None) -> str:
    """`text` as escaped HTML, each match of `pattern` in the search marker's colours."""
    if pattern is None or not text:
        return html_escape(text)
    units = text.encode("utf-16-le")  # Qt's match offsets count UTF-16 code units

    def part(start: int, end: int) -> str:
        return html_escape(units[2 * start : 2 * end].decode("utf-16-le"))

    out: list[str] = []
    at = 0
    matches = pattern.globalMatch(text)
    while matches.hasNext():
        match = matches.next()
        start, end = match.capturedStart(), match.capturedEnd()
        if end <= start:
            continue
        out.append(part(at, start))
        out.append(
            f'<span style="background-color:{SEARCH_MARK.name()};'
            f'color:{SEARCH_MARK_TEXT.name()}">{part(start, end)}</span>'
        )
        at = end
    out.append(part(at, len(units) // 2))
    return "".join(out)


def one_line(label: str, metrics: QFontMetrics, width: int) -> str:
    """`label` (an untitled entry's derived title) cut at a word, with an ellipsis, to fit
    `width` pixels on one line; a label already cut keeps its ellipsis."""
    if metrics.horizontalAdvance(label) <= width:
        return label
    text = label.removesuffix("…")
    low, high = 1, len(text) - (1 if text != label else 0)
    best = short_label(text, 1)
    while low <= high:
        limit = (low + high) // 2
        candidate = short_label(text, limit)
        if metrics.horizontalAdvance(candidate) <= width:
            best, low = candidate, limit + 1
        else:
            high = limit - 1
    return best


def _drop_first_line(body: str, shown_title: str) -> str:
    """The body without the first line when all of that line became the displayed title.

    A label cut short (a long first paragraph) leaves the body whole, so no text is hidden.
    """
    lines = body.splitlines()
    for i, line in enumerate(lines):
        if line.strip():
            if " ".join(line.strip().lstrip("#").split()) == shown_title:
                return "\n".join(lines[i + 1 :])
            break
    return body

"""The export dialog's preview: building one (off the UI thread) and the pane that shows it.

`build_preview` chooses and renders as the export service does and explains an empty choice
in the dialog's words; `PreviewPane` shows the text to be written, the HTML page, or why
there is nothing to show. A big export is previewed in two steps: its first entries at once
(`head`), then the whole of it, rendered with progress and stoppable (`ProgressRenderer`).

The HTML page embeds its images as data: URIs at full size; the pane never hands those to
its browser (which would decode them on the UI thread). It shows the page with each image
as a display copy decoded off the UI thread at the pane's width (`ImageCache`).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtGui import QDesktopServices, QFontDatabase, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from journal import cancel
from journal.errors import InputError
from journal.rendering.markdown import PRIVATE_BOX, MarkdownRenderer
from journal.services.export import ExportOptions, ExportResult, choose_entries, render_export
from journal.ui.common.image_cache import ImageCache, ImageFetch
from journal.ui.common.wording import tr
from journal.ui.timeline.reader import (
    SAFE_SCHEMES,
    ImageBrowser,
    add_lock_image,
    fitted_images,
    private_box,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from journal.domain.attachments import Attachment
    from journal.domain.entry import Entry
    from journal.services.journal import Journal

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override

RENDER_LIMIT = 2_000_000  # characters of HTML the preview renders; beyond it, the first part
PREVIEW_HEAD = 30  # entries in a preview's first step (shown at once, then the whole)
PROGRESS_EVERY = 100  # entries rendered between two progress reports
_PRIVATE_OPEN = PRIVATE_BOX.split("{body}")[0].strip()
_DIV_TAG = re.compile(r"<div\b[^>]*>|</div\s*>", re.IGNORECASE)
# An image as `journal.rendering.images.embed_images` writes it into an HTML export.
_EMBEDDED_IMG = re.compile(r'<img src="(data:[^"]*)" alt="([^"]*)" width="\d+" height="\d+">')
_ATTACHED = re.compile(r'<img src="attachment:([0-9a-f]{64})"')
TEXT_MARGIN = 12  # pixels around the preview's text, as in the editor


@dataclass(frozen=True, slots=True)
class Preview:
    """One built preview: the chosen entries, the rendered result or why there is none."""

    options: ExportOptions
    entries: tuple[Entry, ...] = ()  # chosen, private ones included, before holding back
    held_entries: int = 0
    result: ExportResult | None = None
    problem: str = ""
    private_out: tuple[int, int] = (0, 0)  # private entries and blocks going out
    partial: bool = False  # only the first entries (the whole export is being built)
    images: Mapping[str, Attachment] = field(default_factory=dict)  # the export's, by hash
    display: str = ""  # an HTML page as the pane shows it: images by hash, not embedded

    def size(self) -> int | None:
        """The bytes Save writes: the file (or the files) and, for Markdown, the images in
        `attachments/` beside it; None for a PDF (known once it is laid out)."""
        if self.result is None or self.options.format == "pdf":
            return None
        texts = self.result.files.values() if self.result.files else [self.result.text]
        size = sum(len(text.encode("utf-8")) for text in texts)
        return size + sum(len(image.data) for image in self.result.images.values())

    def output(self) -> str:
        """The text Copy and Save use; a split export lists each file under its name."""
        if self.result is None:
            return ""
        if self.result.files:
            return "\n".join(
                f"──── {name} ────\n\n{text}" for name, text in self.result.files.items()
            )
        return self.result.text


class ProgressRenderer(MarkdownRenderer):
    """Renders through `inner`, reporting every PROGRESS_EVERY entries to `on_progress` and
    stopping (`journal.cancel.Cancelled`) when the work it runs in is cancelled."""

    def __init__(self, inner: MarkdownRenderer, on_progress: Callable[[int], object]) -> None:
        super().__init__()
        self._inner = inner
        self._on_progress = on_progress
        self.rendered = 0

    def render(self, text: str, mark_private: bool = False, box: str = PRIVATE_BOX) -> str:
        cancel.check()
        self.rendered += 1
        if self.rendered % PROGRESS_EVERY == 0:
            self._on_progress(self.rendered)
        return self._inner.render(text, mark_private, box)


def build_preview(
    journal: Journal,
    options: ExportOptions,
    renderer: Callable[[], MarkdownRenderer],
    head: int | None = None,
) -> Preview:
    """Choose and render as `build_export` does, but explain an empty choice in GUI words.
    With `head`, only the oldest `head` entries (`partial` when there may be more)."""
    from journal.domain.blocks import private_blocks
    from journal.services.attachments import image_lookup

    found: dict[str, Attachment] = {}
    lookup = image_lookup(journal)

    def images(hashes: Sequence[str]) -> Mapping[str, Attachment]:
        got = lookup(hashes)
        found.update(got)
        return got

    try:
        entries, held = choose_entries(journal, options, head)
    except InputError as exc:
        return Preview(options, problem=_sentence(exc.what))
    if not entries:
        if held:
            problem = tr(
                "Every matching entry is private. Tick “Include private entries” to export them."
            )
        else:
            problem = tr("No entries match. Widen the dates, tags or search.")
        return Preview(options, held_entries=held, problem=problem)
    try:
        result = render_export(entries, options, renderer(), held, images)
    except InputError as exc:
        return Preview(options, tuple(entries), held, problem=_sentence(exc.what))
    out = (0, 0)
    if options.include_private:
        out = (
            sum(e.private for e in entries),
            sum(len(list(private_blocks(e.body))) for e in entries),
        )
    partial = head is not None and len(entries) >= head
    display = by_hash(result.text, found) if options.format in ("html", "pdf") else ""
    return Preview(options, tuple(entries), held, result, "", out, partial, found, display)


def by_hash(page: str, images: Mapping[str, Attachment]) -> str:
    """An HTML export's page with each embedded image (a data: URI) back as the journal's
    `attachment:SHA` reference, for the pane to show a display copy of it."""
    if not images or "data:" not in page:
        return page
    from journal.domain.attachments import SCHEME
    from journal.rendering.images import data_uri

    hashes = {data_uri(image): sha for sha, image in images.items()}

    def back(match: re.Match[str]) -> str:
        sha = hashes.get(match[1])
        return f'<img src="{SCHEME}:{sha}" alt="{match[2]}">' if sha else match[0]

    return _EMBEDDED_IMG.sub(back, page)


def private_note(entries: int, blocks: int, included: bool) -> str:
    """'3 private entries and 2 private blocks left out' (or '... included'); '' for none."""
    parts = []
    if entries:
        parts.append(
            tr("1 private entry") if entries == 1 else tr("{0} private entries").format(entries)
        )
    if blocks:
        parts.append(
            tr("1 private block") if blocks == 1 else tr("{0} private blocks").format(blocks)
        )
    if not parts:
        return ""
    what = tr(" and ").join(parts)
    return (tr("{0} included") if included else tr("{0} left out")).format(what)


def size_text(n: int) -> str:
    """'812 bytes', '14 KB', '2.3 MB'."""
    if n < 1024:
        return tr("{0} bytes").format(n)
    if n < 1024 * 1024:
        return tr("{0:.0f} KB").format(n / 1024)
    return tr("{0:.1f} MB").format(n / 1024 / 1024)


def boxed_private_blocks(page: str, box: str) -> str:
    """`page` with each private block the exporter marked (`PRIVATE_BOX`) shown in `box`
    instead (its `{body}` is the block's HTML): QTextBrowser ignores the page's CSS for
    divs, and the box says what the block is."""
    if _PRIVATE_OPEN not in page:
        return page
    opening, closing = box.split("{body}", 1)
    out: list[str] = []
    private: list[bool] = []  # for each div open here: whether it is a private block
    at = 0
    for tag in _DIV_TAG.finditer(page):
        text = tag.group()
        if text.startswith("</"):
            replaced = closing if private and private.pop() else text
        else:
            private.append(text == _PRIVATE_OPEN)
            replaced = opening if private[-1] else text
        out.append(page[at : tag.start()] + replaced)
        at = tag.end()
    out.append(page[at:])
    return "".join(out)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


class PreviewPane(QWidget):
    """A heading with "Show HTML source", then the text, the HTML page or a message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Preview pane"))
        self.images: ImageCache | None = None
        self._shown: tuple[str, int, bool, str] | None = None  # show_output's arguments
        self._shown_width = 0  # the width images were fitted to (0: none shown)
        self._images_shown: set[str] = set()
        self._reshow = QTimer(self)  # display copies that came in, or a new width: shown together
        self._reshow.setSingleShot(True)
        self._reshow.setInterval(50)
        self._reshow.timeout.connect(self._show_again)
        self.heading = QLabel(self.tr("<b>Preview</b>"), self)
        self.heading.setAccessibleName(self.tr("Preview heading"))
        self.source_check = QCheckBox(self.tr("Show HTML so&urce"), self)
        self.source_check.setAccessibleName(self.tr("Show the HTML source"))
        self.text_view = QPlainTextEdit(self)
        self.text_view.setAccessibleName(self.tr("Preview of the text to be written"))
        self.text_view.setReadOnly(True)
        self.text_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text_view.document().setDocumentMargin(TEXT_MARGIN)
        self.html_view = ImageBrowser(self)
        self.html_view.document().setDocumentMargin(TEXT_MARGIN)
        self.html_view.setAccessibleName(self.tr("Preview of the HTML page"))
        self.html_view.setOpenLinks(False)
        self.html_view.anchorClicked.connect(
            lambda url: (
                QDesktopServices.openUrl(url) if url.scheme().lower() in SAFE_SCHEMES else None
            )
        )
        self.message_label = QLabel(self)
        self.message_label.setAccessibleName(self.tr("Why there is nothing to preview"))
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setMargin(24)
        self.stack = QStackedWidget(self)
        self.stack.setAccessibleName(self.tr("Preview"))
        for page in (self.message_label, self.text_view, self.html_view):
            self.stack.addWidget(page)
        self.render_note = QLabel(
            self.tr(
                "A simplified rendering: the saved page brings its own styles for light and "
                "dark screens and for print."
            ),
            self,
        )
        self.render_note.setAccessibleName(self.tr("About the HTML preview"))
        self.render_note.setWordWrap(True)
        self.render_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.render_note.hide()

        pane = QVBoxLayout(self)
        pane.setContentsMargins(8, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.heading)
        head.addStretch(1)
        head.addWidget(self.source_check)
        pane.addLayout(head)
        pane.addWidget(self.stack, 1)
        pane.addWidget(self.render_note)

    def set_image_fetch(self, fetch: ImageFetch, pool: QThreadPool | None = None) -> None:
        """Where the page's images come from (by hash, called on a worker thread): their
        display copies are made there, at the pane's width, and kept by a cache of its own."""
        self.images = ImageCache(fetch, pool, parent=self)
        self.images.ready.connect(self._image_ready)

    def show_message(self, text: str) -> None:
        """Say why there is nothing to preview."""
        self._shown = None
        self._shown_width = 0
        self.message_label.setText(text)
        self.stack.setCurrentWidget(self.message_label)

    def show_output(self, text: str, size: int, html: bool, display: str = "") -> None:
        """Render an HTML page (unless its source is asked for; a page too big to render is
        shown up to an entry near RENDER_LIMIT), private blocks in a labelled box; anything
        else is shown as the text it is. `display` is the page as shown, its images by hash
        (see `by_hash`): they are fitted to the pane, decoded off the UI thread."""
        self._shown = (text, size, html, display)
        self._shown_width = 0
        source = text
        if html and display:
            text, size = display, len(display.encode("utf-8"))
        whole = size <= RENDER_LIMIT
        shown = text if whole else _first_part(text)
        if html and not self.source_check.isChecked() and shown:
            shown = self._with_images(shown)
            box = private_box(self.palette(), self.tr("Private · included in this export"))
            add_lock_image(self.html_view.document(), self.palette(), self.devicePixelRatioF())
            self.html_view.setHtml(boxed_private_blocks(shown, box))
            self.stack.setCurrentWidget(self.html_view)
            self.render_note.setText(
                self.tr(
                    "A simplified rendering: the saved page brings its own styles for light "
                    "and dark screens and for print."
                )
                if whole
                else self.tr(
                    "The first entries, in a simplified rendering: the saved page holds them "
                    "all, with its own styles for light and dark screens and for print."
                )
            )
            self.render_note.show()
        else:
            self.render_note.hide()
            self.text_view.setPlainText(source)
            self.stack.setCurrentWidget(self.text_view)

    def _with_images(self, page: str) -> str:
        shas = list(dict.fromkeys(m[1] for m in _ATTACHED.finditer(page)))
        self._images_shown = set(shas)
        if not shas or self.images is None:
            return page
        room = self._room()
        self._shown_width = room
        return fitted_images(self.html_view, self.images, page, shas, room)

    def _room(self) -> int:
        """The width an image may take in the HTML view (which, not shown yet, has not had
        the stack's size: it is worked out from the stack's then)."""
        view = self.html_view
        if view.isVisible():
            width = view.viewport().width()
        else:
            bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
            width = self.stack.width() - 2 * view.frameWidth() - bar
        return max(32, width - 2 * TEXT_MARGIN - 8)

    def _image_ready(self, sha: str) -> None:
        if sha in self._images_shown:
            self._reshow.start()

    def _show_again(self) -> None:
        if self._shown is None or self.stack.currentWidget() is not self.html_view:
            return
        bar = self.html_view.verticalScrollBar()
        at = bar.value()
        self.show_output(*self._shown)
        bar.setValue(at)  # the preview stays where it was

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._shown_width and self._room() != self._shown_width:
            self._reshow.start()  # images follow the pane's width


def _first_part(page: str) -> str:
    """The start of an HTML page, cut before the entry that crosses RENDER_LIMIT ("" when
    even the first entry does not fit: the source is shown then)."""
    cut = page.rfind('<article class="entry"', 0, RENDER_LIMIT)
    return page[:cut] if cut > 0 else ""

"""Painting the timeline's rows: a month heading, or an entry as a card.

An entry card shows the day (weekday over the day number), the title with the time and,
for a private entry, a padlock; a two-line excerpt with search matches highlighted; and
the tags as small chips. `paint_lock`/`lock_pixmap` are shared with the reader pane.
"""

from __future__ import annotations

import html
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from journal.domain.entry import MARK_END, MARK_START, EntrySummary
from journal.ui.common.i18n import weekday
from journal.ui.common.theme import SEARCH_MARK, SEARCH_MARK_TEXT
from journal.ui.timeline.thumbnails import Thumbnails
from journal.ui.timeline.timeline import Index, Roles, entry_of

if TYPE_CHECKING:
    from journal.ui.timeline.thumbnails import Thumbnails

if sys.version_info >= (3, 12):
    from typing import override
else:
    from typing_extensions import override


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


class TimelineDelegate(QStyledItemDelegate):
    """Paints a month heading, or an entry as day | title, excerpt, tags and lock."""

    PAD = 10
    DAY_WIDTH = 44

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._elided: dict[tuple[str, int, str], str] = {}  # excerpts cut to two lines
        self.thumbnails: Thumbnails | None = None  # an entry's first image, when given

    def set_thumbnails(self, thumbnails: Thumbnails | None) -> None:
        """Show each card's first image (made off the UI thread; see Thumbnails)."""
        self.thumbnails = thumbnails

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
        self, painter: QPainter, opt: QStyleOptionViewItem, entry: EntrySummary, snippet: str
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
            weekday(entry.day, short=True).upper(),
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

        # The first image, small, at the right below the title; the text makes room for it.
        thumb_side = max(0, min(inner.bottom() - body.top() - line - 4, line * 3))
        if self._paint_thumbnail(painter, entry.id, body, line, thumb_side):
            body = body.adjusted(0, 0, -(thumb_side + 8), 0)

        # Excerpt: two lines, search matches highlighted.
        excerpt_rect = QRect(body.left(), body.top() + line + 2, body.width(), line * 2)
        self._paint_snippet(painter, excerpt_rect, snippet, base_font, dim, pal, selected)

        # Tags as small chips.
        if entry.tags:
            self._paint_tags(painter, body, entry.tags, small, text_color, selected, line)

    def _paint_thumbnail(
        self, painter: QPainter, entry_id: int, body: QRect, line: int, side: int
    ) -> bool:
        """Draw the entry's thumbnail (if it has one and it is made); whether the text
        should leave room for it (also while it is being made)."""
        if self.thumbnails is None or side < 8:
            return False
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        image = self.thumbnails.for_entry(entry_id, round(side * ratio))
        if image is None:
            return bool(self.thumbnails.has_image(entry_id))
        box = QRect(body.right() - side + 1, body.top() + line + 4, side, side)
        fitted = image.size().scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(0, 0, fitted.width(), fitted.height())
        target.moveCenter(box.center())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, image)
        painter.restore()
        return True

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
        mark_bg = SEARCH_MARK if not selected else QColor(255, 255, 255, 80)
        mark_fg = SEARCH_MARK_TEXT if not selected else color
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

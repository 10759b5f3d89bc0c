"""Light and dark palettes and the application fonts, from the user's Settings.

Every colour in Daybook's widgets is derived from the palette set here (no hard-coded colours
in stylesheets), so switching the theme repaints everything, the editor's highlighting too.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

from journal.settings import Settings

# Widgets that show the user's text (the Markdown editor) carry this dynamic property so the
# theme can give them the editor font.
EDITOR_ROLE_PROPERTY = "daybookRole"
EDITOR_ROLE = "editor"
EDITOR_FONT_PROPERTY = "daybookEditorFont"
# The marker behind words a search found, in the timeline's cards and the entry shown: a
# highlighter's yellow in both themes, never the selection's colour (it would read as
# selected text).
SEARCH_MARK = QColor("#f6d860")
SEARCH_MARK_TEXT = QColor("#1a1a1a")

_LIGHT = {
    "window": "#f4f4f2",
    "text": "#1d1d1f",
    "base": "#ffffff",
    "alternate": "#f0efec",
    "button": "#e9e8e5",
    "highlight": "#2f6fd6",
    "highlighted_text": "#ffffff",
    "link": "#1f5fbf",
    "link_visited": "#6e44a8",
    "placeholder": "#85858a",
    "tooltip_base": "#fffbe6",
    "tooltip_text": "#1d1d1f",
    "bright_text": "#c62828",
}
_DARK = {
    "window": "#1e1e21",
    "text": "#e4e4e6",
    "base": "#2a2a2e",
    "alternate": "#303035",
    "button": "#37373c",
    "highlight": "#3f7fe6",
    "highlighted_text": "#ffffff",
    "link": "#82b1ff",
    "link_visited": "#c19cff",
    "placeholder": "#8c8c92",
    "tooltip_base": "#323236",
    "tooltip_text": "#e4e4e6",
    "bright_text": "#ff8a80",
}
# Native styles that ignore a custom palette; Fusion draws with it on every platform.
_PALETTE_BLIND_STYLES = {"windowsvista", "macos"}


def is_dark(settings: Settings) -> bool:
    """Whether the theme resolves to dark: System asks Qt, and Unknown counts as light."""
    if settings.theme == "dark":
        return True
    if settings.theme == "light":
        return False
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def make_palette(dark: bool) -> QPalette:
    """A complete palette (active, inactive and disabled groups) for light or dark."""
    c = {k: QColor(v) for k, v in (_DARK if dark else _LIGHT).items()}
    palette = QPalette(c["button"], c["window"])  # derives light/mid/dark/shadow shades
    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, c["window"]),
        (role.WindowText, c["text"]),
        (role.Base, c["base"]),
        (role.AlternateBase, c["alternate"]),
        (role.Text, c["text"]),
        (role.Button, c["button"]),
        (role.ButtonText, c["text"]),
        (role.Highlight, c["highlight"]),
        (role.HighlightedText, c["highlighted_text"]),
        (role.Link, c["link"]),
        (role.LinkVisited, c["link_visited"]),
        (role.PlaceholderText, c["placeholder"]),
        (role.ToolTipBase, c["tooltip_base"]),
        (role.ToolTipText, c["tooltip_text"]),
        (role.BrightText, c["bright_text"]),
        (role.Accent, c["highlight"]),
    ):
        palette.setColor(r, colour)
    disabled = QPalette.ColorGroup.Disabled
    muted = mix(c["text"], c["window"], 0.55)
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, r, muted)
    palette.setColor(disabled, role.Highlight, mix(c["highlight"], c["window"], 0.5))
    palette.setColor(disabled, role.Base, c["window"])
    return palette


def interface_font(settings: Settings) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    if settings.font_family:
        font.setFamilies([settings.font_family])
    font.setPointSize(settings.font_size)
    return font


def editor_font(settings: Settings) -> QFont:
    """The font to write in: the chosen family, or the desktop's own (proportional) font.
    Code keeps a fixed-width font: the highlighter gives code spans and blocks their own."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    if settings.editor_font_family:
        font.setFamilies([settings.editor_font_family])
    font.setPointSize(settings.font_size)
    return font


def apply_theme(app: QApplication, settings: Settings) -> None:
    """Set the palette and fonts from `settings`; with theme System, follow later changes
    of the desktop's colour scheme too."""
    dark = is_dark(settings)
    if app.style().name().lower() in _PALETTE_BLIND_STYLES:
        fusion = QStyleFactory.create("Fusion")
        if fusion is not None:
            app.setStyle(fusion)
    if app.style().name().lower() == "fusion" and not isinstance(app.style(), OutlinedStyle):
        app.setStyle(OutlinedStyle("Fusion"))
    app.setPalette(make_palette(dark))
    app.setFont(interface_font(settings))
    font = editor_font(settings)
    app.setProperty(EDITOR_FONT_PROPERTY, font)
    for widget in app.allWidgets():
        if widget.property(EDITOR_ROLE_PROPERTY) == EDITOR_ROLE:
            widget.setFont(font)
    _SchemeFollower.attach(app, settings)


def apply_editor_font(widget: QWidget) -> None:
    """Give a newly made editor widget the font the theme chose (if a theme was applied)."""
    widget.setProperty(EDITOR_ROLE_PROPERTY, EDITOR_ROLE)
    app = QApplication.instance()
    font = app.property(EDITOR_FONT_PROPERTY) if app is not None else None
    if isinstance(font, QFont):
        widget.setFont(font)


# WCAG 2.1's contrast for the edge of a control (1.4.11, non-text contrast).
CONTROL_EDGE_CONTRAST = 3.0


def control_edge(palette: QPalette) -> QColor:
    """The colour of a check box's or radio button's edge: the text's colour faded towards
    the window, made legible against it. Fusion draws these edges a shade darker than the
    window, which on the dark palette is almost black on almost black."""
    window = palette.color(QPalette.ColorRole.Window)
    faded = mix(palette.color(QPalette.ColorRole.Text), window, 0.45)
    return legible(faded, window, CONTROL_EDGE_CONTRAST)


class OutlinedStyle(QProxyStyle):
    """Fusion, with check boxes and radio buttons outlined in `control_edge` so an unchecked
    one can be seen in both themes (the rest is Fusion's own drawing)."""

    _OUTLINED = (
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    )

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in self._OUTLINED:
            return
        edge = control_edge(option.palette)
        if not option.state & QStyle.StateFlag.State_Enabled:
            edge = mix(edge, option.palette.color(QPalette.ColorRole.Window), 0.5)
        # A 1-pixel pen on the pixel centres, so the edge is crisp rather than two half-lit rows.
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(edge)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(rect)
        else:
            painter.drawRoundedRect(rect, 1.5, 1.5)
        painter.restore()


class _SchemeFollower(QObject):
    """Re-applies the palette when the desktop switches light/dark while the theme is System.
    One per application, a child of it, so nothing global outlives the app."""

    NAME = "daybookSchemeFollower"

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName(self.NAME)
        self._app = app
        self.settings = Settings()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._changed)

    @classmethod
    def attach(cls, app: QApplication, settings: Settings) -> None:
        follower = app.findChild(cls, cls.NAME)
        if follower is None:
            follower = cls(app)
        follower.settings = settings

    def _changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.settings.theme == "system":
            self._app.setPalette(make_palette(is_dark(self.settings)))


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """`a` moved `amount` (0..1) of the way towards `b`."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2): 0 for black, 1 for white."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG 2 contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def legible(colour: QColor, background: QColor, ratio: float) -> QColor:
    """`colour`, darkened on a light background or lightened on a dark one just enough to
    stand `ratio` against it (its hue kept); unchanged when it already does."""
    if contrast(colour, background) >= ratio:
        return colour
    towards = QColor("black") if luminance(background) > 0.18 else QColor("white")
    low, high = 0.0, 1.0
    for _ in range(12):  # bisect the smallest step that reaches the ratio
        middle = (low + high) / 2
        if contrast(mix(colour, towards, middle), background) >= ratio:
            high = middle
        else:
            low = middle
    return mix(colour, towards, high)

"""The interface language: Daybook's translation and Qt's own, installed once at start.

Translations are Qt Linguist files in `daybook_resources/translations` (`daybook_de.ts`,
compiled to `daybook_de.qm` by `tools/translations.py`). The language is the Settings
choice ("system" follows the desktop's locale); it is read at start only, so a change takes
effect after a restart. The chosen locale also becomes QLocale's default, which is what the
UI formats dates and numbers with (`journal.ui.common.wording`); exports stay locale-independent.
"""

from __future__ import annotations

from importlib.resources import files
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

if TYPE_CHECKING:
    import datetime as dt

# The languages a user can choose, besides "system", with their names in their own language
# (shown as such in Settings, whatever the interface language).
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch"}
_INSTALLED = "daybook-translator"  # objectName of the translators install() made


def chosen_locale(language: str, system: QLocale | None = None) -> QLocale:
    """The locale for the Settings choice `language` ("system", "en", "de", ...).

    "system" is the desktop's locale, except the POSIX "C" locale (no locale set at all),
    which is taken as US English so that numbers still get their separators.
    """
    if language == "system":
        found = system_locale() if system is None else system
        if found.language() != QLocale.Language.C:
            return found
        language = "en"
    return QLocale("en_US" if language == "en" else language)


def system_locale() -> QLocale:
    """The desktop's locale (LANG, LC_ALL, LC_MESSAGES, LANGUAGE on Linux)."""
    return QLocale.system()


def install(app: QCoreApplication, language: str, system: QLocale | None = None) -> QLocale:
    """Install the translators for `language` (replacing any installed before) and make
    its locale QLocale's default; returns that locale.

    Qt's own translation (standard buttons and dialogs) is installed in the language
    Daybook's translation was found in, so the two never disagree: a desktop language
    Daybook is not translated into gives English throughout.
    """
    remove(app)
    locale = chosen_locale(language, system)
    QLocale.setDefault(locale)
    own = QTranslator(app)
    if not own.load(locale, "daybook", "_", translations_folder()):
        own.deleteLater()
        return locale
    own.setObjectName(_INSTALLED)
    app.installTranslator(own)
    qt = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(QLocale(own.language()), "qtbase", "_", qt_folder):
        qt.setObjectName(_INSTALLED)
        app.installTranslator(qt)
    else:
        qt.deleteLater()
    return locale


def translations_folder() -> str:
    """The folder of the compiled translations (installed with the package)."""
    return str(files("daybook_resources") / "translations")


def remove(app: QCoreApplication) -> None:
    """Take out the translators install() put in (tests switch languages with this)."""
    for translator in app.findChildren(QTranslator, _INSTALLED):
        app.removeTranslator(translator)
        translator.setParent(None)
        translator.deleteLater()


def long_day(day: dt.date) -> str:
    """'Thursday, December 3, 2026' / 'Donnerstag, 3. Dezember 2026': a day as a heading."""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def month_year(day: dt.date) -> str:
    """'December 2026' / 'Dezember 2026'."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "MMMM yyyy")


def weekday(day: dt.date | int, short: bool = False) -> str:
    """'Thursday' / 'Donnerstag' ('Thu' / 'Do.' when `short`); an int is an ISO weekday."""
    form = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return QLocale().dayName(day if isinstance(day, int) else day.isoweekday(), form)


def short_month(month: int) -> str:
    """'Dec' / 'Dez.': a month's name as a chart's axis label."""
    return QLocale().standaloneMonthName(month, QLocale.FormatType.ShortFormat)


def short_day(day: dt.date) -> str:
    """'Thu 3 Dec 2026' / 'Do. 3 Dez. 2026'."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "ddd d MMM yyyy")


def day_month(day: dt.date, year: bool = False) -> str:
    """'3 Dec' / '3 Dez.' ('3 Dec 2026' with `year`): a day in a span of days."""
    return QLocale().toString(
        QDate(day.year, day.month, day.day), "d MMM yyyy" if year else "d MMM"
    )


def numeric_day(day: dt.date) -> str:
    """'12/3/26' / '03.12.26': a day in a narrow list, in the locale's short numeric form."""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def number(n: int) -> str:
    """'2,048' / '2.048'."""
    return QLocale().toString(n)

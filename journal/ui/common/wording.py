"""Counts in words: "1 entry", "2,048 entries", "no tags".

Qt's `%n` plurals need a translation file even for English (without one, "1 entries"),
so the singular and the plural are chosen here, each through tr() for translators.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from journal.ui.common.i18n import number


def tr(text: str) -> str:
    """`text` in the interface language, for code outside a QObject (inside one: self.tr).

    The context is empty because that is where pyside6-lupdate files a bare `tr("...")`
    call: any other context would never be looked up (tests/ui/common/test_translations.py).
    """
    return QCoreApplication.translate("", text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for lupdate where it is defined (a table); tr() it where it is shown.
    Qt's own returns an untyped object; lupdate reads this one by its name."""
    return text


def count(n: int, one: str, many: str) -> str:
    """`one` for 1, else `many` with `{0}` filled by n (with separators); both already tr()'d.

    `one` may hold `{0}` too (a '1' written as a word in some languages keeps its place).
    """
    return (one if n == 1 else many).format(number(n))


def ordinal_day(day: int) -> str:
    """1st, 2nd, 3rd, 4th ... 31st: the day of a month as English speaks it (tr'd suffixes)."""
    if day % 100 in (11, 12, 13):
        return tr("{0}th").format(day)
    suffix = {1: tr("{0}st"), 2: tr("{0}nd"), 3: tr("{0}rd")}.get(day % 10, tr("{0}th"))
    return suffix.format(day)


def entries(n: int) -> str:
    if n == 0:
        return tr("no entries")
    return tr("1 entry") if n == 1 else tr("{0} entries").format(number(n))


def tags(n: int) -> str:
    if n == 0:
        return tr("no tags")
    return tr("1 tag") if n == 1 else tr("{0} tags").format(number(n))


def working_days(n: int) -> str:
    return tr("1 working day") if n == 1 else tr("{0} working days").format(number(n))


def saved_with_streak(n: int) -> str:
    """The prompt's save confirmed: 'Saved · streak: 7 working days' ('Saved' without one)."""
    if n <= 0:
        return tr("Saved")
    return tr("Saved · streak: {0}").format(working_days(n))

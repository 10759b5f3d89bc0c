"""Counts in words: "1 entry", "2,048 entries", "no tags".

Qt's `%n` plurals need a translation file even for English (without one, "1 entries"),
so the singular and the plural are chosen here, each through tr() for translators.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("Wording", text)


def entries(n: int) -> str:
    if n == 0:
        return tr("no entries")
    return tr("1 entry") if n == 1 else tr("{0} entries").format(f"{n:,}")


def tags(n: int) -> str:
    if n == 0:
        return tr("no tags")
    return tr("1 tag") if n == 1 else tr("{0} tags").format(f"{n:,}")

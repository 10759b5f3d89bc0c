# ruff: noqa: F811  (the export dialog tests' fixtures, imported, are parameters here)
"""File > Export as PDF… and File > Print…: the export dialog's choice of entries, laid out
on paper (a PDF read back with poppler's pdftotext; a printer that prints to a file)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import unicodedata
from typing import TYPE_CHECKING, Any

import pytest

from journal.ui.dialogs.export_dialog import ExportDialog
from tests.ui.conftest import menu_of
from tests.ui.dialogs.test_export_dialog import (  # noqa: F401 (fixtures)
    TODAY,
    _clipboard_released,
    changed,
    make_dialog,
    stub_save_path,
    week,
)

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from journal.services.journal import Journal
    from tests.ui.conftest import MakeWindow

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


def pdf_text(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    pages = out.stdout.split("\f")[:-1]
    return [" ".join(unicodedata.normalize("NFKC", p).split()) for p in pages]


def test_the_dialog_saves_a_pdf_of_the_chosen_entries(
    week: Any, make_dialog: Any, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_dialog(week)
    assert not dialog.form.page_check.isEnabled()  # a PDF option
    with changed(qtbot, dialog):
        dialog.set_format("pdf")
    assert dialog.form.page_check.isEnabled()
    with changed(qtbot, dialog):
        dialog.form.page_check.setChecked(True)
    assert dialog.options().page_per_entry
    assert "page-break-before" in dialog.output_text()  # the preview is the print page
    asked = stub_save_path(monkeypatch, tmp_path / "review")
    with qtbot.waitSignal(dialog.saved, timeout=10000) as saved:
        dialog.save_button.click()
    written = tmp_path / "review.pdf"
    assert saved.args == [written, 2] and asked[0].suffix == ".pdf"
    pages = pdf_text(written)
    assert len(pages) == 3  # the title page, then one page per entry
    assert "2 entries" in pages[0] and "2026-11-17 to 2026-11-20" in pages[0]
    assert "WAL checkpoints" in pages[1] and "Freeze time in tests" in pages[2]
    text = " ".join(pages)
    assert "reorg rumour" not in text and "Salary" not in text  # private stays out


def test_print_paints_the_same_pages_on_the_printer(
    week: Any, make_dialog: Any, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    target = tmp_path / "printed.pdf"

    def printer(_cls: Any, _parent: Any) -> QPrinter:
        made = QPrinter(QPrinter.PrinterMode.HighResolution)
        made.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        made.setOutputFileName(str(target))
        return made

    monkeypatch.setattr(ExportDialog, "get_printer", classmethod(printer))
    dialog = make_dialog(week)  # Markdown chosen: printing lays the same entries out anyway
    with changed(qtbot, dialog):
        dialog.private_check.setChecked(True)
    assert dialog.print_button.isEnabled()
    with qtbot.waitSignal(dialog.printed, timeout=20000):
        assert dialog.print_entries()  # started: laid out and painted on the worker
    assert "Sent 3 entries to the printer" in dialog.summary_label.text()
    pages = pdf_text(target)
    assert "Flaky CI" in " ".join(pages) and "reorg rumour" in " ".join(pages)
    assert "3 entries" in pages[0] and pages[-1].replace(" ", "").endswith(
        f"{len(pages)}/{len(pages)}"
    )


def test_print_cancelled_prints_nothing(
    week: Any, make_dialog: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ExportDialog, "get_printer", classmethod(lambda _cls, _parent: None))
    dialog = make_dialog(week)
    assert not dialog.print_entries()


@pytest.mark.parametrize("printing", [False, True])
def test_file_menu_print_and_export_as_pdf(
    journal: Journal, make_window: MakeWindow, qtbot: QtBot, printing: bool
) -> None:
    journal.add("A day worth printing.", title="Printed", day=dt.date.today())
    window = make_window(journal)
    file_menu = menu_of(window, 0)
    names = [a.text() for a in file_menu.actions()]
    assert "Export as P&DF…" in names and "&Print…" in names
    wanted = "&Print…" if printing else "Export as P&DF…"
    chosen = next(a for a in file_menu.actions() if a.text() == wanted)
    with qtbot.waitSignal(window.exportOpened) as opened:
        chosen.trigger()
    dialog = opened.args[0]
    assert dialog.form.format_key() == "pdf"
    assert dialog.print_button.isDefault() == printing
    qtbot.waitUntil(lambda: dialog.preview() is not None)
    dialog.reject()


def test_a_pdf_is_laid_out_off_the_ui_thread_with_its_images(
    journal: Any, make_dialog: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Saving a long PDF from the app leaves the window responsive: the layout and the
    painting run on the worker thread; the file holds the entry's image."""
    import threading

    from journal.services.attachments import store_image_bytes
    from journal.ui.dialogs import pdf
    from tests.image_samples import encoded, noise

    reference = store_image_bytes(journal, encoded(noise((300, 180), seed=51), "PNG"))
    journal.add(f"The graph:\n\n{reference}", title="Graph", day=TODAY)
    threads: list[int] = []
    real = pdf.pdf_bytes

    def spy(html: str, *args: Any) -> bytes:
        threads.append(threading.get_ident())
        return real(html, *args)

    monkeypatch.setattr(pdf, "pdf_bytes", spy)
    dialog = make_dialog(journal)
    with changed(qtbot, dialog):
        dialog.set_format("pdf")
    stub_save_path(monkeypatch, tmp_path / "graph.pdf")
    with qtbot.waitSignal(dialog.saved, timeout=20000):
        dialog.save_button.click()
    assert threads and threading.get_ident() not in threads
    written = tmp_path / "graph.pdf"
    assert "Graph" in " ".join(pdf_text(written))
    if shutil.which("pdfimages"):
        listed = subprocess.run(
            ["pdfimages", "-list", str(written)], capture_output=True, text=True, check=True
        ).stdout
        assert any(line.split()[3:5] == ["300", "180"] for line in listed.splitlines()[2:])

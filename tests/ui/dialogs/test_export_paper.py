# ruff: noqa: F811  (the export dialog tests' fixtures, imported, are parameters here)
"""The export dialog on big inputs: images in the preview decoded off the UI thread at the
size shown, a PDF and a print run laid out and painted on the worker with progress and a
working Cancel, and a size estimate that counts what Save really writes."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from typing import TYPE_CHECKING, Any

import pytest
from PIL import Image

from journal.services.attachments import store_image_bytes
from journal.ui.dialogs import export_paper, pdf
from journal.ui.dialogs.export_dialog import ExportDialog
from journal.ui.dialogs.export_preview import TEXT_MARGIN
from tests.image_samples import encoded, noise
from tests.ui.dialogs.test_export_dialog import (  # noqa: F401 (fixtures)
    TODAY,
    _clipboard_released,
    changed,
    make_dialog,
    stub_save_path,
)

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from journal.services.journal import Journal

BIG = (4000, 3000)  # 12 megapixels


def big_image() -> bytes:
    """A 4000×3000 PNG that stays small on disk (a smooth gradient)."""
    gradient = Image.linear_gradient("L").resize(BIG).convert("RGB")
    return encoded(gradient, "PNG")


@pytest.fixture
def pictured(journal: Journal) -> tuple[Journal, str]:
    """An entry with a 12-megapixel image and one with a small one; the big one's hash."""
    reference = store_image_bytes(journal, big_image())
    small = store_image_bytes(journal, encoded(noise((120, 80), seed=7), "PNG"))
    journal.add(f"The whiteboard:\n\n{reference}\n\nAfter it.", title="Board", day=TODAY)
    journal.add(f"A small one:\n\n{small}", title="Small", day=TODAY)
    return journal, reference.split("attachment:")[1].rstrip(")")


def _decodes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int, int]]:
    """Every image decode for display: (thread, width, height of the copy made)."""
    from journal.ui.common import image_cache

    made: list[tuple[int, int, int]] = []
    real = image_cache.scaled_copy

    def spy(data: bytes, width: int, height: int) -> Any:
        image = real(data, width, height)
        made.append((threading.get_ident(), image.width(), image.height()))
        return image

    monkeypatch.setattr(image_cache, "scaled_copy", spy)
    return made


def settled(qtbot: QtBot, dialog: ExportDialog, sha: str) -> None:
    """Wait until the big image is shown by a copy made for the pane's present width."""
    from journal.ui.common.image_cache import bucket

    pane, view = dialog.preview_pane, dialog.html_view

    def fitted() -> bool:
        width = bucket(round(pane._shown_width * view.devicePixelRatioF()))
        return sha in view.images and view.images[sha].width() == width

    qtbot.waitUntil(fitted, timeout=10000)


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_the_preview_never_decodes_a_big_image_on_the_ui_thread(
    pictured: tuple[Journal, str],
    make_dialog: Any,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
) -> None:
    journal, sha = pictured
    made = _decodes(monkeypatch)
    dialog = make_dialog(journal)
    with changed(qtbot, dialog):
        dialog.set_format(fmt)
    view = dialog.html_view
    assert "data:" in dialog.output_text()  # what Save writes embeds the image...
    assert "data:" not in view.toHtml()  # ...what the browser is given never does
    settled(qtbot, dialog, sha)
    room = view.viewport().width()
    copy = view.images[sha]
    assert copy.width() <= room * view.devicePixelRatioF() + 128  # about the width shown
    assert made and all(thread != threading.get_ident() for thread, _w, _h in made)
    assert max(w for _t, w, _h in made) < BIG[0]  # never decoded at full size
    shown = [int(w) for w in __import__("re").findall(r'width="(\d+)"', view.toHtml())]
    assert shown and max(shown) <= room  # fitted to the pane, not 4000 wide


def test_the_preview_refits_its_images_to_a_narrower_pane(
    pictured: tuple[Journal, str], make_dialog: Any, qtbot: QtBot
) -> None:
    journal, sha = pictured
    dialog = make_dialog(journal)
    with changed(qtbot, dialog):
        dialog.set_format("html")
    view = dialog.html_view
    settled(qtbot, dialog, sha)
    wide, room = view.images[sha].width(), dialog.preview_pane._shown_width
    dialog.splitter.setSizes([600, 300])
    qtbot.waitUntil(lambda: 0 < dialog.preview_pane._shown_width < room, timeout=10000)
    settled(qtbot, dialog, sha)
    assert view.images[sha].width() < wide
    widths = [int(w) for w in __import__("re").findall(r'width="(\d+)"', view.toHtml())]
    assert max(widths) <= view.viewport().width()


def test_the_preview_text_keeps_a_margin_from_its_frame(
    journal: Journal, make_dialog: Any, qtbot: QtBot
) -> None:
    journal.add("Text that would touch the frame.", title="Edge", day=TODAY)
    dialog = make_dialog(journal)
    assert dialog.text_view.document().documentMargin() == TEXT_MARGIN
    assert dialog.html_view.document().documentMargin() == TEXT_MARGIN
    with changed(qtbot, dialog):
        dialog.set_format("html")
    assert dialog.html_view.document().documentMargin() == TEXT_MARGIN  # after setHtml too


# -- the size estimate -----------------------------------------------------------------------


def _written_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize(
    ("fmt", "split"), [("markdown", False), ("markdown", True), ("html", False)]
)
def test_the_size_estimate_is_what_save_writes(
    pictured: tuple[Journal, str],
    make_dialog: Any,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    split: bool,
) -> None:
    from journal.ui.dialogs.export_preview import size_text

    journal, _sha = pictured
    dialog = make_dialog(journal)
    if dialog.form.format_key() != fmt:
        with changed(qtbot, dialog):
            dialog.set_format(fmt)
    if split:
        with changed(qtbot, dialog):
            dialog.split_check.setChecked(True)
    out = tmp_path / "out"
    out.mkdir()
    if split:
        monkeypatch.setattr(ExportDialog, "get_folder", classmethod(lambda _c, _p, _s: out))
    else:
        stub_save_path(monkeypatch, out / f"export.{'md' if fmt == 'markdown' else 'html'}")
    estimate = dialog.summary_label.text()
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save_button.click()
    written = _written_bytes(out)
    if fmt == "markdown":  # the images beside it count
        assert len(list((out / "attachments").iterdir())) == 2
    assert size_text(written) in estimate, (estimate, written)  # exact before rounding
    assert dialog.preview() is not None and dialog.preview().size() == written
    if fmt == "markdown":
        assert "with 2 images" in estimate


def test_a_pdf_estimate_gives_no_size_it_cannot_know(
    pictured: tuple[Journal, str], make_dialog: Any, qtbot: QtBot
) -> None:
    journal, _sha = pictured
    dialog = make_dialog(journal)
    with changed(qtbot, dialog):
        dialog.set_format("pdf")
    assert dialog.summary_label.text() == "2 entries"  # not the size of the print page's HTML


# -- PDF and print: on the worker, page by page, with Cancel ----------------------------------


def _held_after(monkeypatch: pytest.MonkeyPatch, phase: str, dialog: ExportDialog) -> Any:
    """Hold the worker after its first `phase` report until the test pressed Cancel, so the
    cancel lands mid-way whatever the machine's speed. Returns the event to release it."""
    pressed = threading.Event()
    real = export_paper.PageProgress.report

    def report(self: Any, step: str, done: int, total: int) -> None:
        real(self, step, done, total)
        if step == phase and not pressed.is_set():
            pressed.wait(10)

    monkeypatch.setattr(export_paper.PageProgress, "report", report)
    return pressed


def _many(journal: Journal, n: int = 40) -> None:
    for i in range(n):
        journal.add(f"Day {i}: " + "a long reflection on caching. " * 60, title=f"N{i}",
                    day=TODAY - dt.timedelta(days=i % 5))  # fmt: skip


def _saving_a_long_pdf(
    journal: Journal,
    make_dialog: Any,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[ExportDialog, Path]:
    """A dialog on a long PDF, its whole preview built, Save answered with out/book.pdf."""
    _many(journal)
    dialog = make_dialog(journal)
    with changed(qtbot, dialog):
        dialog.set_format("pdf")
    qtbot.waitUntil(dialog.is_complete, timeout=10000)
    target = tmp_path / "out" / "book.pdf"
    target.parent.mkdir()
    stub_save_path(monkeypatch, target)
    return dialog, target


@pytest.mark.parametrize("phase", [pdf.LAYING_OUT, pdf.PAINTING])
def test_a_cancelled_pdf_leaves_no_file(
    journal: Journal,
    make_dialog: Any,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    phase: str,
) -> None:
    dialog, target = _saving_a_long_pdf(journal, make_dialog, qtbot, tmp_path, monkeypatch)
    pressed = _held_after(monkeypatch, phase, dialog)
    dialog.save_button.click()
    assert dialog.cancel_button.isVisibleTo(dialog) and not dialog.save_button.isEnabled()
    qtbot.waitUntil(lambda: phase in [p for p, _d, _t in _steps(dialog)], timeout=10000)
    with qtbot.waitSignal(dialog.cancelled, timeout=10000):
        dialog.cancel_button.click()
        pressed.set()
    assert list(target.parent.iterdir()) == []  # no file, no temporary left behind
    assert "Saving cancelled: no file was written" in dialog.summary_label.text()
    assert not dialog.cancel_button.isVisibleTo(dialog) and dialog.save_button.isEnabled()
    assert dialog.isVisible()  # still open: the user may save again


def _steps(dialog: ExportDialog) -> list[tuple[str, int, int]]:
    return getattr(dialog, "_seen_steps", [])


@pytest.fixture(autouse=True)
def _record_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each dialog keeps the progress steps its busy indicator was told (in `_seen_steps`)."""
    real = getattr(ExportDialog, "_paper_progress", None)
    if real is None:
        return

    def recording(self: ExportDialog, printing: bool) -> Any:
        report = real(self, printing)
        assert self._carrier is not None
        self._seen_steps = []  # type: ignore[attr-defined]
        self._carrier.step.connect(lambda *step: self._seen_steps.append(step))  # type: ignore[attr-defined]
        return report

    monkeypatch.setattr(ExportDialog, "_paper_progress", recording)


def test_a_pdf_reports_its_progress_and_is_written_on_the_worker(
    journal: Journal,
    make_dialog: Any,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _many(journal)
    threads = _painting_threads(monkeypatch)
    dialog = make_dialog(journal)
    with changed(qtbot, dialog):
        dialog.set_format("pdf")
    qtbot.waitUntil(dialog.is_complete, timeout=10000)
    stub_save_path(monkeypatch, tmp_path / "book.pdf")
    with qtbot.waitSignal(dialog.saved, timeout=20000):
        dialog.save_button.click()
    steps = _steps(dialog)
    phases = [p for p, _d, _t in steps]
    assert pdf.LAYING_OUT in phases and pdf.PAINTING in phases
    painted = [(d, t) for p, d, t in steps if p == pdf.PAINTING]
    assert [d for d, _t in painted] == list(range(1, painted[0][1] + 1))  # every page, in order
    assert painted[0][1] > 5
    assert threads and threading.get_ident() not in threads
    assert (tmp_path / "book.pdf").read_bytes().startswith(b"%PDF")


def _painting_threads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The threads that paint pages (a PDF's or a printer's), as they do."""
    threads: list[int] = []
    real = pdf.paint_pages

    def paint(*args: Any, **kwargs: Any) -> int:
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(pdf, "paint_pages", paint)
    return threads


def _file_printer(target: Path) -> Any:
    from PySide6.QtPrintSupport import QPrinter

    def printer(_cls: Any, _parent: Any) -> QPrinter:
        made = QPrinter(QPrinter.PrinterMode.HighResolution)
        made.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        made.setOutputFileName(str(target))
        return made

    return classmethod(printer)


def test_printing_runs_on_the_worker_with_the_entries_images(
    pictured: tuple[Journal, str],
    make_dialog: Any,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Printed from the Markdown format (the pages are rendered for paper on the worker),
    with the images the preview's format writes beside the file."""
    journal, _sha = pictured
    target = tmp_path / "printed.pdf"
    monkeypatch.setattr(ExportDialog, "get_printer", _file_printer(target))
    threads = _painting_threads(monkeypatch)
    dialog = make_dialog(journal)
    with qtbot.waitSignal(dialog.printed, timeout=20000):
        assert dialog.print_entries()
        assert not dialog.print_button.isEnabled()  # one run at a time
    assert threads and threading.get_ident() not in threads
    assert "Sent 2 entries to the printer" in dialog.summary_label.text()
    if shutil.which("pdfimages"):
        import subprocess

        listed = subprocess.run(
            ["pdfimages", "-list", str(target)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert len(listed) >= 2  # both images printed, not "[image not in the journal]"
    if shutil.which("pdftotext"):
        import subprocess

        text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True)
        assert "image not in the journal" not in text.stdout


@pytest.mark.parametrize("phase", [pdf.LAYING_OUT, pdf.PAINTING])
def test_a_cancelled_print_says_what_reached_the_printer(
    journal: Journal,
    make_dialog: Any,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    phase: str,
) -> None:
    _many(journal)
    target = tmp_path / "printed.pdf"
    monkeypatch.setattr(ExportDialog, "get_printer", _file_printer(target))
    dialog = make_dialog(journal)
    qtbot.waitUntil(dialog.is_complete, timeout=10000)
    pressed = _held_after(monkeypatch, phase, dialog)
    printed: list[bool] = []
    dialog.printed.connect(lambda: printed.append(True))
    assert dialog.print_entries()
    qtbot.waitUntil(lambda: phase in [p for p, _d, _t in _steps(dialog)], timeout=10000)
    with qtbot.waitSignal(dialog.cancelled, timeout=10000):
        dialog.cancel_button.click()
        pressed.set()
    status = dialog.summary_label.text()
    assert not printed
    if phase == pdf.LAYING_OUT:  # nothing painted yet: nothing sent at all
        assert "Printing cancelled: nothing was sent to the printer" in status
        assert not target.exists()
    else:  # Qt's PDF print engine cannot abort: the pages painted are said to be sent
        assert "Printing cancelled after page 1 of" in status
    assert dialog.print_button.isEnabled() and not dialog.cancel_button.isVisibleTo(dialog)


def test_closing_the_dialog_stops_a_pdf_being_written(
    journal: Journal,
    make_dialog: Any,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog, target = _saving_a_long_pdf(journal, make_dialog, qtbot, tmp_path, monkeypatch)
    pressed = _held_after(monkeypatch, pdf.PAINTING, dialog)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: pdf.PAINTING in [p for p, _d, _t in _steps(dialog)], timeout=10000)
    task = dialog._paper
    assert task is not None
    dialog.reject()
    pressed.set()
    qtbot.waitUntil(lambda: dialog._tasks.running() == 0, timeout=10000)
    assert task.token.cancelled and list(target.parent.iterdir()) == []


def test_embedded_images_do_not_cut_the_html_preview_short(
    journal: Journal, make_dialog: Any, qtbot: QtBot
) -> None:
    """A page past RENDER_LIMIT only because of its images' data: URIs is shown whole (the
    pane renders it with images by hash), down to its last entry."""
    from journal.ui.dialogs.export_preview import RENDER_LIMIT

    heavy = store_image_bytes(journal, encoded(noise((820, 720), seed=77), "PNG"))
    journal.add(f"Heavy:\n\n{heavy}", title="First", day=TODAY - dt.timedelta(days=1))
    journal.add("The end of the page.", title="Last words", day=TODAY)
    dialog = make_dialog(journal)
    with changed(qtbot, dialog):
        dialog.set_format("html")
    assert len(dialog.output_text()) > RENDER_LIMIT
    assert "Last words" in dialog.html_view.toPlainText()
    assert "first entries" not in dialog.render_note.text()

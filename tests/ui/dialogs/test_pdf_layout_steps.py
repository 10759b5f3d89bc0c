"""The PDF layout in steps (`journal.ui.dialogs.pdf`): the same pages as a layout in one go,
progress in order, and `Cancelled` between two steps or two pages, from any thread."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from journal import cancel
from journal.domain.entry import Entry
from journal.rendering import export as fmt
from journal.rendering.markdown import MarkdownRenderer
from journal.ui.dialogs import pdf

if TYPE_CHECKING:
    from pathlib import Path

NOW = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)


def page_html(n: int, per_page: bool = False, paragraphs: int = 3) -> str:
    body = "\n\n".join(f"Paragraph {p} about caches. " * 15 for p in range(paragraphs))
    entries = [
        Entry(
            i,
            f"u{i}",
            dt.date(2026, 1, 1) + dt.timedelta(days=i),
            NOW,
            NOW,
            f"T{i}",
            body + "\n\n- a\n- b\n\n```python\nprint(1)\n```\n",
            ("x",),
            False,
        )
        for i in range(n)
    ]
    return fmt.to_print_html(entries, MarkdownRenderer(highlight=True), False, per_page)


def writer() -> tuple[QPdfWriter, QBuffer]:
    pdf.ensure_gui()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    made = QPdfWriter(buffer)
    made.setResolution(pdf.RESOLUTION)
    made.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            pdf.MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    return made, buffer


@pytest.mark.parametrize(
    ("entries", "per_page", "paragraphs"),
    [(1, False, 1), (3, True, 2), (25, False, 3), (60, False, 1), (12, True, 20)],
)
def test_a_layout_in_steps_gives_the_pages_of_one_in_one_go(
    entries: int, per_page: bool, paragraphs: int
) -> None:
    html = page_html(entries, per_page, paragraphs)
    device, _buffer = writer()
    steps: list[tuple[str, int, int]] = []
    stepped = pdf.document_for(html, device, lambda *s: steps.append(s))
    whole = QTextDocument()
    whole.documentLayout().setPaintDevice(device)
    whole.setHtml(html)
    whole.setPageSize(QSizeF(stepped.pageSize()))
    assert stepped.pageCount() == whole.pageCount()
    assert stepped.toPlainText() == whole.toPlainText()
    done = [d for _p, d, _t in steps]
    assert done == sorted(done) and done[-1] == stepped.blockCount()
    assert {p for p, _d, _t in steps} == {pdf.LAYING_OUT}


def test_painting_reports_every_page_and_numbers_them() -> None:
    device, _buffer = writer()
    doc = pdf.document_for(page_html(20), device)
    steps: list[tuple[str, int, int]] = []
    pages = pdf.paint_pages(doc, device, lambda *s: steps.append(s))
    assert pages == doc.pageCount() > 3
    assert steps == [(pdf.PAINTING, i, pages) for i in range(1, pages + 1)]


def _cancel_after(phase: str, at: int) -> tuple[cancel.CancelToken, Any]:
    token = cancel.CancelToken()

    def progress(step: str, done: int, _total: int) -> None:
        if step == phase and done >= at:
            token.cancel()

    return token, progress


@pytest.mark.parametrize(
    ("phase", "at"), [(pdf.LAYING_OUT, 1), (pdf.PAINTING, 1), (pdf.PAINTING, 3)]
)
def test_a_pdf_stops_between_two_steps_when_cancelled(phase: str, at: int) -> None:
    token, progress = _cancel_after(phase, at)
    seen: list[tuple[str, int, int]] = []

    def both(*step: Any) -> None:
        seen.append(step)
        progress(*step)

    with cancel.cancellable(token), pytest.raises(cancel.Cancelled):
        pdf.pdf_bytes(page_html(40), both)
    if phase == pdf.PAINTING:  # stopped at the next page: no page painted after the cancel
        assert [d for p, d, _t in seen if p == pdf.PAINTING][-1] == at
    else:
        assert not [s for s in seen if s[0] == pdf.PAINTING]


def test_a_printer_is_asked_to_abort_when_painting_is_cancelled() -> None:
    device, _buffer = writer()
    doc = pdf.document_for(page_html(20), device)
    token, progress = _cancel_after(pdf.PAINTING, 2)
    aborted: list[bool] = []
    with cancel.cancellable(token), pytest.raises(cancel.Cancelled):
        pdf.paint_pages(doc, device, progress, abort=lambda: aborted.append(True))
    assert aborted == [True]


def test_pdf_bytes_without_progress_or_cancel_is_a_whole_pdf() -> None:
    data = pdf.pdf_bytes(page_html(5))
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="poppler-utils is not installed")
@pytest.mark.parametrize("size", [(4000, 3000), (600, 5000), (9000, 200)])
def test_an_image_bigger_than_the_page_is_fitted_on_one_page(
    journal: Any, tmp_path: Path, size: tuple[int, int]
) -> None:
    """Wide, tall and very wide images land whole on one page (not cut at the right margin
    or across pages); a small one keeps its size (never enlarged)."""
    from PIL import Image

    from journal.services.attachments import store_image_bytes
    from journal.services.export import ExportOptions, build_export
    from tests.image_samples import encoded, noise

    big = store_image_bytes(journal, encoded(Image.linear_gradient("L").resize(size), "PNG"))
    small = store_image_bytes(journal, encoded(noise((120, 80), seed=3), "PNG"))
    journal.add(f"Before.\n\n{big}\n\nAfter.\n\n{small}", title="Pictures", day=dt.date.today())
    html = build_export(journal, ExportOptions(format="pdf")).text
    target = tmp_path / "fit.pdf"
    target.write_bytes(pdf.pdf_bytes(html))
    rows = [
        line.split()
        for line in subprocess.run(
            ["pdfimages", "-list", str(target)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
    ]
    placed: dict[tuple[int, int], list[tuple[int, int]]] = {
        (int(r[3]), int(r[4])): [] for r in rows
    }
    for r in rows:
        placed[(int(r[3]), int(r[4]))].append((int(r[0]), int(r[12])))  # page, x-ppi
    [(big_page, big_ppi)] = placed[size]  # drawn once: on one page
    assert big_ppi > 96  # scaled down to fit (more pixels per inch)
    [(_page, small_ppi)] = placed[(120, 80)]
    assert small_ppi == 96  # as it was
    assert big_page == 2  # right after the title page

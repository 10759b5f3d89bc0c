"""`daybook export --format pdf`: run in a fresh interpreter with no display, as a user
would, and read back with poppler's pdftotext/pdfinfo (Debian's poppler-utils)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from journal.domain.entry import Entry
from journal.rendering.export import to_print_html
from journal.rendering.markdown import MarkdownRenderer

ROOT = Path(__file__).resolve().parents[3]
CANARY = "canary-7f3e-salary"
BLOCK_CANARY = "canary-9b1d-doubts"

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="poppler-utils (pdftotext, pdfinfo) is not installed",
)


def daybook(home: Path, *args: str, display: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the command must choose offscreen by itself
    if display:
        env["DISPLAY"] = display
    return subprocess.run(
        [sys.executable, "-m", "journal", "--home", str(home), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("pdfhome")
    for args in (
        ["Shipped the cache behind a flag #ci", "--date", "2026-05-04", "--title", "Cache"],
        [f"Salary talk {CANARY}", "--date", "2026-05-05", "--title", "Money", "--private"],
        [
            "## What did I learn?\nRead the logs first\n\n"
            f"```private\nmy {BLOCK_CANARY}\n```\n\n```python\nprint('kept code')\n```",
            "--date",
            "2026-05-06",
            "--title",
            "Logs",
        ],
    ):
        assert daybook(home, "add", *args).returncode == 0
    return home


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    pages = (unicodedata.normalize("NFKC", page) for page in out.stdout.split("\f"))
    return "\f".join(" ".join(page.split()) for page in pages)  # ligatures, wrapped lines


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)$", info.stdout, re.MULTILINE)
    assert match, info.stdout
    return int(match.group(1))


@needs_poppler
def test_pdf_holds_the_entries_and_not_the_private_canaries(home: Path, tmp_path: Path) -> None:
    target = tmp_path / "quarter.pdf"
    done = daybook(home, "export", "-o", str(target))  # the format from the suffix
    assert done.returncode == 0, done.stderr
    assert f"exported 2 entries to {target}" in done.stderr
    assert "held back 1 private entry and 1 private block" in done.stderr
    assert target.read_bytes().startswith(b"%PDF-")
    text = pdf_text(target)
    for words in ("Shipped the cache behind a flag", "Read the logs first", "kept code", "Logs"):
        assert words in text
    assert CANARY not in text and BLOCK_CANARY not in text and "Salary" not in text
    # the title page: the export's name, its days and its count, alone on page 1
    first = text.split("\f")[0]
    assert "Daybook, 2026-05-04 to 2026-05-06" in first and "2 entries" in first
    assert "Shipped" not in first
    pages = pdf_pages(target)
    assert pages == 2  # the title page, then both short entries on one page
    assert re.search(r"\b1 ?/ ?2$", first) and re.search(r"\b2 ?/ ?2$", text.split("\f")[1])


@needs_poppler
def test_page_per_entry_and_private_included(home: Path, tmp_path: Path) -> None:
    target = tmp_path / "all.pdf"
    done = daybook(
        home, "export", "--format", "pdf", "-o", str(target), "--page-per-entry",
        "--include-private",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = pdf_text(target)
    assert CANARY in text and BLOCK_CANARY in text
    assert pdf_pages(target) == 4  # a title page and one page per entry
    pages = text.split("\f")
    assert "Cache" in pages[1] and "Money" in pages[2] and "Logs" in pages[3]
    assert target.stat().st_mode & 0o777 == 0o600  # it holds private text


@needs_poppler
def test_a_display_that_is_not_there_does_not_matter(home: Path, tmp_path: Path) -> None:
    target = tmp_path / "away.pdf"
    done = daybook(home, "export", "-o", str(target), display=":97")  # no such X server
    assert done.returncode == 0, done.stderr
    assert "Read the logs first" in pdf_text(target)


@needs_poppler
def test_pdf_chooses_entries_like_every_export(home: Path, tmp_path: Path) -> None:
    target = tmp_path / "ci.pdf"
    done = daybook(home, "export", "-o", str(target), "--tag", "ci")
    assert done.returncode == 0, done.stderr
    text = pdf_text(target)
    assert "Shipped the cache" in text and "Read the logs" not in text
    assert "Daybook, 2026-05-04" in text and "1 entry" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("export", "--format", "pdf"), "a PDF export needs a file; give it with -o FILE.pdf"),
        (("export", "--format", "pdf", "-o", "-"), "a PDF export needs a file"),
        (("export", "--page-per-entry"), "--page-per-entry is for PDF exports"),
    ],
)
def test_pdf_usage_errors_are_one_line(home: Path, args: tuple[str, ...], message: str) -> None:
    done = daybook(home, *args)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith(f"daybook: error: {message}") and done.stderr.count("\n") == 1


def test_pdf_refuses_to_replace_a_file_without_force(home: Path, tmp_path: Path) -> None:
    target = tmp_path / "kept.pdf"
    target.write_text("mine")
    done = daybook(home, "export", "-o", str(target))
    assert done.returncode == 1 and "already exists" in done.stderr
    assert target.read_text() == "mine" and done.stderr.count("\n") == 1


def test_other_exports_never_load_qt(home: Path) -> None:
    code = (
        "import sys\nfrom journal.cli import main\n"
        f"rc = main(['--home', {str(home)!r}, 'export', '--format', 'html'])\n"
        "print([m for m in sys.modules if m.startswith('PySide6')], file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0 and out.stderr.strip().splitlines()[-1] == "[]"


def _entry(n: int) -> Entry:
    import datetime as dt

    at = dt.datetime(2026, 5, n, 9, 0, tzinfo=dt.UTC)
    return Entry(n, f"u{n}", at.date(), at, at, f"E{n}", f"text {n}", (), False)


def test_print_page_breaks_before_the_entries_or_before_each() -> None:
    entries = [_entry(n) for n in (1, 2, 3)]
    renderer = MarkdownRenderer(highlight=True)
    together = to_print_html(entries, renderer)
    apart = to_print_html(entries, renderer, page_per_entry=True)
    assert together.count("page-break-before: always") == 1
    assert apart.count("page-break-before: always") == 3
    assert together.index("page-break-before") < together.index("text 1")
    assert "<script" not in apart and "Daybook, 2026-05-01 to 2026-05-03" in apart


needs_pdfimages = pytest.mark.skipif(
    shutil.which("pdfimages") is None, reason="poppler-utils (pdfimages) is not installed"
)


def pdf_images(path: Path) -> list[tuple[int, int]]:
    """(width, height) of each image the PDF holds, from `pdfimages -list`."""
    out = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    sizes = []
    for line in out.stdout.splitlines()[2:]:  # two header lines
        fields = line.split()
        if len(fields) > 4 and fields[2] == "image":
            sizes.append((int(fields[3]), int(fields[4])))
    return sizes


@needs_pdfimages
@pytest.mark.parametrize("include_private", [False, True])
def test_pdf_holds_the_entries_images_and_not_a_private_ones(
    tmp_path: Path, include_private: bool
) -> None:
    from tests.image_samples import encoded, jpeg_with_gps, noise

    home = tmp_path / "home"
    shown, secret = tmp_path / "graph.png", tmp_path / "secret.png"
    shown.write_bytes(encoded(noise((320, 200), seed=41), "PNG"))
    secret.write_bytes(encoded(noise((97, 61), seed=42), "PNG"))
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(jpeg_with_gps())  # 64×48
    for args in (
        ["The graph that taught me", "--date", "2026-05-04", "--image", str(shown)],
        ["Photo", "--date", "2026-05-05", "--image", str(photo)],
        ["Private", "--date", "2026-05-06", "--private", "--image", str(secret)],
    ):
        done = daybook(home, "add", *args)
        assert done.returncode == 0, done.stderr
    target = tmp_path / "images.pdf"
    extra = ["--include-private"] if include_private else []
    done = daybook(home, "export", "-o", str(target), *extra)
    assert done.returncode == 0, done.stderr
    found = pdf_images(target)
    assert (320, 200) in found and (64, 48) in found
    assert ((97, 61) in found) is include_private
    assert "The graph that taught me" in pdf_text(target)

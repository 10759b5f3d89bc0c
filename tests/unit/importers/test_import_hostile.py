"""Hostile files given to the importers (issue 13.7, 13.9, 13.10, 14.15): zip bombs, zips
re-packed on macOS, encrypted or fake zips, FIFOs and devices, links out of a folder.

Each ends in one line and exit 1, or imports what is safe and lists what it skipped; none
hangs, none grows memory without bound.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zipfile
from typing import TYPE_CHECKING

import pytest

from journal.domain.filters import EntryFilter
from journal.errors import ImportFormatError

if TYPE_CHECKING:
    from pathlib import Path

    from journal.services.journal import Journal

ENTRY = {"uuid": "A1", "creationDate": "2024-05-17T10:00:00Z", "text": "# Hello\nworld"}
JOURNAL = json.dumps({"metadata": {}, "entries": [ENTRY]}).encode()


def _zip(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _patch_central(path: Path, offset: int, fmt: str, value: int) -> None:
    """Change a field of every central-directory record (and local header, same field)."""
    data = bytearray(path.read_bytes())
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        struct.pack_into(fmt, data, pos + offset, value)
        pos = data.find(b"PK\x01\x02", pos + 4)
    local = {8: 6, 10: 8, 24: 22}.get(offset)
    pos = data.find(b"PK\x03\x04")
    while local is not None and pos != -1:
        struct.pack_into(fmt, data, pos + local, value)
        pos = data.find(b"PK\x03\x04", pos + 4)
    path.write_bytes(bytes(data))


def daybook(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DAYBOOK_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "journal", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,  # a guard against a hang, not a measure of speed
    )


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1, result
    assert len(lines) == 1 and lines[0].startswith("daybook: error: "), result.stderr
    return lines[0]


# -- zips ------------------------------------------------------------------------------------


def test_a_zip_repacked_on_macos_imports(journal: Journal, tmp_path: Path) -> None:
    path = _zip(
        tmp_path / "export.zip",
        {
            "Journal.json": JOURNAL,
            "__MACOSX/._Journal.json": b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X\xff\xfe",
            "__MACOSX/photos/._a.jpeg": b"\xff\x00",
            "photos/._b.json": b"\xff\xfe\x00",
            "._Journal.json": b"\x00\x05\x16\x07\xff",
        },
    )
    report = journal.import_file("dayone", path)
    assert report.added == 1
    assert [e.title for e in journal.list_entries(_all())] == ["Hello"]


@pytest.mark.parametrize("size", [20 * 1024 * 1024, 64 * 1024 * 1024])
def test_a_zip_bomb_is_refused_before_it_is_inflated(
    journal: Journal, tmp_path: Path, size: int
) -> None:
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("Journal.json", "w") as w:
        w.write(b'{"entries": [], "pad": "')
        block = b" " * (1024 * 1024)
        for _ in range(size // len(block)):
            w.write(block)
        w.write(b'"}')
    assert path.stat().st_size < size // 500
    with pytest.raises(ImportFormatError, match="times its packed size"):
        journal.import_file("dayone", path)


def test_a_member_claiming_more_than_the_cap_is_refused(journal: Journal, tmp_path: Path) -> None:
    path = _zip(tmp_path / "big.zip", {"Journal.json": JOURNAL}, zipfile.ZIP_STORED)
    _patch_central(path, 24, "<I", 3 * 1024 * 1024 * 1024)
    with pytest.raises(ImportFormatError, match="unpacks to"):
        journal.import_file("dayone", path)


def test_an_encrypted_member_is_one_line(journal: Journal, tmp_path: Path) -> None:
    path = _zip(tmp_path / "locked.zip", {"Journal.json": JOURNAL})
    _patch_central(path, 8, "<H", 0x1)
    with pytest.raises(ImportFormatError, match="encrypted"):
        journal.import_file("dayone", path)


@pytest.mark.parametrize("method", [99, 97, 1, 6])
def test_an_unsupported_compression_method_is_one_line(
    journal: Journal, tmp_path: Path, method: int
) -> None:
    path = _zip(tmp_path / "odd.zip", {"Journal.json": JOURNAL})
    _patch_central(path, 10, "<H", method)
    with pytest.raises(ImportFormatError, match="compression method"):
        journal.import_file("dayone", path)


@pytest.mark.parametrize(
    "content",
    [
        b"not a zip at all",
        b"PK\x03\x04" + b"\x00" * 40,
        b"",
        b"\xff\xfe\x00garbage",
        b'{"entries": []}'[:5],
    ],
)
def test_a_fake_zip_says_it_is_not_a_valid_zip(
    journal: Journal, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "export.zip"
    path.write_bytes(content)
    with pytest.raises(ImportFormatError) as caught:
        journal.import_file("dayone", path)
    assert "not a valid .zip" in caught.value.problem
    assert "UTF-8" not in caught.value.problem and "JSON" not in caught.value.problem


@pytest.mark.parametrize("keep", [0.1, 0.3, 0.5, 0.7, 0.9, 0.99])
def test_a_truncated_zip_says_it_is_not_a_valid_zip(
    journal: Journal, tmp_path: Path, keep: float
) -> None:
    data = _zip(tmp_path / "whole.zip", {"Journal.json": JOURNAL * 1}).read_bytes()
    path = tmp_path / "cut.zip"
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(ImportFormatError) as caught:
        journal.import_file("dayone", path)
    assert "not a valid .zip" in caught.value.problem
    assert journal.store.count() == 0


def test_a_zip_whose_json_is_not_utf8_says_so(journal: Journal, tmp_path: Path) -> None:
    path = _zip(tmp_path / "export.zip", {"Journal.json": b'{"entries": ["\xff\xfe"]}'})
    with pytest.raises(ImportFormatError, match="not UTF-8"):
        journal.import_file("dayone", path)


# -- FIFOs and devices -----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jrnl", "jsonl", "json", "dayone", "rednotebook", "markdown"])
def test_a_fifo_is_refused_in_one_line_without_waiting(tmp_path: Path, fmt: str) -> None:
    fifo = tmp_path / ("2024-05.txt" if fmt == "rednotebook" else "journal.fifo")
    os.mkfifo(fifo)
    line = _one_line(daybook("import", fmt, str(fifo), home=tmp_path / "home"))
    assert "FIFO" in line


@pytest.mark.parametrize("fmt", ["jrnl", "jsonl", "json", "dayone"])
def test_a_device_is_refused_in_one_line(tmp_path: Path, fmt: str) -> None:
    line = _one_line(daybook("import", fmt, "/dev/zero", home=tmp_path / "home"))
    assert "a device" in line


def test_a_fifo_inside_a_notes_folder_is_not_read(journal: Journal, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2024-05-17.md").write_text("hello")
    os.mkfifo(notes / "2024-05-18.md")
    assert journal.import_file("markdown", notes).added == 1


def test_an_endless_line_stops_at_the_bound(journal: Journal, tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    with path.open("w") as fh:
        for _ in range(12):
            fh.write("x" * (1024 * 1024))
    with pytest.raises(ImportFormatError, match="longer than") as caught:
        journal.import_file("jsonl", path)
    assert caught.value.line == 1


# -- links out of a folder -------------------------------------------------------------------


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("PASSWORD=hunter2\n")
    (outside / "2024-05-19.md").write_text("someone else's note\n")
    (outside / "2024-06.txt").write_text("3: {text: 'not mine'}\n")
    return outside


def test_markdown_links_out_of_the_folder_are_skipped_and_listed(
    journal: Journal, tmp_path: Path, secret: Path
) -> None:
    notes = tmp_path / "notes"
    (notes / "sub").mkdir(parents=True)
    (notes / "2024-05-17.md").write_text("mine")
    (notes / "2024-05-18.md").symlink_to(secret / "secret.txt")
    (notes / "sub" / "2024-05-20.md").symlink_to("/proc/self/environ")
    (notes / "linked").symlink_to(secret)
    (notes / "2024-05-21.md").symlink_to(notes / "2024-05-17.md")  # inside: followed
    report = journal.import_file("markdown", notes)
    bodies = {e.body for e in journal.list_entries(_all())}
    assert bodies == {"mine"} and report.added == 2
    skipped = "\n".join(report.skipped_notes)
    for name in ("2024-05-18.md", "2024-05-20.md", "linked"):
        assert f"{name}: a link to a place outside" in skipped, skipped
    assert "hunter2" not in skipped


def test_rednotebook_links_out_of_the_folder_are_skipped_and_listed(
    journal: Journal, tmp_path: Path, secret: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "2024-05.txt").write_text("3: {text: 'mine'}\n")
    (data / "2024-06.txt").symlink_to(secret / "2024-06.txt")
    (data / "2024-07.txt").symlink_to("/proc/self/environ")
    report = journal.import_file("rednotebook", data)
    assert [e.body for e in journal.list_entries(_all())] == ["mine"]
    skipped = "\n".join(report.skipped_notes)
    assert "2024-06.txt: a link to a place outside" in skipped
    assert "2024-07.txt: a link to a place outside" in skipped


def _all() -> EntryFilter:
    return EntryFilter(include_private=True)


# -- memory ----------------------------------------------------------------------------------

MEASURE = """
import resource, sys
from pathlib import Path
from journal.errors import DaybookError
from journal.paths import AppPaths
from journal.services.journal import Journal
journal = Journal.open(AppPaths(Path(sys.argv[1])))
for fmt, path in zip(sys.argv[2::2], sys.argv[3::2]):
    try:
        journal.import_file(fmt, Path(path))
    except DaybookError as exc:
        print(exc.what[:200])
# VmHWM is this program's own peak; ru_maxrss on Linux keeps the peak of the process
# before exec (a forked test runner of hundreds of MB).
status = Path("/proc/self/status")
peak = [line for line in status.read_text().splitlines() if line.startswith("VmHWM:")]
print(int(peak[0].split()[1]) if peak else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def test_peak_memory_of_hostile_imports_stays_bounded(tmp_path: Path) -> None:
    """A 64 MB-of-spaces zip member, a 40 MB line, a 40 MB JSON string: under 300 MiB."""
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("Journal.json", "w") as w:
        w.write(b'{"entries": [{"uuid": "x", "creationDate": "2024-05-17T10:00:00Z", "text": "')
        for _ in range(64):
            w.write(b"a" * (1024 * 1024))
        w.write(b'"}]}')
    line = tmp_path / "line.txt"
    line.write_text("[2024-05-17 10:00] " + "y" * (40 * 1024 * 1024))
    big_json = tmp_path / "big.json"
    big_json.write_text(
        '{"format": "daybook", "version": 1, "entries": [{"uid": "u", "body": "'
        + "z" * (40 * 1024 * 1024)
        + '"}]}'
    )
    args = ["dayone", str(bomb), "jrnl", str(line), "json", str(big_json)]
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(tmp_path / "home"), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    peak_mib = int(result.stdout.split()[-1]) / 1024
    assert peak_mib < 300, (peak_mib, result.stdout)

"""Settings: defaults when the file is missing or bad, bad values reset, atomic private save."""

from __future__ import annotations

import json
import stat
from typing import TYPE_CHECKING

import pytest

from journal.errors import StorageError
from journal.settings import Settings

if TYPE_CHECKING:
    from pathlib import Path


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert Settings.load(tmp_path / "settings.json") == Settings()


def test_round_trip_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "settings.json"
    s = Settings(
        theme="dark",
        language="de",
        font_family="DejaVu Serif",
        font_size=14,
        editor_font_family="DejaVu Sans Mono",
        autosave_seconds=1.5,
        extra={"reminder": {"time": "17:30"}},
    )
    s.save(path)
    assert Settings.load(path) == s
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temporary left


@pytest.mark.parametrize(
    "content",
    [b"", b"{", b"null", b"[1, 2]", b'"dark"', b"\xff\xfe\xfa", b'{"theme": "dark"'],
)
def test_unreadable_file_gives_defaults(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    assert Settings.load(path) == Settings()


def test_a_folder_in_place_of_the_file_gives_defaults(tmp_path: Path) -> None:
    (tmp_path / "settings.json").mkdir()
    assert Settings.load(tmp_path / "settings.json") == Settings()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"theme": "purple"}, Settings()),
        ({"theme": 3}, Settings()),
        ({"font_size": 3}, Settings()),
        ({"font_size": 400}, Settings()),
        ({"font_size": "12"}, Settings()),
        ({"font_size": 12.5}, Settings()),
        ({"font_size": True}, Settings()),
        ({"font_family": None}, Settings()),
        ({"extra": []}, Settings()),
        ({"autosave_seconds": 3}, Settings(autosave_seconds=3)),
        ({"unknown": 1, "theme": "light"}, Settings(theme="light")),
        ({"theme": "dark", "font_size": 2}, Settings(theme="dark")),
        ({"language": "de"}, Settings(language="de")),
        ({"language": "en"}, Settings(language="en")),
        ({"language": "fr"}, Settings()),
        ({"language": "DE"}, Settings()),
        ({"language": None}, Settings()),
        ({"language": ["de"]}, Settings()),
        ({"language": "de", "theme": "purple"}, Settings(language="de")),
    ],
)
def test_bad_values_reset_one_by_one(
    tmp_path: Path, raw: dict[str, object], expected: Settings
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    assert Settings.load(path) == expected


def test_save_failure_is_a_storage_error_and_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    Settings(theme="dark").save(path)
    (tmp_path / ".settings.json.tmp").mkdir()  # the temporary file cannot be created
    with pytest.raises(StorageError, match="cannot save the settings"):
        Settings(theme="light").save(path)
    assert Settings.load(path).theme == "dark"


def test_save_into_a_file_instead_of_a_folder_is_a_storage_error(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("")
    with pytest.raises(StorageError):
        Settings().save(tmp_path / "blocker" / "settings.json")


def test_non_finite_or_absurd_autosave_falls_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    for raw in ("NaN", "Infinity", "-1", "0", "3600"):
        path.write_text(f'{{"autosave_seconds": {raw}}}', encoding="utf-8")
        assert Settings.load(path).autosave_seconds == 2.0, raw

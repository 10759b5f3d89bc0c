"""Where Daybook keeps its files. Nothing here touches the disk until asked to."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from journal.errors import StorageError

if TYPE_CHECKING:
    from collections.abc import Mapping

ENV_HOME = "DAYBOOK_HOME"
DB_NAME = "journal.sqlite3"


APP_NAME = "Daybook"  # also the default data folder's own name on every platform


def default_home() -> Path:
    """The platform's user data folder for Daybook (e.g. ~/.local/share/Daybook)."""
    import platformdirs

    return Path(platformdirs.user_data_path(APP_NAME, appauthor=False, roaming=True))


def shown(path: Path, user_home: Path | None = None) -> str:
    """`path` as a user reads it: inside the user's home folder as `~/...` (POSIX), else whole."""
    if os.name != "posix":
        return str(path)
    base = Path.home() if user_home is None else user_home
    try:
        inside = path.relative_to(base)
    except ValueError:
        return str(path)
    return "~" if inside == Path() else f"~/{inside.as_posix()}"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """Every file location of one journal, derived from its data folder."""

    home: Path

    @classmethod
    def resolve(
        cls, home: str | Path | None = None, env: Mapping[str, str] | None = None
    ) -> AppPaths:
        """`--home` first, then $DAYBOOK_HOME, then the platform's data folder."""
        env = os.environ if env is None else env
        chosen = home or env.get(ENV_HOME) or None
        path = Path(chosen).expanduser() if chosen else default_home()
        return cls(path.absolute())

    @property
    def is_default(self) -> bool:
        # A folder with another name cannot be it: no need to import platformdirs (~5 ms,
        # before the window's first paint) to say so.
        return self.home.name == APP_NAME and self.home == default_home().absolute()

    @property
    def database(self) -> Path:
        return self.home / DB_NAME

    @property
    def backups(self) -> Path:
        return self.home / "backups"

    @property
    def drafts(self) -> Path:
        return self.home / "drafts"

    @property
    def settings(self) -> Path:
        return self.home / "settings.json"

    def check(self) -> None:
        """Refuse, in one line, a data folder that is a file or lies inside one."""
        if (blocker := file_in_the_way(self.home)) is not None:
            raise StorageError(
                f"the data folder {self.home} cannot be used: {blocker} is a file, not a folder",
                "choose a folder with --home or DAYBOOK_HOME",
            )

    def ensure(self) -> None:
        """Create the data folders (0700) if missing, with a clear error if that fails."""
        for folder in (self.home, self.backups, self.drafts):
            ensure_private_dir(folder)


def file_in_the_way(folder: Path) -> Path | None:
    """The nearest existing `folder` or parent of it that is not a folder, if any."""
    for candidate in (folder, *folder.parents):
        try:
            if candidate.exists():
                return None if candidate.is_dir() else candidate
        except OSError:
            return None  # unreadable: mkdir reports it
    return None


def ensure_private_dir(folder: Path) -> None:
    """Create `folder` and its parents with mode 0700; an existing folder is left as it is."""
    if (blocker := file_in_the_way(folder)) is not None:
        raise StorageError(
            f"cannot create the folder {folder}: {blocker} is a file, not a folder",
            "choose another folder with --home or DAYBOOK_HOME",
        )
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
            raise StorageError(
                f"cannot create the data folder {folder}: its parent is read-only",
                "make it writable, or choose another folder with --home or DAYBOOK_HOME",
            ) from exc
        raise StorageError(
            f"cannot create the data folder {folder}: {exc.strerror}",
            "choose another folder with --home or DAYBOOK_HOME",
        ) from exc

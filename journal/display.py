"""Whether a window can open here, asked before Qt is: without a display Qt aborts the
process (SIGABRT, with a message about xcb) instead of reporting an error."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from journal.errors import DaybookError

if TYPE_CHECKING:
    from collections.abc import Mapping

# Qt platforms that need no display server.
HEADLESS = frozenset(
    {"offscreen", "minimal", "vnc", "eglfs", "linuxfb", "minimalegl", "vkkhrdisplay"}
)


def display_problem(
    env: Mapping[str, str] | None = None, platform: str | None = None
) -> str | None:
    """Why no window can open (None when one can, or when this cannot be known)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if platform in ("win32", "darwin", "cygwin"):
        return None
    wanted = [p.split(":", 1)[0].strip() for p in env.get("QT_QPA_PLATFORM", "").split(";")]
    wanted = [p for p in wanted if p]
    if any(p in HEADLESS for p in wanted):
        return None
    x11, wayland = bool(env.get("DISPLAY")), bool(env.get("WAYLAND_DISPLAY"))
    if not wanted:
        return None if x11 or wayland else "DISPLAY and WAYLAND_DISPLAY are not set"
    for name in wanted:
        if name.startswith("wayland") and wayland:
            return None
        if name == "xcb" and x11:
            return None
        if name not in ("xcb",) and not name.startswith("wayland"):
            return None  # a platform plugin this check does not know: let Qt try it
    needs = " or ".join("WAYLAND_DISPLAY" if n.startswith("wayland") else "DISPLAY" for n in wanted)
    return f"QT_QPA_PLATFORM={env.get('QT_QPA_PLATFORM')} needs {needs}, which is not set"


def require_display(env: Mapping[str, str] | None = None, platform: str | None = None) -> None:
    """Raise a one-line error when no window can open here."""
    if (reason := display_problem(env, platform)) is not None:
        raise DaybookError(
            f"no display; the window cannot open here ({reason})",
            "run it inside a desktop session, or give it one, e.g. DISPLAY=:0 in a crontab line",
        )

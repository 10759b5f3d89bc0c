"""tools/screenshot.py: each view goes to its own README picture unless --out says otherwise
(once, `--insights` without --out overwrote the main window's picture)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from tools.screenshot import default_out

VIEWS = ("prompt", "insights", "export", "empty", "team")


def args(*chosen: str, dark: bool = False) -> argparse.Namespace:
    return argparse.Namespace(dark=dark, **{view: view in chosen for view in VIEWS})


@pytest.mark.parametrize(
    ("chosen", "dark", "expected"),
    [
        ((), False, "screenshot-main.png"),
        ((), True, "screenshot-dark.png"),
        (("prompt",), False, "screenshot-prompt.png"),
        (("insights",), False, "screenshot-insights.png"),
        (("insights",), True, "screenshot-insights-dark.png"),
        (("export",), False, "screenshot-export.png"),
        (("empty",), False, "screenshot-empty.png"),
        (("empty",), True, "screenshot-empty-dark.png"),
        (("team",), False, "screenshot-team.png"),
    ],
)
def test_each_view_has_its_own_picture(chosen: tuple[str, ...], dark: bool, expected: str) -> None:
    assert default_out(args(*chosen, dark=dark)) == Path("docs") / expected


def test_no_two_views_share_a_picture() -> None:
    outs = [default_out(args(v, dark=d)) for v in ("", *VIEWS) for d in (False, True)]
    assert len(set(outs)) == len(outs)


def test_every_picture_the_readme_shows_is_one_the_tool_makes() -> None:
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    made = {default_out(args(v, dark=d)).name for v in ("", *VIEWS) for d in (False, True)}
    shown = {
        line.split("(docs/", 1)[1].split(")", 1)[0]
        for line in readme.splitlines()
        if line.startswith("![") and "(docs/" in line
    }
    assert shown - made <= {"screenshot-narrow.png"}  # the narrow one is --size ... --out
    assert {"screenshot-export.png", "screenshot-empty.png"} <= shown

"""Keep the translations in step with the code: pyside6-lupdate, then pyside6-lrelease.

    python tools/translations.py            update every .ts from the code, compile each .qm
    python tools/translations.py --check    exit 1 if a .ts misses strings or a .qm is stale
    python tools/translations.py --new fr   start resources/translations/daybook_fr.ts

The .ts files (Qt Linguist's XML, one per language) and the compiled .qm files both live in
resources/translations/ and are committed: the .qm is what an installed Daybook loads
(journal.ui.common.i18n), and tests/ui/common/test_translations.py checks it is exactly what
lrelease makes of the .ts. `daybook_en.ts` holds only the plural forms (`tr("%n ...", "", n)`),
which English needs too. Locations are left out of the .ts so that moving code does not change it.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
SOURCE_LANGUAGE = "en"

Key = tuple[str, str, str]  # context, source, disambiguation comment


def tool(name: str) -> str:
    """The Qt tool `name` (lupdate, lrelease) shipped inside the PySide6 package."""
    found = Path(PySide6.__file__).parent / (name + (".exe" if sys.platform == "win32" else ""))
    if not found.exists():
        raise SystemExit(f"translations: error: {found} is missing; reinstall PySide6")
    return str(found)


def sources() -> list[str]:
    """The Python files lupdate reads: all of journal/ (only Qt-using ones mark strings)."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "journal").rglob("*.py"))


def ts_files(folder: Path = FOLDER) -> list[Path]:
    return sorted(folder.glob("daybook_*.ts"))


def language_of(ts: Path) -> str:
    return ts.stem.removeprefix("daybook_")


def update(ts: Path) -> None:
    """Add the code's new strings to `ts` and drop the ones the code no longer has."""
    language = language_of(ts)
    args = [tool("lupdate"), *sources(), "-no-obsolete", "-locations", "none", "-silent"]
    args += ["-source-language", SOURCE_LANGUAGE, "-target-language", language]
    if language == SOURCE_LANGUAGE:
        args.append("-pluralonly")
    subprocess.run([*args, "-ts", str(ts)], cwd=ROOT, check=True)


def release(ts: Path, qm: Path) -> None:
    """Compile `ts` to `qm` (unfinished translations are left out: English shows)."""
    subprocess.run(
        [tool("lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)], check=True
    )


def messages(ts: Path) -> dict[Key, ET.Element]:
    """Every message of `ts` by (context, source, comment)."""
    found: dict[Key, ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message
    return found


def stale(ts: Path) -> tuple[set[Key], set[Key]]:
    """(strings the code has that `ts` lacks, strings `ts` has that the code lost)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / ts.name
        shutil.copyfile(ts, copy)
        update(copy)
        before, after = set(messages(ts)), set(messages(copy))
    return after - before, before - after


def qm_is_current(ts: Path) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.qm"
        release(ts, fresh)
        committed = ts.with_suffix(".qm")
        return committed.exists() and filecmp.cmp(fresh, committed, shallow=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="translations", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    parser.add_argument("--new", metavar="LANG", help="start a translation (e.g. fr, pt_BR)")
    args = parser.parse_args(argv)
    if args.new:
        ts = FOLDER / f"daybook_{args.new}.ts"
        if ts.exists():
            parser.error(f"{ts.relative_to(ROOT)} exists already")
        update(ts)
        release(ts, ts.with_suffix(".qm"))
        print(f"started {ts.relative_to(ROOT)}: translate it with pyside6-linguist, then run")
        print("this tool again, and add the language to journal/ui/common/i18n.py and settings.py")
        return 0
    problems = 0
    for ts in ts_files():
        if args.check:
            missing, vanished = stale(ts)
            for what, keys in (("not in", missing), ("vanished from the code but in", vanished)):
                for context, source, _comment in sorted(keys):
                    print(f"{context}: {source!r} {what} {ts.name}")
                    problems += 1
            if not qm_is_current(ts):
                print(f"{ts.with_suffix('.qm').name} is not what lrelease makes of {ts.name}")
                problems += 1
        else:
            update(ts)
            release(ts, ts.with_suffix(".qm"))
            print(f"updated {ts.relative_to(ROOT)} and its .qm")
    if problems:
        print("translations: run python tools/translations.py and translate what is new")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env bash
# Packaging checks for CI (called by .ci/run; runs on its own too, in about 30 s):
#  1. the .desktop file and the AppStream metainfo validate (desktop-file-validate,
#     appstreamcli validate --no-net), and the metainfo lists a release for this version;
#  2. a NON-editable `pip install .` into a fresh virtual environment works, and the
#     installed `daybook` runs: --version, add, an HTML export (which reads the template and
#     CSS from daybook_resources), check;
#  3. the installed packages hold the resources (icons, template, compiled translations, which
#     load) and the Alembic migrations.
# Installs desktop-file-utils and appstream with apt-get when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-python3}
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1
APP_ID=io.github.daybook.Daybook
DESKTOP=packaging/$APP_ID.desktop
METAINFO=packaging/$APP_ID.metainfo.xml
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/daybook-ci-checks.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
START=$SECONDS

fail() {
  echo "ci-checks: error: $*" >&2
  exit 1
}

echo "== packaging: desktop file and AppStream metainfo"
if ! command -v desktop-file-validate >/dev/null || ! command -v appstreamcli >/dev/null; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null
  $SUDO apt-get install -y -qq --no-install-recommends desktop-file-utils appstream >/dev/null ||
    fail "could not install desktop-file-utils and appstream; install them with apt-get"
fi
desktop-file-validate "$DESKTOP" || fail "$DESKTOP is not valid (see above)"
echo "$DESKTOP: valid"
appstreamcli validate --no-net "$METAINFO" || fail "$METAINFO is not valid (see above)"

VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' journal/__init__.py)
[ -n "$VERSION" ] || fail "no __version__ in journal/__init__.py"
grep -q "<release version=\"$VERSION\"" "$METAINFO" ||
  fail "$METAINFO has no <release> for version $VERSION; add one with its date"
ICON=$(sed -n 's/^Icon=//p' "$DESKTOP")
for size in 16 32 48 64 128 256 512; do
  [ -f "resources/icons/hicolor/${size}x${size}/apps/$ICON.png" ] ||
    fail "no ${size}px icon for Icon=$ICON; run packaging/make_icons.py"
done

echo "== packaging: non-editable install into a fresh virtual environment"
# Install from a copy: building in the work tree would leave build/ there, and setuptools
# reuses stale files from it, which could hide a file missing from the package.
mkdir "$SCRATCH/src"
tar -C "$ROOT" --exclude=./.git --exclude=./.venv --exclude=./build --exclude=./dist \
  --exclude='*.egg-info' --exclude=__pycache__ --exclude=./bench --exclude=./tests -cf - . |
  tar -C "$SCRATCH/src" -xf -
"$PYTHON" -m venv "$SCRATCH/venv" || fail "could not create a virtual environment; install python3-venv"
"$SCRATCH/venv/bin/pip" install -qq "$SCRATCH/src" || fail "pip install . failed (see above)"
rm -rf "$SCRATCH/src"
DAYBOOK=$SCRATCH/venv/bin/daybook
HOME_DIR=$SCRATCH/home
cd "$SCRATCH" # so that nothing is imported from the work tree

got=$("$DAYBOOK" --version) || fail "daybook --version failed"
[ "$got" = "daybook $VERSION" ] || fail "daybook --version printed '$got', expected 'daybook $VERSION'"
echo "$got"
"$DAYBOOK" --home "$HOME_DIR" add --date 2026-11-20 --title "Packaging check" --tag ci \
  "Installed without -e; the template and CSS must come from the wheel." >/dev/null ||
  fail "daybook add failed in a fresh journal"
"$DAYBOOK" --home "$HOME_DIR" export --format html -o "$SCRATCH/export.html" ||
  fail "daybook export --format html failed"
grep -q "Installed without -e" "$SCRATCH/export.html" || fail "the HTML export lacks the entry"
grep -qi "<style" "$SCRATCH/export.html" || fail "the HTML export has no embedded CSS"
echo "HTML export: $(wc -c <"$SCRATCH/export.html") bytes"
"$DAYBOOK" --home "$HOME_DIR" check || fail "daybook check failed"

echo "== packaging: resources and migrations inside the installed packages"
"$SCRATCH/venv/bin/python" - "$VERSION" <<'EOF' || fail "the installed package is incomplete (see above)"
import sys
from importlib.resources import files
from pathlib import Path

import journal
import journal.storage.migrate as migrate

problems = []
if "site-packages" not in str(Path(journal.__file__)):
    problems.append(f"journal was imported from {journal.__file__}, not the installed copy")
res = files("daybook_resources")
for name in (
    "icons/daybook.svg",
    "icons/hicolor/256x256/apps/io.github.daybook.Daybook.png",
    "templates/export.html",
    "styles/export.css",
    "translations/daybook_de.qm",
    "translations/daybook_en.qm",
):
    if not res.joinpath(name).is_file():
        problems.append(f"daybook_resources/{name} is missing")
versions = migrate.MIGRATIONS / "versions"
scripts = sorted(p.name for p in versions.glob("*.py") if p.name != "__init__.py")
for prefix in ("0001", "0002"):
    if not any(s.startswith(prefix) for s in scripts):
        problems.append(f"migration {prefix} is missing from {versions}")
for name in ("env.py", "script.py.mako"):
    if not (migrate.MIGRATIONS / name).is_file():
        problems.append(f"{name} is missing from {migrate.MIGRATIONS}")
if migrate.script_head() != migrate.SCHEMA_HEAD:
    problems.append(f"Alembic's head {migrate.script_head()} is not {migrate.SCHEMA_HEAD}")
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from journal.ui.common import i18n
app = QApplication([])
i18n.install(app, "de")
if QCoreApplication.translate("", "&File") != "&Datei":
    problems.append("the installed app does not load its German translation")
for p in problems:
    print(f"ci-checks: {p}", file=sys.stderr)
if not problems:
    print(f"resources: ok; migrations: {', '.join(scripts)}")
sys.exit(1 if problems else 0)
EOF
echo "== packaging checks passed in $((SECONDS - START)) s"

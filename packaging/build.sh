#!/usr/bin/env bash
# Build Daybook as a one-folder app with PyInstaller (dist/daybook) and smoke-test the result.
#
#   packaging/build.sh            build, smoke-test, then pack dist/daybook-VERSION-linux-ARCH.tar.gz
#   packaging/build.sh --smoke    only smoke-test an existing dist/daybook
#
# A manual step, not part of .ci/run (it takes a few minutes). It installs Daybook (not
# editable, from a clean copy of the source) and PyInstaller into a throwaway virtual
# environment, or into $BUILD_VENV when set (kept and reused), then runs
# packaging/daybook.spec. Needs python3 with venv; on Linux also binutils (objdump), and with
# Debian's own Python the shared libpython3.11 (apt-get install binutils libpython3.11).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PIP_DISABLE_PIP_VERSION_CHECK=1
PYTHON=${PYTHON:-python3}
DIST=$ROOT/dist/daybook
APP=$DIST/daybook
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/daybook-build.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT

fail() {
  echo "build.sh: error: $*" >&2
  exit 1
}

build() {
  if [ "$(uname -s)" = Linux ] && ! command -v objdump >/dev/null; then
    fail "PyInstaller needs objdump; install binutils (apt-get install binutils)"
  fi
  local venv=${BUILD_VENV:-$SCRATCH/venv}
  echo "== virtual environment: $venv"
  [ -x "$venv/bin/python" ] || "$PYTHON" -m venv "$venv"
  # Build from a copy: setuptools would otherwise leave build/lib in the work tree and
  # reuse stale files from it in later builds.
  mkdir "$SCRATCH/src"
  tar -C "$ROOT" --exclude=./.git --exclude=./.venv --exclude=./build --exclude=./dist \
    --exclude='*.egg-info' --exclude=__pycache__ --exclude=./bench -cf - . |
    tar -C "$SCRATCH/src" -xf -
  "$venv/bin/pip" install -qq pyinstaller "$SCRATCH/src"
  "$venv/bin/pip" install -qq --no-deps --force-reinstall "$SCRATCH/src"
  echo "== pyinstaller $("$venv/bin/pyinstaller" --version)"
  local start=$SECONDS
  "$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" packaging/daybook.spec
  echo "== built $DIST in $((SECONDS - start)) s: $(du -sh "$DIST" | cut -f1)"
}

smoke() {
  [ -x "$APP" ] || fail "$APP is missing; run packaging/build.sh first"
  local home=$SCRATCH/home out=$SCRATCH/out
  mkdir -p "$out"
  export QT_QPA_PLATFORM=offscreen
  echo "== smoke test of $APP"
  local internal=$DIST/_internal
  for f in journal/storage/migrations/env.py journal/storage/migrations/versions/0001_initial.py \
    journal/storage/migrations/versions/0002_entry_kind.py daybook_resources/icons/daybook.svg; do
    [ -f "$internal/$f" ] || fail "$f is not in the build"
  done
  local version
  version=$("$APP" --version) || fail "daybook --version failed"
  echo "$version"
  # A fresh journal: Alembic runs every migration from the scripts inside the build.
  "$APP" --home "$home" add --title "Smoke" --tag packaging \
    "Built with PyInstaller; learned that Alembic reads its scripts from disk.

\`\`\`python
print('highlighted by Pygments')
\`\`\`" >/dev/null || fail "daybook add failed"
  "$APP" --home "$home" list --json >"$out/list.json" || fail "daybook list --json failed"
  grep -q '"title": "Smoke"' "$out/list.json" || fail "the entry is not in daybook list --json"
  "$APP" --home "$home" check || fail "daybook check failed"
  if "$APP" export --help >/dev/null 2>&1; then
    "$APP" --home "$home" export --format html -o "$out/export.html" ||
      fail "daybook export --format html failed"
    grep -q "highlighted by Pygments" "$out/export.html" || fail "the HTML export lacks the entry"
    echo "HTML export: $(wc -c <"$out/export.html") bytes"
  fi
  # The desktop app, offscreen: it must still be running when `timeout` stops it (124).
  local rc=0
  timeout 8 "$APP" --home "$home" gui >"$out/gui.log" 2>&1 || rc=$?
  if [ "$rc" -ne 124 ] || grep -q Traceback "$out/gui.log"; then
    cat "$out/gui.log" >&2
    fail "the desktop app exited with status $rc within 8 s (expected to keep running)"
  fi
  echo "desktop app: ran offscreen for 8 s without exiting"
  echo "== smoke test passed"
}

archive() {
  local version tarball
  version=$("$APP" --version | cut -d' ' -f2)
  tarball=$ROOT/dist/daybook-$version-linux-$(uname -m).tar.gz
  tar -C "$ROOT/dist" -czf "$tarball" daybook
  echo "== package: $tarball ($(du -h "$tarball" | cut -f1))"
}

case "${1:-}" in
  "") build && smoke && archive ;;
  --smoke) smoke ;;
  *) fail "unknown option $1 (use no option, or --smoke)" ;;
esac

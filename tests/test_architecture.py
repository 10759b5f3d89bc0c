"""The layering rules of DESIGN.md, enforced."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "journal"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_only_ui_and_app_import_pyside6() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in _sources()
        if any(n.split(".")[0] == "PySide6" for n in _imports(p))
        and not (p.is_relative_to(PACKAGE / "ui") or p == PACKAGE / "app.py")
    ]
    assert offenders == []


def test_ui_never_imports_sqlalchemy_or_storage() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in (PACKAGE / "ui").rglob("*.py")
        if any(n.startswith(("sqlalchemy", "journal.storage")) for n in _imports(p))
    ]
    assert offenders == []


def test_lower_layers_load_without_qt_or_markdown() -> None:
    code = (
        "import sys, journal.cli, journal.services.journal, journal.storage.store, "
        "journal.domain.query, journal.importers.jrnl, journal.importers.jsonl\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'markdown', 'nh3')]\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_importing_modules_touches_no_disk(tmp_path: Path) -> None:
    home = tmp_path / "nothing-here"
    code = (
        "import pkgutil, importlib, journal\n"
        "for m in pkgutil.walk_packages(journal.__path__, 'journal.'):\n"
        "    if '.migrations' not in m.name: importlib.import_module(m.name)\n"
    )
    env = {"DAYBOOK_HOME": str(home), "HOME": str(home), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=tmp_path)
    assert not home.exists()


def test_every_package_is_listed_in_pyproject() -> None:
    import tomllib

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in PACKAGE.rglob("__init__.py")}
    assert found <= listed, found - listed


def test_widgets_talk_to_the_journal_service_not_the_store() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in (PACKAGE / "ui").rglob("*.py")
        if ".store." in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


# The screens of journal/ui and the one direction their imports may take: a package may
# import from packages of a lower rank only (and from itself); packages of the same rank
# do not know each other. journal/ui/__init__.py documents the same picture.
UI_RANK = {"common": 0, "timeline": 1, "editor": 1, "dialogs": 2, "prompt": 2, "main": 3}


def _ui_package(module: str) -> str | None:
    parts = module.split(".")
    if parts[:2] != ["journal", "ui"] or len(parts) < 3:
        return None
    return parts[2]


def _ui_imports(path: Path) -> set[str]:
    """Every journal.ui module `path` imports, at any depth (functions, TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return {n for n in names if _ui_package(n) in UI_RANK}


def test_ui_is_split_into_the_screen_packages() -> None:
    ui = PACKAGE / "ui"
    top = sorted(p.name for p in ui.iterdir() if p.suffix == ".py" or (p / "__init__.py").exists())
    assert set(top) == {"__init__.py", *UI_RANK}


def test_ui_imports_go_one_way() -> None:
    offenders = []
    for pkg, rank in UI_RANK.items():
        for path in sorted((PACKAGE / "ui" / pkg).rglob("*.py")):
            for name in _ui_imports(path):
                other = _ui_package(name)
                assert other is not None
                if other != pkg and UI_RANK[other] >= rank:
                    offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_the_direction_rule_sees_imports_inside_functions(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text(
        "def f():\n    from journal.ui.main import main_window\n"
        "if TYPE_CHECKING:\n    import journal.ui.dialogs.pdf\n"
    )
    assert _ui_imports(sample) == {
        "journal.ui.main",
        "journal.ui.main.main_window",
        "journal.ui.dialogs.pdf",
    }

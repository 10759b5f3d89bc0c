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


# -- import cycles ---------------------------------------------------------------------------
# The graph counts every import (at the top, inside functions, under TYPE_CHECKING), absolute
# or relative; `from package import name` is an edge to the module `package.name` when there
# is one, else to the package. The packages on a module's path are not counted as imported
# (Python runs their __init__ first, but none of them imports its submodules back).


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Module name -> the modules of `root`'s package it imports."""
    base = root.parent
    files = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(base).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        files[".".join(parts)] = (path, is_package)
    graph: dict[str, set[str]] = {}
    for name, (path, is_package) in files.items():
        here = name.split(".") if is_package else name.split(".")[:-1]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    anchor = here[: len(here) - (node.level - 1)]
                    module = ".".join(anchor + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                for alias in node.names:
                    sub = f"{module}.{alias.name}"
                    targets.add(sub if sub in files else module)
        graph[name] = {t for t in targets if t in files and t != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each strongly connected part of `graph` with more than one module
    (Tarjan's algorithm, then a shortest way back to the start inside the part)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    parts: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            part = set()
            while True:
                top = stack.pop()
                on_stack.discard(top)
                part.add(top)
                if top == node:
                    break
            if len(part) > 1:
                parts.append(part)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    cycles = []
    for part in parts:
        start = min(part)
        came_from: dict[str, str] = {}
        frontier = [start]
        while frontier and start not in came_from:
            nxt_frontier = []
            for node in frontier:
                for nxt in sorted(graph[node] & part):
                    if nxt not in came_from:
                        came_from[nxt] = node
                        nxt_frontier.append(nxt)
            frontier = nxt_frontier
        path = [start]
        while True:
            prev = came_from[path[-1]]
            if prev == start:
                break
            path.append(prev)
        cycles.append([start, *reversed(path[1:]), start])
    return cycles


def test_no_import_cycle_in_journal() -> None:
    cycles = _cycles(_import_graph())
    assert cycles == [], "\n".join(" -> ".join(c) for c in cycles)


def test_the_cycle_finder_sees_imports_in_functions_type_checking_and_relative(
    tmp_path: Path,
) -> None:
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("def f():\n    from pkg.sub import b\n")
    (pkg / "sub" / "b.py").write_text("if TYPE_CHECKING:\n    from .c import X\n")
    (pkg / "sub" / "c.py").write_text("from .. import a\n")
    (pkg / "d.py").write_text("import pkg.a\n")  # into the cycle, not on it
    graph = _import_graph(pkg)
    assert graph["pkg.a"] == {"pkg.sub.b"}
    assert graph["pkg.sub.b"] == {"pkg.sub.c"}
    assert graph["pkg.sub.c"] == {"pkg.a"}
    assert _cycles(graph) == [["pkg.a", "pkg.sub.b", "pkg.sub.c", "pkg.a"]]
    (pkg / "sub" / "c.py").write_text("from pkg import d\n")
    assert _cycles(_import_graph(pkg)) == [["pkg.a", "pkg.sub.b", "pkg.sub.c", "pkg.d", "pkg.a"]]
    (pkg / "sub" / "c.py").write_text("x = 1\n")
    assert _cycles(_import_graph(pkg)) == []


def test_only_the_app_imports_the_main_window() -> None:
    graph = _import_graph()
    window = "journal.ui.main.main_window"
    importers = sorted(m for m, targets in graph.items() if window in targets)
    assert importers == ["journal.app"]

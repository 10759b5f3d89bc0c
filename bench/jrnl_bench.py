"""The jrnl comparison: the same searches with the jrnl CLI on the same journal files."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from benchkit import (
    RARE_WORD,
    TARGETS,
    JournalFiles,
    Results,
    bench_env,
    file_size,
    log,
    wall_times,
)

if TYPE_CHECKING:
    from collections.abc import Sequence


def find_jrnl(out: Path) -> Path | None:
    """jrnl on PATH, or installed with pip into bench/out/jrnl-venv (tried once per run)."""
    on_path = shutil.which("jrnl")
    if on_path:
        return Path(on_path)
    venv = out / "jrnl-venv"
    exe = venv / "bin" / "jrnl"
    if exe.exists():
        return exe
    log("jrnl not found: installing it into bench/out/jrnl-venv with pip")
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "--quiet", "jrnl"],
            check=True,
            capture_output=True,
        )
    except subprocess.CalledProcessError as exc:
        log(f"could not install jrnl ({exc}); skipping the comparison")
        return None
    return exe if exe.exists() else None


def jrnl_version(exe: Path, env: dict[str, str]) -> str:
    out = subprocess.run(
        [str(exe), "--version"], env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL
    ).stdout
    words = out.split()
    return words[1] if len(words) > 1 and words[0] == "jrnl" else "v4.0"


def run_jrnl(
    res: Results,
    journals: Sequence[JournalFiles],
    work: Path,
    out: Path,
    runs: int,
    daybook_medians: dict[str, float],
) -> None:
    """The same searches with jrnl on the same (jrnl-format) journals, and its export."""
    exe = find_jrnl(out)
    if exe is None:
        res.add("jrnl", "jrnl comparison", None, "", note="skipped: jrnl not available")
        return
    home = work / "jrnl-home"
    shutil.rmtree(home, ignore_errors=True)
    config = home / ".config" / "jrnl" / "jrnl.yaml"
    config.parent.mkdir(parents=True)
    env = bench_env(home)
    version = jrnl_version(exe, env)
    files: dict[str, Path] = {}
    for journal in journals:  # jrnl gets copies: nothing it does can touch the cache
        files[journal.name] = home / journal.file("jrnl").name
        shutil.copyfile(journal.file("jrnl"), files[journal.name])
    names = "\n".join(f"  {name}:\n    journal: {path}" for name, path in files.items())
    config.write_text(
        "colors:\n  body: none\n  date: none\n  tags: none\n  title: none\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        f"indent_character: '|'\njournals:\n  default:\n    journal: {files[journals[0].name]}\n"
        f"{names}\nlinewrap: 79\ntagsymbols: '#@'\ntemplate: false\n"
        f"timeformat: '%Y-%m-%d %H:%M'\nversion: {version}\n",
        encoding="utf-8",
    )
    jrnl = [str(exe), "--config-file", str(config)]
    commands: dict[str, list[str]] = {}
    for name in files:
        commands[f"{name}: jrnl -contains deploy -n 50"] = [
            *jrnl, name, "-contains", "deploy", "-n", "50",
        ]  # fmt: skip
        commands[f"{name}: jrnl -contains {RARE_WORD}"] = [*jrnl, name, "-contains", RARE_WORD]
    y20 = next((n for n in files if n == "y20"), None)
    export = home / "export.md"
    if y20:
        commands["y20: jrnl --format markdown --file"] = [
            *jrnl, y20, "--format", "markdown", "--file", str(export),
        ]  # fmt: skip
    # Check once that it really searches (and that the config is accepted) before timing.
    probe = subprocess.run(
        commands[f"{journals[0].name}: jrnl -contains {RARE_WORD}"],
        env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    found = probe.stdout.count(RARE_WORD.capitalize())
    if probe.returncode != 0 or found == 0:
        res.add("jrnl", "jrnl comparison", None, "", note=f"skipped: jrnl probe failed: "
                f"{(probe.stderr or probe.stdout).strip()[-200:]}")  # fmt: skip
        return
    log(f"timing jrnl {version} ({exe}), {runs} runs each")
    times: dict[str, list[float]] = {}
    for name, cmd in commands.items():
        slow = name.startswith("e100k")
        times |= wall_times({name: cmd}, runs if not slow else max(3, runs // 2), env, warmup=0)
    res.details["jrnl"] = {"version": version, "times": times}
    for name, ts in times.items():
        median = statistics.median(ts)
        journal_name, _, what = name.partition(": ")
        word = RARE_WORD if RARE_WORD in what else "deploy"
        ours = daybook_medians.get(f"{journal_name}: daybook search {word}")
        note = f"n={len(ts)}"
        if ours and "contains" in what:
            note += f"; jrnl/daybook = {median / ours:.1f}x (daybook {ours:.3f} s)"
        if "markdown" in what:
            note += f"; {file_size(export) / 2**20:.1f} MiB written"
        res.add("jrnl", name, median, "s", note=note)
        if "markdown" in what:
            for fmt in ("markdown", "html"):
                ours = daybook_medians.get(f"{journal_name}: daybook export {fmt}")
                if ours:
                    res.add(
                        "jrnl",
                        f"{journal_name}: daybook export {fmt} / jrnl markdown export",
                        ours / median,
                        "x",
                        limit=TARGETS[f"export_{fmt}_ratio"],
                        note=f"daybook {ours:.3f} s, jrnl {median:.3f} s",
                    )

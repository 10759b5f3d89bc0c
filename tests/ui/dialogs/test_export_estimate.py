"""The export dialog's size estimate against what Save writes, for any mix of images: shared
by entries, repeated in one, in a private block (left out unless included), in a private
entry, missing from the journal; Markdown (one file or one per entry, images in
`attachments/`), HTML (embedded) and JSON (carried)."""

from __future__ import annotations

import datetime as dt
import itertools
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.filters import EntryFilter
from journal.paths import AppPaths
from journal.services.attachments import store_image_bytes
from journal.services.export import ExportOptions, write_export, write_export_folder, write_images
from journal.services.journal import Journal
from journal.ui.dialogs.export_preview import build_preview
from tests.image_samples import encoded, noise

DAY = dt.date(2026, 11, 20)
_seeds = itertools.count(1000)
MISSING = "![gone](attachment:" + "ab" * 32 + ")"

# One entry: which of the images its public text shows, which its private block holds,
# whether the entry itself is private.
entry_shape = st.tuples(
    st.lists(st.integers(0, 2), max_size=3),
    st.lists(st.integers(0, 2), max_size=2),
    st.booleans(),
    st.booleans(),  # refers to an image the journal does not hold
)


def _write(preview: Any, out: Path) -> int:
    result, opts = preview.result, preview.options
    if result.files:
        write_export_folder(result.files, out / "split", private=opts.holds_private)
        write_images(result.images, out / "split", opts.holds_private)
    else:
        target = out / "export.out"
        write_export(result.text, target, private=opts.holds_private)
        if opts.format == "markdown":
            write_images(result.images, out, opts.holds_private)
    return sum(p.stat().st_size for p in out.rglob("*") if p.is_file())


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    entries=st.lists(entry_shape, min_size=1, max_size=4),
    fmt=st.sampled_from(["markdown", "split", "html", "json"]),
    include_private=st.booleans(),
)
def test_the_estimate_is_the_bytes_written(
    isolated_home: Path, entries: list[Any], fmt: str, include_private: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        journal = Journal.open(AppPaths(root / "home"))
        try:
            size = next(_seeds)
            images = [
                store_image_bytes(journal, encoded(noise((40 + i, 30), seed=size + i), "PNG"))
                for i in range(3)
            ]
            for n, (shown, hidden, private, missing) in enumerate(entries):
                body = f"Entry {n}.\n\n" + "\n\n".join(images[i] for i in shown)
                if missing:
                    body += "\n\n" + MISSING
                if hidden:
                    body += "\n\n```private\n" + "\n\n".join(images[i] for i in hidden) + "\n```"
                journal.add(body, title=f"E{n}", day=DAY, private=private)
            options = ExportOptions(
                format="markdown" if fmt == "split" else fmt,  # type: ignore[arg-type]
                filters=EntryFilter(date_from=DAY, date_to=DAY),
                include_private=include_private,
                split=fmt == "split",
            )
            preview = build_preview(journal, options, _renderer)
            if preview.result is None:  # every entry private and not included
                assert not include_private and all(e[2] for e in entries)
                return
            out = root / "out"
            out.mkdir()
            assert preview.size() == _write(preview, out)
        finally:
            journal.close()


def _renderer() -> Any:
    from journal.rendering.markdown import MarkdownRenderer

    return MarkdownRenderer(highlight=True, attachments=True)

"""Images in entries, the use cases the CLI and the app share: add, attach, check, fetch.

Images are checked and re-encoded (journal.importers.images) before anything is written, so
a refused file leaves the journal as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journal.domain.attachments import Attachment, image_markdown
from journal.importers.images import prepare_image, read_image_file

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from journal.domain.entry import Entry
    from journal.services.export import ImageLookup
    from journal.services.journal import Journal


def read_images(files: Sequence[Path]) -> list[Attachment]:
    """Every file read and re-encoded; the first that cannot be stops them all."""
    return [read_image_file(path) for path in files]


def store_images(journal: Journal, images: Sequence[Attachment]) -> list[str]:
    """Store images (each once); their Markdown references, in order."""
    for image in images:
        journal.store.attachments.put(image)
    return [image_markdown(image.sha256) for image in images]


def store_image_bytes(journal: Journal, data: bytes, name: str = "the image") -> str:
    """Store one image given as bytes (a paste, a drop); its Markdown reference. `name`
    (a file's name) is for messages only: it is not kept."""
    image = prepare_image(data, name)
    journal.store.attachments.put(image)
    return image_markdown(image.sha256)


def with_images(body: str, references: Sequence[str]) -> str:
    """`body` with the image references appended, each as its own paragraph."""
    parts = [body.rstrip("\n")] if body.strip() else []
    return "\n\n".join([*parts, *references])


def attach(journal: Journal, entry_id: int, files: Sequence[Path]) -> Entry:
    """Append images to an entry (read first: a bad file changes nothing)."""
    journal.get(entry_id)  # an unknown id is refused before any file is read
    images = read_images(files)
    return append_references(journal, entry_id, store_images(journal, images))


def append_references(journal: Journal, entry_id: int, references: Sequence[str]) -> Entry:
    """Add stored images' references at the end of an entry, each as its own paragraph."""
    entry = journal.get(entry_id)
    return journal.edit(entry_id, body=with_images(entry.body, references))


def discard_unused_images(journal: Journal, hashes: Sequence[str]) -> int:
    """Remove the images among `hashes` that no entry refers to (an editor stored them, and
    its text no longer has them, or was never saved); how many went."""
    return journal.store.attachments.discard_unused(hashes)


def attachment_problems(journal: Journal) -> tuple[list[str], list[str]]:
    """(missing, orphaned) attachments, as `JournalStore.attachments.problems`."""
    return journal.store.attachments.problems()


def image_lookup(journal: Journal) -> ImageLookup:
    """The journal's images by hash, for `render_export` (exports embed or write them)."""
    return journal.store.attachments.get_many


def first_images(journal: Journal, entry_ids: Sequence[int]) -> dict[int, str]:
    """The first image each entry refers to, by entry id (for the timeline's thumbnails)."""
    return journal.store.attachments.first_references(entry_ids)

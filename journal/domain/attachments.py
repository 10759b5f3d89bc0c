"""Images kept inside the journal: how entries refer to them, and the limits on them.

An entry's Markdown refers to an image as `![caption](attachment:SHA256)`, the SHA-256 (64
lowercase hex digits) of the bytes the journal stores. The reference is stable: the same
image is stored once, whichever entries use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SCHEME = "attachment"
REFERENCE = re.compile(r"\battachment:([0-9a-f]{64})\b")
# Refused above these (checked before decoding): a file this large or an image this big is
# not a screenshot or a whiteboard photo, and decoding it would take hundreds of megabytes.
MAX_INPUT_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000
# What the journal stores of one image, after re-encoding (a noisy 40-megapixel PNG can
# grow past the input); kept so one image always fits an element of the JSON export.
MAX_STORED_BYTES = 16 * 1024 * 1024
# What the journal stores: every image is re-encoded into one of these.
SUFFIXES = {"image/png": ".png", "image/jpeg": ".jpg"}


@dataclass(frozen=True, slots=True)
class Attachment:
    """An image as the journal stores it: re-encoded bytes, their hash, type and size."""

    sha256: str
    data: bytes
    mime: str
    width: int
    height: int

    @property
    def suffix(self) -> str:
        return SUFFIXES.get(self.mime, ".bin")

    @property
    def file_name(self) -> str:
        """`SHA256.png`: the name an export gives the image's file."""
        return self.sha256 + self.suffix


def references(text: str) -> list[str]:
    """The attachment hashes `text` refers to, each once, in order of first use."""
    if "attachment:" not in text:  # most texts: the pattern's \b tries every position
        return []
    return list(dict.fromkeys(REFERENCE.findall(text)))


def image_markdown(sha256: str, caption: str = "") -> str:
    """`![caption](attachment:SHA256)`, the caption made safe inside the brackets."""
    clean = " ".join(caption.split()).replace("\\", "").replace("[", "").replace("]", "")
    return f"![{clean}]({SCHEME}:{sha256})"

"""The journal's images in exports: embedded in HTML as data: URIs, linked from Markdown as
files in an `attachments/` folder beside it. Nothing here refers to anything remote."""

from __future__ import annotations

import base64
import re
from typing import TYPE_CHECKING

from journal.domain.attachments import REFERENCE, Attachment

if TYPE_CHECKING:
    from collections.abc import Mapping

FOLDER = "attachments"
# As `journal.rendering.markdown.sanitize(..., attachments=True)` writes them.
_ATTACHED_IMG = re.compile(r'<img src="attachment:([0-9a-f]{64})" alt="([^"]*)">')


def data_uri(image: Attachment) -> str:
    return f"data:{image.mime};base64,{base64.b64encode(image.data).decode('ascii')}"


def embed_images(page: str, images: Mapping[str, Attachment]) -> str:
    """Every journal image of a rendered page as a data: URI; one the journal lacks becomes
    a line saying so."""

    def embed(match: re.Match[str]) -> str:
        image = images.get(match[1])
        if image is None:
            return f"[image not in the journal: {match[2] or match[1][:12]}]"
        return (
            f'<img src="{data_uri(image)}" alt="{match[2]}" '
            f'width="{image.width}" height="{image.height}">'
        )

    return _ATTACHED_IMG.sub(embed, page)


def relative_image_links(markdown: str, images: Mapping[str, Attachment]) -> str:
    """Markdown whose `attachment:SHA` references (of images the journal holds) point at
    `attachments/SHA.ext`, the files an export writes beside it."""

    def link(match: re.Match[str]) -> str:
        image = images.get(match[1])
        return f"{FOLDER}/{image.file_name}" if image is not None else match[0]

    return REFERENCE.sub(link, markdown)


def image_files(images: Mapping[str, Attachment]) -> dict[str, bytes]:
    """{`attachments/SHA.ext`: bytes} for writing beside a Markdown export."""
    return {f"{FOLDER}/{image.file_name}": image.data for image in images.values()}

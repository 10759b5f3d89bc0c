"""Images on their way into the journal: checked, decoded and re-encoded with Pillow.

Only raster PNG, JPEG, WebP and GIF (its first frame) are taken; SVG and anything else are
refused, as are files over `MAX_INPUT_BYTES` and images over `MAX_PIXELS` (checked from the
header, before decoding). Every image is re-encoded from its pixels alone, so EXIF (GPS
position, camera serial, dates), XMP, comments, colour profiles and the original file name
never reach the journal: privacy by default. JPEG photos stay JPEG; everything else
becomes PNG (lossless). The result is deterministic, so the same image added twice has the
same hash and is stored once.
"""

from __future__ import annotations

import hashlib
import io
import struct
from typing import TYPE_CHECKING

from journal.domain.attachments import (
    MAX_INPUT_BYTES,
    MAX_PIXELS,
    MAX_STORED_BYTES,
    Attachment,
)
from journal.errors import InputError

if TYPE_CHECKING:
    from pathlib import Path

    from PIL import Image

ACCEPTED = ("PNG", "JPEG", "WEBP", "GIF")
JPEG_QUALITY = 90
_HINT = "convert it to PNG or JPEG first"


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def read_image_file(path: Path) -> Attachment:
    """The image in the file `path`, ready to store; an `InputError` if it cannot be."""
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_INPUT_BYTES + 1)
    except IsADirectoryError:
        raise InputError(f"{path} is a folder, not an image", "give an image file") from None
    except FileNotFoundError:
        raise InputError(f"there is no file {path}", "check the name") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}", "check the file") from None
    return prepare_image(data, path.name)


def prepare_image(data: bytes, name: str = "the image") -> Attachment:
    """Check and re-encode image bytes (see the module's rules); `name` is for messages
    only and is not kept."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            f"{name} is larger than {_mb(MAX_INPUT_BYTES)}; nothing was added",
            "make it smaller (a screenshot or a photo resized for the screen) and try again",
        )
    head = data[:1024].lstrip().lower()
    if name.lower().endswith((".svg", ".svgz")) or head.startswith((b"<svg", b"<?xml")):
        raise InputError(
            f"{name} is an SVG drawing, which Daybook refuses (it can carry scripts)",
            _HINT,
        )
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data), formats=ACCEPTED) as image:
            fmt = str(image.format)
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise InputError(
                    f"{name} is {width}×{height} pixels, more than "
                    f"{MAX_PIXELS // 1_000_000} megapixels; nothing was added",
                    "scale it down and try again",
                )
            image.seek(0)  # the first frame of an animation
            upright = ImageOps.exif_transpose(image)  # apply the camera's rotation, then drop it
            pixels = _plain_pixels(upright)
    except InputError:
        raise
    except Image.DecompressionBombError:
        raise InputError(
            f"{name} claims more than {MAX_PIXELS // 1_000_000} megapixels; nothing was added",
            "scale it down and try again",
        ) from None
    except UnidentifiedImageError:
        raise InputError(
            f"{name} is not a PNG, JPEG, WebP or GIF image; nothing was added", _HINT
        ) from None
    except (OSError, ValueError, SyntaxError, struct.error) as exc:
        raise InputError(f"{name} is damaged and cannot be read ({exc})", _HINT) from None
    out = io.BytesIO()
    if fmt == "JPEG" and pixels.mode in ("RGB", "L"):
        pixels.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
        mime = "image/jpeg"
    else:
        pixels.save(out, "PNG", optimize=True)
        mime = "image/png"
    stored = out.getvalue()
    if len(stored) > MAX_STORED_BYTES:
        raise InputError(
            f"{name} would take {_mb(len(stored))} in the journal, more than "
            f"{_mb(MAX_STORED_BYTES)}; nothing was added",
            "scale it down and try again",
        )
    return Attachment(hashlib.sha256(stored).hexdigest(), stored, mime, pixels.width, pixels.height)


def _plain_pixels(image: Image.Image) -> Image.Image:
    """A new image holding only `image`'s pixels: no info, EXIF, profile or palette."""
    from PIL import Image

    transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    mode = image.mode if image.mode in ("RGB", "L") else ("RGBA" if transparent else "RGB")
    converted = image.convert(mode)
    return Image.frombytes(mode, converted.size, converted.tobytes())


# What a clean PNG or JPEG (one this module wrote) may carry besides its pixels.
_BENIGN_INFO = frozenset(
    {"dpi", "jfif", "jfif_version", "jfif_unit", "jfif_density", "progressive", "progression",
     "aspect", "adobe", "adobe_transform", "gamma"}
)  # fmt: skip


def accept_stored(data: bytes, name: str = "the image") -> Attachment:
    """An image from a Daybook export, kept byte for byte when it is a clean PNG or JPEG
    within the limits (so an export imports back identical); anything else goes through
    `prepare_image` (and so gets another hash)."""
    from PIL import Image

    if len(data) <= MAX_STORED_BYTES:
        try:
            with Image.open(io.BytesIO(data), formats=("PNG", "JPEG")) as image:
                fmt = str(image.format)
                width, height = image.size
                clean = (
                    width * height <= MAX_PIXELS
                    and set(image.info) <= _BENIGN_INFO
                    and not image.getexif()
                )
                if clean:
                    image.load()
                    mime = "image/jpeg" if fmt == "JPEG" else "image/png"
                    return Attachment(hashlib.sha256(data).hexdigest(), data, mime, width, height)
        except Exception:  # anything unreadable is judged by prepare_image
            pass
    return prepare_image(data, name)

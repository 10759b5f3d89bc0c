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
import re
import struct
from pathlib import Path
from typing import TYPE_CHECKING

from journal.domain.attachments import (
    MAX_INPUT_BYTES,
    MAX_PIXELS,
    MAX_STORED_BYTES,
    Attachment,
)
from journal.errors import DaybookError, InputError

if TYPE_CHECKING:
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


class LocalImages:
    """Images a foreign journal refers to by path (a note's `![](pics/a.png)`, RedNotebook's
    `file://` links), taken into `images` through `prepare_image` like any other image,
    and only from inside `folder`: a path that leaves it (`..`, an absolute path elsewhere,
    a link pointing out) is refused, as is anything but a regular file. Each refusal or
    missing file is one line in `notes`; the caller keeps the reference as written then."""

    def __init__(
        self,
        folder: Path,
        images: dict[str, Attachment],
        notes: list[str],
        noun: str = "image",
    ) -> None:
        self.folder = folder
        self.images = images
        self.notes = notes
        self.noun = noun  # what the format calls them, for the notes ("picture")
        self._taken: dict[Path, str] = {}  # a file used twice is read once

    def take(self, target: str, base: Path, where: str) -> str | None:
        """The hash of the image `target` names (relative to `base`, absolute, or a
        `file:` URL), stored in `images`; None (and a note) if it cannot be taken."""
        from journal.importers.files import open_binary, stays_inside

        path = local_path(target, base)
        if path is None:
            return None  # a remote image: not ours to fetch
        if not path.exists():
            self.notes.append(f"{where}: {self.noun} {target} is missing, not imported")
            return None
        if not stays_inside(self.folder, path):
            self.notes.append(
                f"{where}: {self.noun} {target} is outside {self.folder}, not imported"
            )
            return None
        real = path.resolve(strict=True)
        if real in self._taken:
            return self._taken[real]
        try:
            with open_binary(real) as fh:
                data = fh.read(MAX_INPUT_BYTES + 1)
            image = prepare_image(data, path.name)
        except IsADirectoryError:
            self.notes.append(f"{where}: {self.noun} {target} is a folder, not imported")
            return None
        except (DaybookError, OSError) as exc:
            if isinstance(exc, DaybookError):
                reason = str(getattr(exc, "problem", "") or exc.what)
            else:
                reason = exc.strerror or str(exc)
            self.notes.append(f"{where}: {self.noun} {target} not imported: {reason}")
            return None
        self.images.setdefault(image.sha256, image)
        self._taken[real] = image.sha256
        return image.sha256


_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")


def local_path(target: str, base: Path) -> Path | None:
    """The file a link names: `file:` URLs and percent-escapes decoded, a relative path
    taken from `base`; None for a remote or other non-file URL (`https:`, `data:`)."""
    from urllib.parse import unquote, urlsplit

    target = target.strip()
    if target.lower().startswith("file:"):
        parts = urlsplit(target)
        if parts.netloc not in ("", "localhost"):
            return None
        target = parts.path
    elif _SCHEME.match(target) and not re.match(r"[a-zA-Z]:[\\/]", target):
        return None
    if not target or "\x00" in target:
        return None
    path = Path(unquote(target))
    return path if path.is_absolute() else base / path

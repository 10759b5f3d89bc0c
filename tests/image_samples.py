"""Images made in tests (Pillow): photos with metadata, animations, hostile headers."""

from __future__ import annotations

import io
import random
import struct
import zlib

from PIL import Image, PngImagePlugin

CAMERA = "CanaryCam X100"
SERIAL = "SN-CANARY-778899"


def noise(size: tuple[int, int] = (64, 48), seed: int = 1, mode: str = "RGB") -> Image.Image:
    """An image of random pixels: its encoded bytes are unlike any other's."""
    rng = random.Random(seed)
    channels = len(mode)
    return Image.frombytes(mode, size, rng.randbytes(size[0] * size[1] * channels))


def encoded(image: Image.Image, fmt: str, **params: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


def jpeg_with_gps(seed: int = 1) -> bytes:
    """A JPEG whose EXIF holds a GPS position, a camera make and a body serial number."""
    exif = Image.Exif()
    exif[0x010F] = CAMERA  # Make
    exif[0x0131] = "CanaryEditor 1.0"  # Software
    exif.get_ifd(0x8769)[0xA431] = SERIAL  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (52.0, 31.0, 12.5)
    gps[3] = "E"
    gps[4] = (13.0, 24.0, 36.0)
    return encoded(noise(seed=seed), "JPEG", exif=exif, quality=85)


def png_with_text(seed: int = 2) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", f"taken with {CAMERA}")
    info.add_text("Author", SERIAL)
    return encoded(noise(seed=seed), "PNG", pnginfo=info)


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims `width`×`height` pixels and holds almost no data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0"))
        + chunk(b"IEND", b"")
    )


def gif_animation() -> bytes:
    """Two frames: red, then blue."""
    frames = [Image.new("RGB", (20, 10), c) for c in ("red", "blue")]
    return encoded(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100)

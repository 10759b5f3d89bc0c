"""Render Daybook's app icon from resources/icons/daybook.svg into every format a package needs.

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py

writes (and the repository keeps, so building a package never needs Qt's SVG renderer):
  resources/icons/hicolor/NxN/apps/io.github.daybook.Daybook.png  N = 16 ... 512
  packaging/windows/daybook.ico   16-256 px: 32-bit BMP up to 48 px, PNG above (Vista+)
  packaging/macos/daybook.icns    16@1x-512@2x as PNG blocks with a TOC (what iconutil makes)

Every size is rendered from the SVG itself, never scaled down from a large bitmap, so the
small ones stay sharp. Only PySide6 (QtSvg is in PySide6-Essentials) is needed.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "daybook.svg"
APP_ID = "io.github.daybook.Daybook"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_BMP_MAX = 48  # larger entries are stored as PNG, as Windows' own icons do
# ICNS block types holding PNG data, and the pixel size of each (what iconutil writes).
ICNS_TYPES = (
    (b"ic11", 32),  # 16x16@2x
    (b"ic12", 64),  # 32x32@2x
    (b"ic07", 128),
    (b"ic13", 256),  # 128x128@2x
    (b"ic08", 256),
    (b"ic14", 512),  # 256x256@2x
    (b"ic09", 512),
    (b"ic10", 1024),  # 512x512@2x
)


def png_path(root: Path, size: int) -> Path:
    return root / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


class Renderer:
    """Renders the SVG at any square size into a QImage (ARGB32, straight alpha)."""

    def __init__(self, svg: Path) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtSvg import QSvgRenderer

        self._app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
        self._svg = QSvgRenderer(str(svg))
        if not self._svg.isValid():
            raise SystemExit(f"make_icons: error: {svg} is not a valid SVG; fix it and run again")

    def image(self, size: int):  # -> QImage
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QImage, QPainter

        img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        img.fill(Qt.GlobalColor.transparent)
        painter = QPainter(img)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self._svg.render(painter)
        painter.end()
        return img.convertToFormat(QImage.Format.Format_ARGB32)

    def png(self, size: int) -> bytes:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        if not self.image(size).save(buf, "PNG"):
            raise SystemExit(f"make_icons: error: could not encode a {size} px PNG")
        buf.close()
        return bytes(data.data())


def bmp_entry(img, size: int) -> bytes:  # img: QImage in Format_ARGB32
    """An ICO image entry as a 32-bit DIB: header, bottom-up BGRA rows, then the AND mask."""
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    mask_rows = []
    mask_stride = ((size + 31) // 32) * 4
    for y in reversed(range(size)):
        # Format_ARGB32 is stored as B, G, R, A bytes on little-endian machines: a DIB row.
        line = bytes(img.constScanLine(y))[: size * 4]
        if sys.byteorder == "big":
            line = b"".join(line[i : i + 4][::-1] for i in range(0, len(line), 4))
        rows.append(line)
        bits = bytearray(mask_stride)
        for x in range(size):
            if line[x * 4 + 3] == 0:  # fully transparent: set in the AND mask
                bits[x // 8] |= 0x80 >> (x % 8)
        mask_rows.append(bytes(bits))
    return header + b"".join(rows) + b"".join(mask_rows)


def ico_bytes(renderer: Renderer) -> bytes:
    images = []
    for size in ICO_SIZES:
        if size <= ICO_BMP_MAX:
            images.append((size, bmp_entry(renderer.image(size), size)))
        else:
            images.append((size, renderer.png(size)))
    head = struct.pack("<HHH", 0, 1, len(images))
    offset = len(head) + 16 * len(images)
    entries, blobs = [], []
    for size, blob in images:
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return head + b"".join(entries) + b"".join(blobs)


def icns_bytes(renderer: Renderer) -> bytes:
    cache: dict[int, bytes] = {}
    blocks = []
    for kind, size in ICNS_TYPES:
        if size not in cache:
            cache[size] = renderer.png(size)
        blocks.append((kind, cache[size]))
    toc = b"".join(kind + struct.pack(">I", 8 + len(data)) for kind, data in blocks)
    body = b"TOC " + struct.pack(">I", 8 + len(toc)) + toc
    body += b"".join(kind + struct.pack(">I", 8 + len(data)) + data for kind, data in blocks)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    print(f"{path.relative_to(ROOT)}  {len(data):,} bytes")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SVG, help="the source SVG")
    parser.add_argument("--out", type=Path, default=ROOT, help="the repository root to write into")
    args = parser.parse_args(argv)
    renderer = Renderer(args.svg)
    for size in PNG_SIZES:
        write(png_path(args.out, size), renderer.png(size))
    write(args.out / "packaging" / "windows" / "daybook.ico", ico_bytes(renderer))
    write(args.out / "packaging" / "macos" / "daybook.icns", icns_bytes(renderer))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

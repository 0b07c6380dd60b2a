"""Draw the application icon (a red seal with 妇) and write resources/icons/fulian-desk.{png,ico}.

Run once when the design changes: `QT_QPA_PLATFORM=offscreen python packaging/make_icon.py`.
The .ico holds PNG-compressed images at the sizes Windows asks for (16–256 px).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPainterPath

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
FONT_FILES = (ROOT / "resources" / "fonts" / "wqy-microhei.ttc", Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"))


def draw(size: int, family: str) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = size * 0.04
    rect = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    path = QPainterPath()
    path.addRoundedRect(rect, size * 0.18, size * 0.18)
    painter.fillPath(path, QColor("#c8102e"))
    font = QFont(family)
    font.setPixelSize(int(size * 0.68))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "妇")
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico_bytes(images: list[bytes], sizes: tuple[int, ...]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    directory = b""
    for size, data in zip(sizes, images):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + directory + b"".join(images)


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])  # fonts need a GUI application, kept alive until the end
    font_file = next((f for f in FONT_FILES if f.exists()), None)
    if font_file is None:
        print("no CJK font found", file=sys.stderr)
        return 1
    family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(font_file)))[0]
    OUT.mkdir(parents=True, exist_ok=True)
    images = [png_bytes(draw(size, family)) for size in SIZES]
    (OUT / "fulian-desk.png").write_bytes(images[-1])
    (OUT / "fulian-desk.ico").write_bytes(ico_bytes(images, SIZES))
    print(f"wrote {OUT / 'fulian-desk.png'} and {OUT / 'fulian-desk.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

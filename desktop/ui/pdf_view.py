"""Showing a PDF inside the program: its pages rendered to images in a scrolling column.

PySide6-Essentials has no QtPdf, so the pages are rendered with pdfium (the pypdfium2 package) when it
is installed; QtPdf is used instead when the PySide6 PDF module is present.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget


def renderer_available() -> bool:
    """Whether a PDF renderer is installed, asked without importing it (the export page is built at start)."""
    return any(_spec(name) for name in ("PySide6.QtPdf", "pypdfium2"))


def _spec(name: str) -> bool:
    from importlib.util import find_spec

    try:
        return find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _qtpdf():
    try:
        from PySide6 import QtPdf  # noqa: F401
    except ImportError:
        return None
    return QtPdf


def _pdfium():
    try:
        import pypdfium2
    except ImportError:
        return None
    return pypdfium2


def render_pages(path: Path, width_px: int) -> list[QImage]:
    """Each page of the PDF as an image `width_px` wide."""
    qtpdf = _qtpdf()
    if qtpdf is not None:
        document = qtpdf.QPdfDocument()
        document.load(str(path))
        images = []
        for number in range(document.pageCount()):
            size = document.pagePointSize(number)
            scale = width_px / size.width()
            images.append(document.render(number, (size * scale).toSize()))
        document.close()
        return images
    pdfium = _pdfium()
    if pdfium is None:
        return []
    document = pdfium.PdfDocument(str(path))
    try:
        images = []
        for page in document:
            scale = width_px / page.get_width()
            bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB(A) byte order for QImage
            buffer = bytes(bitmap.buffer)
            mode = QImage.Format.Format_RGBA8888 if bitmap.n_channels == 4 else QImage.Format.Format_RGB888
            image = QImage(buffer, bitmap.width, bitmap.height, bitmap.stride, mode).copy()
            images.append(image)
            page.close()
        return images
    finally:
        document.close()


class PdfView(QScrollArea):
    """The pages one below another, each fitted to the view's width."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages = QWidget()
        self.column = QVBoxLayout(self.pages)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self.pages)
        self.page_count = 0

    def show_pdf(self, path: Path | None) -> int:
        while self.column.count():
            widget = self.column.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.page_count = 0
        if path is None:
            return 0
        width = max(self.viewport().width() - 40, 400)
        for image in render_pages(path, int(width * self.devicePixelRatioF())):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            label = QLabel()
            label.setPixmap(pixmap)
            label.setStyleSheet("border: 1px solid #bbbbbb; background: white;")
            self.column.addWidget(label)
            self.page_count += 1
        return self.page_count

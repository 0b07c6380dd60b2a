"""Showing a PDF inside the program: its pages rendered to images in a scrolling column.

PySide6-Essentials has no QtPdf, so the pages are rendered with pdfium (the pypdfium2 package) when it
is installed; QtPdf is used instead when the PySide6 PDF module is present.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
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
    """The pages one below another: fitted to the view's width, or zoomed; page by page with 上一页 / 下一页."""

    ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages = QWidget()
        self.column = QVBoxLayout(self.pages)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self.pages)
        self.page_count = 0
        self.path: Path | None = None
        self.zoom = 1.0  # 1.0: the page as wide as the view
        self.labels: list[QLabel] = []
        self._pending: int | None = None  # the page to scroll to once the new pages are laid out

    def show_pdf(self, path: Path | None) -> int:
        while self.column.count():
            widget = self.column.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.labels = []
        self.page_count = 0
        self.path = path
        self._pending = None
        self.verticalScrollBar().setValue(0)
        if path is None:
            return 0
        width = max(self.viewport().width() - 40, 400) * self.zoom
        for image in render_pages(path, int(width * self.devicePixelRatioF())):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            label = QLabel()
            label.setPixmap(pixmap)
            label.setStyleSheet("border: 1px solid #bbbbbb; background: white;")
            self.column.addWidget(label)
            self.labels.append(label)
            self.page_count += 1
        return self.page_count

    def set_zoom(self, zoom: float) -> None:
        """Re-render at `zoom` × the view's width, staying on the page shown."""
        page = self.current_page()
        self.zoom = zoom
        if self.path is not None:
            self.show_pdf(self.path)
            self._pending = page
            self.go_to_page(page)

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in self.ZOOMS if z > self.zoom + 1e-6), self.ZOOMS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(self.ZOOMS) if z < self.zoom - 1e-6), self.ZOOMS[0]))

    def fit_width(self) -> None:
        self.set_zoom(1.0)

    def current_page(self) -> int:
        """The page at the top of the view, from 0."""
        if not self.laid_out():
            return self._pending or 0  # not laid out yet: the page it is about to show
        top = self.verticalScrollBar().value()
        current = 0
        for number, label in enumerate(self.labels):
            if label.y() > top + 10:
                break
            current = number
        return current

    def laid_out(self) -> bool:
        """Whether the pages are placed in the column at their real sizes, and the scroll bar's range
        follows the column's new height (a layout pass after show_pdf or a zoom)."""
        if len(self.labels) < 2:
            return True
        for label in self.labels:
            pixmap = label.pixmap()
            if label.height() < pixmap.height() / pixmap.devicePixelRatio():
                return False  # placed before its picture was measured: another pass is coming
        last = self.labels[-1]
        return self.labels[1].y() > 0 and self.pages.height() >= last.y() + last.height()

    def go_to_page(self, number: int, tries: int = 50) -> None:
        if not self.labels:
            return
        number = max(0, min(number, len(self.labels) - 1))
        target = self.labels[number].y()
        bar = self.verticalScrollBar()
        needed = min(target, self.pages.height() - self.viewport().height())
        if (not self.laid_out() or bar.maximum() < needed) and tries:
            # New pages are placed, and the scroll range follows, in the next layout pass: scroll after it.
            self._pending = number
            QTimer.singleShot(20, lambda: self._pending == number and self.go_to_page(number, tries - 1))
            return
        self._pending = None
        bar.setValue(self.labels[number].y())

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

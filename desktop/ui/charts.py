"""A small horizontal bar chart drawn with QPainter (no chart library needed)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..services.figures import Bar

PALETTE = ["#c0392b", "#2e86c1", "#27ae60", "#d68910", "#8e44ad", "#16a085", "#7f8c8d", "#b03a2e"]


class BarChart(QWidget):
    """Bars with their labels and value texts; with `whole` set, each bar is drawn against it."""

    def __init__(self, title: str, empty_text: str, parent=None):
        super().__init__(parent)
        self.title = title
        self.empty_text = empty_text
        self.bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = bars
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 10

    def sizeHint(self) -> QSize:
        rows = max(len(self.bars), 1)
        return QSize(360, self._row_height() * (rows + 1) + 16)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        row = self._row_height()
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        title_font = self.font()
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text_colour)
        painter.drawText(QRectF(0, 0, self.width(), row), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        painter.setFont(self.font())
        if not self.bars:
            painter.setPen(QColor("#777777"))
            painter.drawText(QRectF(0, row, self.width(), row), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.empty_text)
            return
        label_width = min(max(metrics.horizontalAdvance(b.label) for b in self.bars) + 12, int(self.width() * 0.35))
        value_width = max(metrics.horizontalAdvance(b.text) for b in self.bars) + 12
        area = max(self.width() - label_width - value_width, 40)
        scale_max = max(float(b.whole if b.whole is not None else b.value) for b in self.bars) or 1.0
        scale_max = max(scale_max, max(float(b.value) for b in self.bars))
        for number, bar in enumerate(self.bars):
            top = row * (number + 1) + 4
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideMiddle, label_width - 8)
            painter.setPen(text_colour)
            painter.drawText(QRectF(0, top, label_width - 8, row - 6), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            if bar.whole is not None:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor("#e8e8e8"))
                painter.drawRect(QRectF(label_width, top + 3, area * float(bar.whole) / scale_max, row - 12))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(PALETTE[number % len(PALETTE)]))
            length = max(area * max(float(bar.value), 0.0) / scale_max, 1.0)
            painter.drawRect(QRectF(label_width, top + 3, length, row - 12))
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(label_width + area + 6, top, value_width, row - 6),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                bar.text,
            )

"""A narrative box that grows with its text inside the page's scroll area, instead of scrolling itself.

A page that scrolls as a whole (单位概况, 分析与结论, a project's detail) shows each text box at its full
height, so there is one scroll bar, the page's, and never a box scrolling inside a scrolling page.
Outside a scroll area (a splitter pane of fixed height) the box keeps its own scroll bar.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QPlainTextEdit, QScrollArea, QSizePolicy, QWidget


def scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


class GrowingText(QPlainTextEdit):
    def __init__(self, lines: int = 3, parent: QWidget | None = None):
        super().__init__(parent)
        self.min_lines = max(1, lines)
        self._grows = False
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.textChanged.connect(self._fit)
        self.cursorPositionChanged.connect(self._keep_cursor_in_view)
        self.setMinimumHeight(self._height_for(self.min_lines * self.fontMetrics().lineSpacing()))

    # -------------------------------------------------------------- height

    def _height_for(self, text_height: float) -> int:
        margins = self.contentsMargins()
        viewport = self.viewportMargins()
        return int(text_height + 2 * self.document().documentMargin() + margins.top() + margins.bottom()
                   + viewport.top() + viewport.bottom()) + 2

    def text_height(self) -> float:
        """The laid-out height of every paragraph at the box's present width."""
        total = 0.0
        block = self.document().firstBlock()
        while block.isValid():
            total += self.blockBoundingRect(block).height()
            block = block.next()
        return total

    def wanted_height(self) -> int:
        least = self.min_lines * self.fontMetrics().lineSpacing()
        return self._height_for(max(least, self.text_height()))

    def _fit(self) -> None:
        if not self._grows:
            return
        height = self.wanted_height()
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        grows = scroll_area_of(self) is not None
        if grows != self._grows:
            self._grows = grows
            self.setVerticalScrollBarPolicy(
                Qt.ScrollBarPolicy.ScrollBarAlwaysOff if grows else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            policy = self.sizePolicy()
            policy.setVerticalPolicy(QSizePolicy.Policy.Fixed if grows else QSizePolicy.Policy.Expanding)
            self.setSizePolicy(policy)
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._grows and event.size().width() != event.oldSize().width():
            QTimer.singleShot(0, self, self._fit)  # the paragraphs re-wrap at the new width first

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.wanted_height()) if self._grows else hint

    # -------------------------------------------------------------- the cursor stays in sight

    def _keep_cursor_in_view(self) -> None:
        """Typing at the end of a long text: the page scrolls with the cursor, as the box itself would."""
        if not self._grows or not self.hasFocus():
            return
        area = scroll_area_of(self)
        if area is None:
            return
        rect = self.cursorRect()
        point = self.viewport().mapTo(area.widget(), rect.center())
        area.ensureVisible(point.x(), point.y(), 10, rect.height() + 10)

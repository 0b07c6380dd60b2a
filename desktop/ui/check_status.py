"""The status bar's 校验 count: it shows how many problems the report has and, clicked, goes to the first."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel


class CheckCount(QLabel):
    """“校验：2 个错误，3 个警告” — a click goes where the first problem is to be fixed."""

    clicked = Signal()

    def __init__(self):
        super().__init__()
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def show_count(self, text: str, has_findings: bool) -> None:
        self.setText(text)
        self.setToolTip("单击转到第一个问题；全部问题见“校验”页" if has_findings else "")

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


def go_to_first_issue(window) -> None:
    """The field of the first problem in the 校验 list, as a jump from that list; if no page shows that
    field, the 校验 page with the problem selected."""
    checks = window.checks_page
    shown = checks.model.issues  # in the list's order
    if not shown:
        return
    checks.view.selectRow(0)
    if not window.go_to_field(shown[0].field):
        window.show_page(window.page_index(checks))
        checks.view.setFocus(Qt.FocusReason.OtherFocusReason)

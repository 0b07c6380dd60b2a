"""Colours that carry meaning: a field with a validation issue, a live figure, a good or bad state.

Set on the one widget concerned rather than through an application-wide style sheet, which would make
Qt style every widget of the window through the slower style-sheet path (a third of a second at start).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

FIELD_STYLES = {
    "error": "border: 1px solid #d93025; background: #fdecea;",
    "warning": "border: 1px solid #e0a800; background: #fff8e1;",
}
TONES = {"figure": "#1f3d7a", "bad": "#b3261e", "ok": "#1e7e34", "warning": "#8a5a00", "info": "#1f5f99"}


def mark_field(widget: QWidget, severity: str | None) -> None:
    """Outline a field with an issue ("error" / "warning"); None clears the mark."""
    widget.setProperty("issue", severity or "")
    style = FIELD_STYLES.get(severity or "", "")
    if widget.styleSheet() != style:
        widget.setStyleSheet(style)


def set_tone(label: QLabel, tone: str | None) -> None:
    """Colour a label's text by meaning ("figure", "bad", "ok" …); None restores the default."""
    palette = label.palette()
    if tone in TONES:
        palette.setColor(QPalette.ColorRole.WindowText, QColor(TONES[tone]))
    else:
        palette.setColor(QPalette.ColorRole.WindowText, label.parentWidget().palette().color(QPalette.ColorRole.WindowText)
                         if label.parentWidget() else QPalette().color(QPalette.ColorRole.WindowText))
    label.setPalette(palette)
    label.setProperty("state", tone or "")

"""What the clerk's dialogs share: the 应用/取消-or-关闭 button row of a preview, and a size fitted to
what the dialog shows (every field's text, every list line) within the screen."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
)

# A line field is at least this many characters wide (a unit's full name, a server address).
FIELD_CHARACTERS = 22
# A dialog is never wider or taller than this share of the screen.
SCREEN_SHARE = 0.9


def preview_buttons(dialog: QDialog, ok: bool, apply_text: str) -> tuple[QDialogButtonBox, QPushButton | None]:
    """A preview's buttons: `apply_text` (粘贴/导入) and 取消 when it can be applied, else only 关闭.
    The apply button is returned (None when there is nothing to apply)."""
    buttons = QDialogButtonBox()
    if ok:
        apply = buttons.addButton(apply_text, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
    else:
        apply = None
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, apply


def _line_width(edit: QLineEdit) -> int:
    metrics = edit.fontMetrics()
    longest = max(metrics.horizontalAdvance(edit.text()), metrics.horizontalAdvance(edit.placeholderText()),
                  metrics.horizontalAdvance("汉" * FIELD_CHARACTERS))
    return longest + 24  # the frame and the text margins


def fit_to_content(dialog: QDialog) -> None:
    """Widen fields to their text, lists and texts to their longest line, then size the dialog to all that
    (never beyond the screen): nothing the clerk reads or types is cut off in a too-narrow dialog."""
    screen = dialog.screen().availableGeometry() if dialog.screen() else None
    most_w = int(screen.width() * SCREEN_SHARE) if screen else 1200
    most_h = int(screen.height() * SCREEN_SHARE) if screen else 700
    for edit in dialog.findChildren(QLineEdit):
        if isinstance(edit.parentWidget(), QComboBox) or edit.maximumWidth() < 10**6:
            continue  # a combo's own line, or a field sized on purpose (a port, an amount)
        edit.setMinimumWidth(min(_line_width(edit), most_w // 2))
    for combo in dialog.findChildren(QComboBox):
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        widest = max((combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
        combo.setMinimumWidth(min(widest + 48, most_w // 2))  # the text and the arrow beside it
    for view in dialog.findChildren(QListWidget):
        widest = view.sizeHintForColumn(0) + 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width() + 8
        view.setMinimumWidth(min(widest, most_w - 40))
    for text in dialog.findChildren(QPlainTextEdit):
        metrics = text.fontMetrics()
        lines = text.toPlainText().split("\n")
        widest = max((metrics.horizontalAdvance(line) for line in lines), default=0) + 40
        text.setMinimumWidth(min(max(widest, text.minimumWidth()), most_w - 40))
    for label in dialog.findChildren(QLabel):
        if label.wordWrap() and label.text():
            # A wrapped note runs over a few lines at most, not one word a line in a narrow dialog.
            natural = max(label.fontMetrics().horizontalAdvance(line) for line in label.text().split("\n"))
            label.setMinimumWidth(min(natural // 3 + 40, most_w - 40, max(natural, 0)))
    dialog.adjustSize()
    dialog.resize(min(dialog.width(), most_w), min(dialog.height(), most_h))


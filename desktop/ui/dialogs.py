"""Small dialogs: a new unit, a new year, the list of activity kinds."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
)

from ..domain.model import Outline, Unit, UnitLevel
from ..services import activity_kinds
from ..services.summary import OUTLINE_NAMES
from .dialog_parts import fit_to_content
from .editor import Editor
from .marks import set_tone
from .table_editor import TableEditor
from .table_model import Column


def default_report_year(today: date | None = None) -> int:
    """Reports are written after the fiscal year closes: in 2025 the clerk writes 2024's."""
    return (today or date.today()).year - 1


class NewUnitDialog(QDialog):
    """单位名称, 层级, 上级单位, the first year and the outline to follow."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("新建单位")
        form = QFormLayout(self)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("如：乐山市金口河区妇女联合会")
        self.level_combo = QComboBox()
        for level in UnitLevel:
            self.level_combo.addItem(level.value, level)
        self.superior_edit = QLineEdit()
        self.superior_edit.setPlaceholderText("如：乐山市妇联")
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(default_report_year())
        self.outline_combo = QComboBox()
        for outline in Outline:
            self.outline_combo.addItem(OUTLINE_NAMES[outline], outline)
        form.addRow("单位名称(&N)：", self.name_edit)
        form.addRow("单位层级(&L)：", self.level_combo)
        form.addRow("上级单位(&S)：", self.superior_edit)
        form.addRow("报告年度(&Y)：", self.year_spin)
        form.addRow("报告提纲(&O)：", self.outline_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        fit_to_content(self)

    def accept(self) -> None:
        if not self.name_edit.text().strip():
            QMessageBox.warning(self, "新建单位", "请填写单位名称。")
            self.name_edit.setFocus()
            return
        super().accept()

    def unit(self) -> Unit:
        return Unit(
            name=self.name_edit.text().strip(),
            level=self.level_combo.currentData(),
            superior=self.superior_edit.text().strip(),
        )

    def year(self) -> int:
        return self.year_spin.value()

    def outline(self) -> Outline:
        return self.outline_combo.currentData()


class NewYearDialog(QDialog):
    """A new fiscal year for the current unit, by default carried forward from the last one."""

    def __init__(self, unit_name: str, suggested_year: int, can_copy: bool, parent=None):
        super().__init__(parent)
        self.setWindowTitle("新建年度")
        form = QFormLayout(self)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(suggested_year)
        self.copy_check = QCheckBox("从上一年度复制单位概况、编制、提纲、工作任务标题和指标（不复制金额和活动）")
        self.copy_check.setChecked(can_copy)
        self.copy_check.setEnabled(can_copy)
        form.addRow("单位：", QLineEdit(unit_name, readOnly=True))
        form.addRow("年度(&Y)：", self.year_spin)
        form.addRow(self.copy_check)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        fit_to_content(self)

    def year(self) -> int:
        return self.year_spin.value()

    def copy_forward(self) -> bool:
        return self.copy_check.isChecked()


class ActivityKindsDialog(QDialog):
    """管理活动类型: add, rename, reorder and remove the kinds the ledger offers, each edit undoable.

    Edits go to the open report at once (like every form); the dialog only closes.
    """

    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.setWindowTitle("管理活动类型")
        layout = QVBoxLayout(self)
        hint = QLabel(
            "活动台账“类型”一栏可选的类型，按此顺序列出。改名时，使用该类型的活动一并改名；"
            "还有活动使用的类型不能删除。"
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = TableEditor(
            editor,
            activity_kinds.KINDS,
            [
                Column(None, "活动类型", width=10, write=self.rename),
                Column(None, "使用的活动", compute=lambda kind: f"{activity_kinds.usage(editor.report, kind)} 条"),
            ],
            new_item=lambda: activity_kinds.new_kind_name(editor.report),
            add_label="添加类型(&A)",
            movable=True,
            removal_refusal=lambda row: activity_kinds.removal_refusal(editor.report, row),
        )
        self.table.remove_button.setText("删除所选类型(&D)")
        self.table.setMinimumHeight(320)
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        set_tone(self.message, "bad")
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_content(self)
        self.resize(max(self.width(), 420), max(self.height(), 520))
        # A kind renamed or added with a long name widens its column and, up to the screen, the dialog.
        self.table.model.dataChanged.connect(self._fit_names)
        self.table.model.rowsInserted.connect(self._fit_names)
        self._fit_names()

    def _fit_names(self, *_args) -> None:
        view = self.table.view
        view.resizeColumnToContents(0)
        view.setColumnWidth(0, max(view.columnWidth(0), view.fontMetrics().horizontalAdvance("中") * 10 + 16))
        wanted = (view.verticalHeader().width() + view.columnWidth(0) + view.columnWidth(1)
                  + view.verticalScrollBar().sizeHint().width() + 2 * view.frameWidth() + 48)
        screen = self.screen().availableGeometry().width() * 9 // 10 if self.screen() else 1200
        if self.width() < min(wanted, screen):
            self.resize(min(wanted, screen), self.height())

    def rename(self, row: int, name: str) -> None:
        """The clerk typed a new name in a kind's cell: refuse it, or rename the kind everywhere in one step."""
        report = self.editor.report
        name = name.strip()
        old = report.activity_kinds[row]
        if name == old:
            return
        problem = activity_kinds.name_problem(report, name, row)
        if problem:
            self.message.setText(problem)
            self.message.show()
            return
        self.message.hide()
        self.message.setText("")
        with self.editor.step(f"活动类型“{old}”改名为“{name}”"):
            for path, value in activity_kinds.rename_changes(report, row, name):
                self.editor.set(path, value, merge=False)

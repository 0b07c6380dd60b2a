"""Small dialogs: a new unit, a new year."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QSpinBox,
)

from ..domain.model import Outline, Unit, UnitLevel
from ..services.summary import OUTLINE_NAMES


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

    def year(self) -> int:
        return self.year_spin.value()

    def copy_forward(self) -> bool:
        return self.copy_check.isChecked()

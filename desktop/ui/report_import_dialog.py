"""文件 → 从往年报告导入…: choose last year's report, look at what was read, place the loose paragraphs,
and apply it to the unit's year as a draft — one step to undo."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
)

from ..report_import import ImportPreview
from ..services import report_import
from .operations import Operation, run_now

TITLE = "从往年报告导入"
FILE_FILTER = "往年自评报告 (*.docx *.pdf);;Word 文档 (*.docx);;PDF 文件 (*.pdf)"
DROP = "（不导入）"


SHOWN_CHARS = 90  # a long narrative shows its start; the whole text is in the tooltip


def _short(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= SHOWN_CHARS else f"{text[:SHOWN_CHARS]}……（共 {len(text)} 字）"


def _item(text: str, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(_short(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    item.setToolTip(tip or text)
    return item


class ReportImportDialog(QDialog):
    """The preview: every recognised field beside the words it came from, the loose paragraphs with a
    place to put each, the findings, and — for another year — the figures that were cleared."""

    def __init__(self, preview: ImportPreview, reread: Callable[[int, str], Optional[ImportPreview]], parent=None):
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self._reread = reread
        self.preview = preview
        available = self.screen().availableGeometry()
        self.resize(min(1100, int(available.width() * 0.9)), min(680, int(available.height() * 0.85)))
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        form = QFormLayout()
        self.unit_edit = QLineEdit()
        self.unit_edit.setToolTip("报告所属单位的全称；数据库中已有的单位请写得完全一致")
        self.unit_edit.editingFinished.connect(self._target_changed)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setToolTip("导入到的年度。与报告本身的年度不同时，只保留文字，清空上年的数字")
        self.year_spin.setKeyboardTracking(False)  # re-read once the year is typed, not at every digit
        self.year_spin.valueChanged.connect(self._target_changed)
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        unit_label = QLabel("单位(&U)：")
        unit_label.setBuddy(self.unit_edit)
        year_label = QLabel("导入到年度(&Y)：")
        year_label.setBuddy(self.year_spin)
        form.addRow(unit_label, self.unit_edit)
        form.addRow(year_label, self.year_spin)
        form.addRow("读取情况：", self.source_label)
        layout.addLayout(form)

        self.tabs = QTabWidget()
        self.fields_table = QTableWidget(0, 4)
        self.fields_table.setHorizontalHeaderLabels(["栏目", "识别出的内容", "原文", "位置"])
        self.unplaced_table = QTableWidget(0, 4)
        self.unplaced_table.setHorizontalHeaderLabels(["位置", "段落", "说明", "归入"])
        for table in (self.fields_table, self.unplaced_table):
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setWordWrap(True)
            table.verticalHeader().setVisible(False)
            header = table.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.unplaced_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.unplaced_table.setColumnWidth(3, 240)
        self.findings_list = QListWidget()
        self.findings_list.setWordWrap(True)
        self.cleared_list = QListWidget()
        self.tabs.addTab(self.fields_table, "")
        self.tabs.addTab(self.unplaced_table, "")
        self.tabs.addTab(self.findings_list, "")
        self.tabs.addTab(self.cleared_list, "")
        layout.addWidget(self.tabs, 1)

        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton("导入为草稿(&I)", QDialogButtonBox.ButtonRole.AcceptRole)
        # Enter in the year or unit field re-reads; only a click (or Alt+I) imports.
        self.import_button.setAutoDefault(False)
        self.import_button.setDefault(False)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole).setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.combos: list[QComboBox] = []
        self._show(preview)

    def keyPressEvent(self, event) -> None:
        # Enter in the unit or year field means "use this", not "import now" (the field re-reads on it).
        fields = (self.year_spin, self.unit_edit, self.year_spin.findChild(QLineEdit))
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.focusWidget() in fields:
            event.accept()
            return
        super().keyPressEvent(event)

    # -------------------------------------------------------------- filling

    def _show(self, preview: ImportPreview) -> None:
        self.preview = preview
        report = preview.report
        self.intro.setText(
            f"从“{preview.source_name}”中读出了下面的内容。请核对后点“导入为草稿”：导入后可用“撤销”（Ctrl+Z）一步还原。"
            "未归入栏目的段落默认不导入，可在“未归入的段落”中为它选择栏目。"
        )
        self.unit_edit.setText(report.unit.name)
        self.year_spin.blockSignals(True)
        self.year_spin.setValue(report.fiscal_year)
        self.year_spin.blockSignals(False)
        self.source_label.setText(
            f"单位名称取自：{preview.unit_source}；年度取自：{preview.year_source}；提纲：{preview.outline_name}"
        )
        self.fields_table.setRowCount(len(preview.fields))
        for row, field in enumerate(preview.fields):
            self.fields_table.setItem(row, 0, _item(field.label))
            self.fields_table.setItem(row, 1, _item(field.value, field.value))
            self.fields_table.setItem(row, 2, _item(field.source, f"原文：{field.source}"))
            self.fields_table.setItem(row, 3, _item(field.where))
        targets = preview.targets()
        self.unplaced_table.setRowCount(len(preview.unplaced))
        self.combos = []
        for row, loose in enumerate(preview.unplaced):
            self.unplaced_table.setItem(row, 0, _item(loose.where))
            self.unplaced_table.setItem(row, 1, _item(loose.text, loose.text))
            self.unplaced_table.setItem(row, 2, _item(loose.context))
            combo = QComboBox()
            combo.addItem(DROP, None)
            for target in targets:
                combo.addItem(target.label, target.path)
            combo.setAccessibleName(f"第 {row + 1} 段归入")
            self.unplaced_table.setCellWidget(row, 3, combo)
            self.combos.append(combo)
        self.fields_table.resizeRowsToContents()
        self.unplaced_table.resizeRowsToContents()
        self.findings_list.clear()
        self.findings_list.addItems(preview.findings or ["没有发现数字或编号上的问题。"])
        self.cleared_list.clear()
        self.cleared_list.addItems(preview.cleared or ["导入到报告本身的年度，没有清空数字。"])
        self.tabs.setTabText(0, f"识别的内容（{len(preview.fields)}）")
        self.tabs.setTabText(1, f"未归入的段落（{len(preview.unplaced)}）")
        self.tabs.setTabText(2, f"需要核对（{len(preview.findings)}）")
        self.tabs.setTabText(3, f"已清空的数字（{len(preview.cleared)}）")

    def _target_changed(self) -> None:
        report = self.preview.report
        unit, year = self.unit_edit.text().strip(), self.year_spin.value()
        if (unit, year) == (report.unit.name, report.fiscal_year) or not unit:
            return
        fresh = self._reread(year, unit)
        if fresh is not None:
            self._show(fresh)

    def choices(self) -> dict[int, str]:
        """Loose paragraph (index) → where the clerk put it; paragraphs left at 不导入 are absent."""
        return {row: combo.currentData() for row, combo in enumerate(self.combos) if combo.currentData()}


def import_old_report(window, path: Optional[Path] = None) -> Optional[Operation]:
    """Ask for the file (unless given), read it off the GUI thread, and show the preview."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(window, TITLE, "", FILE_FILTER)
        if not chosen:
            return None
        path = Path(chosen)
    window.editor.flush()
    workspace = window.workspace
    return (Operation(window, "读取往年报告", lambda progress: report_import.preview_file(workspace, path, progress=progress))
            .success(lambda preview: _previewed(window, path, preview))
            .run_in_background())


def _previewed(window, path: Path, preview: ImportPreview) -> None:
    workspace = window.workspace

    def reread(year: int, unit: str) -> Optional[ImportPreview]:
        return run_now(window, TITLE, lambda: report_import.preview_file(workspace, path, year=year, unit=unit))

    dialog = ReportImportDialog(preview, reread, window)
    window.last_report_import_dialog = dialog  # for the screenshots and tests that look at it
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    apply_import(window, dialog.preview, dialog.choices())


def apply_import(window, preview: ImportPreview, choices: dict[int, str]) -> bool:
    """Open the unit's year (a new empty draft if it has none) and put the import in as one undo step."""
    workspace = window.workspace
    report = preview.report
    if report_import.year_exists(workspace, preview):
        answer = QMessageBox.question(
            window, TITLE,
            f"“{report.unit.name}”已有 {report.fiscal_year} 年度的报告。用导入的内容替换它的文字和数字吗？\n"
            "（活动台账不受影响；替换后可用“撤销”还原。）",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
    target = run_now(window, TITLE, lambda: report_import.prepare_target(workspace, preview))
    if target is None:
        return False
    window.refresh(select=(target.unit.name, target.fiscal_year))
    editor = window.editor
    if editor.report is None:
        return False
    changes = report_import.changes_for(editor.report, preview, choices)
    with editor.step(TITLE):
        for path, value in changes:
            editor.set(path, value, merge=False)
    editor.flush()
    placed = len(choices)
    window.statusBar().showMessage(
        f"已从“{preview.source_name}”导入为 {report.fiscal_year} 年度草稿"
        + (f"，另有 {placed} 段按您的选择归入" if placed else "") + "。可用“撤销”还原。", 10000)
    return True

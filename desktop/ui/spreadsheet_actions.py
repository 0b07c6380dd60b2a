"""Excel on the ledger and finance pages: fill a template, write the ledger out, import with a preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from ..services import spreadsheets
from .dialog_parts import fit_to_content, preview_buttons
from .operations import Operation, run_now, show_user_error

XLSX_FILTER = "Excel 工作簿 (*.xlsx)"


class ImportPreviewDialog(QDialog):
    """What the import would do, in the clerk's words; 导入 only when the file has no problems."""

    def __init__(self, kind: str, preview, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"导入{spreadsheets.KIND_NAMES[kind]}")
        layout = QVBoxLayout(self)
        if preview.ok:
            layout.addWidget(QLabel("请核对将要导入的内容。导入后会立即保存，不能用“撤销”还原。"))
        else:
            layout.addWidget(QLabel("文件中有问题，没有导入任何数据。请按下面的说明在 Excel 中改正后重新导入。"))
        self.text = QPlainTextEdit("\n".join(preview.lines()))
        self.text.setReadOnly(True)
        self.text.setMinimumSize(560, 320)
        layout.addWidget(self.text)
        buttons, self.import_button = preview_buttons(self, preview.ok, "导入(&I)")
        layout.addWidget(buttons)
        fit_to_content(self)


class SpreadsheetActions:
    """The buttons a page gets for one kind of workbook (ledger or budget)."""

    def __init__(self, page, kind: str):
        self.page = page
        self.kind = kind
        name = spreadsheets.KIND_NAMES[kind]
        self.import_button = QPushButton(f"从 Excel 导入{name}…")
        self.import_button.clicked.connect(self.choose_and_import)
        self.template_button = QPushButton(f"{name}模板…")
        self.template_button.setToolTip(f"保存一个{name} Excel 模板，填好后用“从 Excel 导入”读回")
        self.template_button.clicked.connect(self.save_template)
        self.buttons = [self.import_button, self.template_button]
        if kind == spreadsheets.LEDGER:
            self.write_button = QPushButton("台账导出到 Excel…")
            self.write_button.clicked.connect(self.save_ledger)
            self.buttons.append(self.write_button)
        self.last_preview = None

    @property
    def window(self):
        return self.page.window()

    def _ask_path(self, title: str, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.page, title, suggested, XLSX_FILTER)
        return Path(path) if path else None

    def save_template(self) -> None:
        report = self.page.editor.report
        name = spreadsheets.KIND_NAMES[self.kind]
        path = self._ask_path(f"保存{name}模板", f"{name}模板.xlsx")
        if path is not None:
            self._write(lambda: spreadsheets.write_template(self.kind, path, report), path)

    def save_ledger(self) -> None:
        report = self.page.editor.report
        if report is None:
            return
        self.page.editor.flush()
        path = self._ask_path("活动台账导出到 Excel", f"{report.unit.name}{report.fiscal_year}年活动台账.xlsx")
        if path is not None:
            self._write(lambda: spreadsheets.write_ledger(report, path), path)

    def _write(self, action, path: Path) -> None:
        if run_now(self.page, "保存 Excel 文件", action) is not None:
            self.window.statusBar().showMessage(f"已保存到 {path}", 8000)

    def choose_and_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.page, f"导入{spreadsheets.KIND_NAMES[self.kind]}", "", XLSX_FILTER)
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path):
        """Read the workbook off the GUI thread, show the preview, and import on the clerk's word."""
        editor = self.page.editor
        report = editor.report
        if report is None:
            return None
        editor.flush()
        return (
            Operation(self.page, "读取 Excel 文件", lambda progress: spreadsheets.preview(self.kind, path, report, progress))
            .success(lambda preview: self._previewed(preview, report))
            .failure(self._failed)
            .run_in_background()
        )

    def _previewed(self, preview, report) -> None:
        self.last_preview = preview
        dialog = ImportPreviewDialog(self.kind, preview, self.page)
        if dialog.exec() != QDialog.DialogCode.Accepted or not preview.ok:
            return
        workspace = self.page.editor.workspace
        (
            Operation(self.page, "导入 Excel 文件",
                      lambda progress: spreadsheets.apply_and_save(workspace, preview, report, progress))
            .success(self._imported)
            .failure(self._failed)
            .run_in_background()
        )

    def _imported(self, report) -> None:
        self.window.open_report(report)
        self.window.statusBar().showMessage(f"已导入{spreadsheets.KIND_NAMES[self.kind]}并保存", 8000)

    def _failed(self, exc) -> None:
        show_user_error(self.page, "导入 Excel 文件", exc, "没有导入任何内容。")

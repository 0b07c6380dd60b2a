"""导出: outline, formats and folder; progress while writing; open the folder or the file when done;
and a preview of the PDF inside the program before anything is saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...errors import UserError
from ...services import exporting
from ..operations import Operation, show_user_error
from ..pdf_view import PdfView, renderer_available
from .base import Page


def default_folder() -> Path:
    documents = Path.home() / "Documents"
    return (documents if documents.is_dir() else Path.home()) / "妇联自评报告"


class ExportPage(Page):
    title = "导出"

    def __init__(self, editor, window, parent=None):
        super().__init__(editor, parent)
        self.window_ = window
        self.outcome: exporting.ExportOutcome | None = None
        self.preview_path: Path | None = None
        splitter = QSplitter(Qt.Orientation.Horizontal)
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)

        left = QWidget()
        layout = QVBoxLayout(left)
        box, form = self.group("导出报告")
        self.outline_combo = QComboBox()  # filled when the page is first shown (reading outlines takes time)
        form.addRow("报告提纲(&O)：", self.outline_combo)
        self.docx_check = QCheckBox("Word 文档（.docx），可以继续修改")
        self.docx_check.setChecked(True)
        self.pdf_check = QCheckBox("PDF 文件（.pdf），用于上报和打印")
        self.pdf_check.setChecked(True)
        self.xlsx_check = QCheckBox("Excel 表格（.xlsx），报告中的全部表格")
        self.xlsx_check.setVisible(False)  # shown on the first visit when the writers offer Excel
        form.addRow("格式：", self.docx_check)
        form.addRow("", self.pdf_check)
        form.addRow("", self.xlsx_check)
        folder_row = QHBoxLayout()
        self.folder_edit = QLineEdit(str(default_folder()))
        browse = QPushButton("浏览(&B)…")
        browse.clicked.connect(self.choose_folder)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        folder_label = QLabel("保存到(&S)：")
        folder_label.setBuddy(self.folder_edit)
        form.addRow(folder_label, folder_row)
        buttons = QHBoxLayout()
        self.export_button = QPushButton("导出正式稿(&X)")
        self.export_button.setDefault(True)
        self.export_button.setToolTip("校验没有错误时导出正式稿；还有错误时导出的是草稿（每页标“草稿”），并告诉您有几个错误")
        self.export_button.clicked.connect(lambda: self.start_export(final=True))
        self.draft_button = QPushButton("导出草稿(&D)")
        self.draft_button.setToolTip("每页标“草稿”，用于内部审阅")
        self.draft_button.clicked.connect(lambda: self.start_export(final=False))
        self.preview_button = QPushButton("预览 PDF(&P)")
        self.preview_button.clicked.connect(self.start_preview)
        self.preview_button.setEnabled(renderer_available())
        if not renderer_available():
            self.preview_button.setToolTip("预览需要 PDF 显示组件，请重新安装本程序")
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        layout.addWidget(box)

        box, form = self.group("导出结果")
        self.result_label = QLabel("尚未导出")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.result_label)
        open_row = QHBoxLayout()
        self.open_folder_button = QPushButton("打开文件夹")
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_file_button = QPushButton("打开文件")
        self.open_file_button.clicked.connect(self.open_file)
        for button in (self.open_folder_button, self.open_file_button):
            button.setEnabled(False)
            open_row.addWidget(button)
        open_row.addStretch(1)
        form.addRow(open_row)
        layout.addWidget(box)
        layout.addStretch(1)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.preview_label = QLabel("PDF 预览：点“预览 PDF”在这里查看排版，满意后再导出。")
        self.preview_label.setWordWrap(True)
        right_layout.addWidget(self.preview_label)
        self.pdf_view = PdfView()
        tools = QHBoxLayout()
        self.page_label = QLabel("")
        for text, tip, action in (("－", "缩小", self.pdf_view.zoom_out), ("＋", "放大", self.pdf_view.zoom_in),
                                  ("适合宽度", "页面宽度与窗口相同", self.pdf_view.fit_width),
                                  ("上一页", "", self.pdf_view.previous_page), ("下一页", "", self.pdf_view.next_page)):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(action)
            button.clicked.connect(self._show_page_number)
            tools.addWidget(button)
            setattr(self, {"－": "zoom_out_button", "＋": "zoom_in_button", "适合宽度": "fit_button",
                           "上一页": "previous_button", "下一页": "next_button"}[text], button)
        tools.addWidget(self.page_label)
        tools.addStretch(1)
        right_layout.addLayout(tools)
        self.pdf_view.verticalScrollBar().valueChanged.connect(self._show_page_number)
        right_layout.addWidget(self.pdf_view, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)

        editor.report_loaded.connect(self._report_loaded)

    def _report_loaded(self) -> None:
        report = self.editor.report
        self.outcome = None
        self.result_label.setText("尚未导出")
        self.open_folder_button.setEnabled(False)
        self.open_file_button.setEnabled(False)
        self.pdf_view.show_pdf(None)
        if report is not None and self.outline_combo.count():
            self._select_report_outline()

    def _select_report_outline(self) -> None:
        report = self.editor.report
        if report is not None:
            index = self.outline_combo.findData(report.outline.value)
            if index >= 0:
                self.outline_combo.setCurrentIndex(index)

    def page_shown(self) -> None:
        if not self.outline_combo.count():  # the first visit: what reading outlines and writers costs
            self.xlsx_check.setVisible("xlsx" in exporting.formats())
            for choice in exporting.outlines():
                self.outline_combo.addItem(choice.name, choice.id)
            self._select_report_outline()
        super().page_shown()

    def formats(self) -> list[str]:
        boxes = (("docx", self.docx_check), ("pdf", self.pdf_check), ("xlsx", self.xlsx_check))
        return [fmt for fmt, box in boxes if box.isChecked() and fmt in exporting.formats()]

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择保存报告的文件夹", self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    # -------------------------------------------------------------- export

    def _show_page_number(self, *_args) -> None:
        view = self.pdf_view
        self.page_label.setText(f"第 {view.current_page() + 1} / {view.page_count} 页，{round(view.zoom * 100)}%"
                                if view.page_count else "")

    def start_export(self, final: bool = True):
        report = self.editor.report
        if report is None:
            return None
        formats = self.formats()
        if not formats:
            QMessageBox.information(self, "导出", "请至少选择一种格式（Word 或 PDF）。")
            return None
        self.editor.flush()
        folder = Path(self.folder_edit.text().strip() or default_folder())
        outline_id = self.outline_combo.currentData()
        self.result_label.setText("正在导出…")
        self.outcome = None
        return (
            Operation(self, "导出报告",
                      lambda progress: exporting.export(report, folder, formats, outline_id, final, progress,
                                                        workspace=self.editor.workspace))
            .success(self._exported)
            .failure(self._failed)
            .cancelled(lambda: self.result_label.setText("已取消导出，没有写入任何文件。"))
            .run_in_background()
        )

    def _exported(self, outcome: exporting.ExportOutcome) -> None:
        self.outcome = outcome
        names = "\n".join(str(p) for p in outcome.paths)
        note = ""
        if outcome.draft and outcome.errors:
            note = f"\n\n报告还有 {outcome.errors} 个校验错误，已按草稿导出（每页标有“草稿”）。请在“校验”页改正后再导出定稿。"
        elif outcome.draft:
            note = "\n\n已按草稿导出。"
        self.result_label.setText(f"已导出：\n{names}{note}")
        self.open_folder_button.setEnabled(True)
        self.open_file_button.setEnabled(True)
        folder = outcome.paths[0].parent if outcome.paths else None
        pdf = next((p for p in outcome.paths if p.suffix == ".pdf"), None)
        kind = "草稿" if outcome.draft else "正式稿"
        if pdf is not None and renderer_available():
            self.preview_path = pdf
            pages = self.pdf_view.show_pdf(pdf)
            self.preview_label.setText(f"已导出{kind}（共 {pages} 页），文件保存在：{folder}")
            self._show_page_number()
        elif folder is not None:
            self.preview_label.setText(f"已导出{kind}，文件保存在：{folder}")

    def _failed(self, exc: UserError) -> None:
        self.result_label.setText(f"导出没有完成：{exc.message}")
        show_user_error(self, "导出", exc)

    def open_folder(self) -> None:
        if self.outcome and self.outcome.paths:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.outcome.paths[0].parent)))

    def open_file(self) -> None:
        if self.outcome and self.outcome.paths:
            target = next((p for p in self.outcome.paths if p.suffix == ".pdf"), self.outcome.paths[0])
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    # -------------------------------------------------------------- preview

    def start_preview(self):
        report = self.editor.report
        if report is None:
            return None
        self.editor.flush()
        outline_id = self.outline_combo.currentData()
        self.preview_label.setText("正在生成预览…")
        self.pdf_view.show_pdf(None)
        return (
            Operation(self, "生成 PDF 预览", lambda progress: exporting.preview_pdf(
                report, outline_id, progress, workspace=self.editor.workspace))
            .success(self._previewed)
            .failure(self._failed)
            .cancelled(lambda: self.preview_label.setText("已取消预览。"))
            .run_in_background()
        )

    def _previewed(self, path: Path) -> None:
        self.preview_path = path
        pages = self.pdf_view.show_pdf(path)
        self.preview_label.setText(f"PDF 预览（共 {pages} 页，尚未保存；满意后点“导出正式稿”）")
        self._show_page_number()

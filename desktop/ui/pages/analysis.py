"""分析与结论: the management narratives, the achievements, the conclusion, problems and measures."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from ...domain.field_labels import label_of
from ...domain.model import NarrativeBlock
from ...domain import fieldpath
from ..binding import FormBinder
from ..table_editor import TableEditor
from ..table_model import Column
from .base import Page

ACHIEVEMENTS = "report.narratives.achievements"
# The narratives in page order, each with the lines its box shows before it grows (labels: field_labels).
NARRATIVES = (
    ("performance_management", 3), ("budget_preparation", 3), ("budget_execution", 3), ("final_accounts", 2),
    ("finance_comment", 2), ("project_analysis", 3), ("results_application", 2), ("task_completion", 3),
    ("project_completion", 3), ("conclusion", 3),
)


class AnalysisPage(Page):
    title = "分析与结论"
    prefixes = ("report.narratives", "report.problems", "report.measures")

    def __init__(self, editor, parent=None):
        super().__init__(editor, parent)
        layout = self.scrolled()
        b = self.binder

        box, form = self.group("绩效管理与分析")
        for attr, lines in NARRATIVES:
            path = f"report.narratives.{attr}"
            form.addRow(f"{label_of(path)}：", b.text(path, lines=lines).container)
        layout.addWidget(box)

        box, form = self.group("主要工作成效（每条一个主题，可分若干分项；编号由程序生成）")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.achievements = self.add_table(
            TableEditor(editor, ACHIEVEMENTS, [Column("title", "主题")],
                        new_item=lambda: NarrativeBlock(), add_label="添加成效主题", movable=True)
        )
        splitter.addWidget(self.achievements)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.block = FormBinder(editor, self, base=None)
        self.detail_binders.append(self.block)
        detail_layout.addWidget(self.block.text("@.text", "这一主题下的成效，每段一行；分项写在下面", lines=4).container, 0)
        # 分项 (1)(2) of the chosen 主题, as seed 004's “5. 扬帆逐浪展新颜” has: titles in the table, text beside.
        sub_box = QGroupBox("所选主题的分项（(1)(2)…，编号由程序生成）")
        sub_layout = QHBoxLayout(sub_box)
        self.sub_blocks = self.add_table(
            TableEditor(editor, "", [Column("title", "分项标题")],
                        new_item=lambda: NarrativeBlock(), add_label="添加分项", movable=True)
        )
        sub_layout.addWidget(self.sub_blocks, 2)
        self.sub_block = FormBinder(editor, self, base=None)
        self.detail_binders.append(self.sub_block)
        sub_layout.addWidget(self.sub_block.text("@.text", "这一分项的内容，每段一行", lines=5).container, 3,
                             Qt.AlignmentFlag.AlignTop)
        detail_layout.addWidget(sub_box, 3)
        splitter.addWidget(detail)
        splitter.setStretchFactor(1, 2)
        splitter.setMinimumHeight(380)
        form.addRow(splitter)
        layout.addWidget(box)
        self.achievements_box = box

        box, form = self.group("存在问题与改进措施（每条一行，编号由程序生成；不要只写“无”）")
        self.problems = self.add_table(
            TableEditor(editor, "report.problems", [Column(None, label_of("problems"))], new_item=lambda: "", add_label="添加问题")
        )
        self.problems.setMinimumHeight(160)
        form.addRow(self.problems)
        self.measures = self.add_table(
            TableEditor(editor, "report.measures", [Column(None, label_of("measures"))], new_item=lambda: "", add_label="添加措施")
        )
        self.measures.setMinimumHeight(160)
        form.addRow(self.measures)
        layout.addWidget(box)
        layout.addStretch(1)

        self.current = -1  # the 主题 shown
        self._issues: list[tuple[str, str, str]] = []
        self.achievements.row_activated.connect(self._show_block)
        self.sub_blocks.row_activated.connect(self._show_sub_block)
        editor.report_loaded.connect(lambda: self._show_block(0))
        editor.list_changed.connect(self._list_changed)

    def _list_changed(self, path: str, row: int, delta: int) -> None:
        if path == ACHIEVEMENTS:
            self._show_block(max(self.achievements.current_row(), 0))
        elif path == self.sub_blocks.model.list_path:
            self._show_sub_block(max(self.sub_blocks.current_row(), 0))

    def _show_block(self, row: int) -> None:
        report = self.editor.report
        if report is None or not (0 <= row < len(report.narratives.achievements)):
            self.current = -1
            self.block.set_base(None)
            self.sub_blocks.model.set_list_path("")
            self.sub_blocks.setEnabled(False)
            self._show_sub_block(-1)
            return
        self.current = row
        base = fieldpath.join("narratives", "achievements", row)
        self.block.set_base(base)
        self.block.set_issues(self._issues)
        self.sub_blocks.setEnabled(True)
        if self.sub_blocks.model.list_path != base + ".blocks":
            self.sub_blocks.model.set_list_path(base + ".blocks")
            self.sub_blocks.set_issues(self._issues)
        self._show_sub_block(max(self.sub_blocks.current_row(), 0))

    def _show_sub_block(self, row: int) -> None:
        report = self.editor.report
        if report is None or self.current < 0 or not (0 <= row < len(report.narratives.achievements[self.current].blocks)):
            self.sub_block.set_base(None)
            return
        self.sub_block.set_base(fieldpath.child(self.sub_blocks.model.list_path, row))
        self.sub_block.set_issues(self._issues)
        if self.sub_blocks.current_row() != row:
            # Show which 分项 the text belongs to, without taking the cursor from where the clerk is.
            index = self.sub_blocks.model.index(row, 0)
            self.sub_blocks.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def set_issues(self, issues: list[tuple[str, str, str]]) -> None:
        self._issues = list(issues)  # shown again when another 主题 or 分项 comes into view
        super().set_issues(issues)

    def focus_path(self, path: str) -> bool:
        found = fieldpath.split_list_item(path, ACHIEVEMENTS)
        report = self.editor.report
        if found is not None and report is not None and found[0] < len(report.narratives.achievements):
            row, rest = found
            self.achievements.select(row, 0)
            self._show_block(row)
            sub = fieldpath.split_list_item(path, fieldpath.child(fieldpath.child(ACHIEVEMENTS, row), "blocks"))
            if sub is not None and sub[0] < len(report.narratives.achievements[row].blocks):
                self.sub_blocks.select(sub[0], 0)
                self._show_sub_block(sub[0])
                if sub[1].startswith(".text"):
                    return self.sub_block.focus(path)
                return True  # its title, in the table
            if rest.startswith(".text") or rest.startswith(".blocks"):
                return self.block.focus(fieldpath.child(fieldpath.child(ACHIEVEMENTS, row), "text"))
            return True
        return super().focus_path(path)

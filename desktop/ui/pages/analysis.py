"""分析与结论: the management narratives, the achievements, the conclusion, problems and measures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter

from ...domain.model import NarrativeBlock
from ...services import fieldpath
from ..binding import FormBinder
from ..table_editor import TableEditor
from ..table_model import Column
from .base import Page

NARRATIVES = (
    ("performance_management", "部门整体绩效管理情况", 3),
    ("budget_preparation", "预算编制", 3),
    ("budget_execution", "预算执行", 3),
    ("final_accounts", "决算", 2),
    ("finance_comment", "预算完成情况评述", 2),
    ("project_analysis", "特定目标类项目绩效分析", 3),
    ("results_application", "结果应用情况", 2),
    ("task_completion", "各项工作任务绩效目标完成情况", 3),
    ("project_completion", "各重点任务项目支出完成情况", 3),
    ("conclusion", "评价结论", 3),
)


class AnalysisPage(Page):
    title = "分析与结论"
    prefixes = ("report.narratives", "report.problems", "report.measures")

    def __init__(self, editor, parent=None):
        super().__init__(editor, parent)
        layout = self.scrolled()
        b = self.binder

        box, form = self.group("绩效管理与分析")
        for attr, label, lines in NARRATIVES:
            form.addRow(f"{label}：", b.text(f"report.narratives.{attr}", lines=lines).container)
        layout.addWidget(box)

        box, form = self.group("主要工作成效（每条一个主题，编号由程序生成）")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.achievements = self.add_table(
            TableEditor(editor, "report.narratives.achievements", [Column("title", "主题")],
                        new_item=lambda: NarrativeBlock(), add_label="添加成效主题")
        )
        splitter.addWidget(self.achievements)
        self.block = FormBinder(editor, self, base=None)
        self.detail_binders.append(self.block)
        splitter.addWidget(self.block.text("@.text", "这一主题下的成效，每段一行", lines=6).container)
        splitter.setStretchFactor(1, 2)
        splitter.setMinimumHeight(200)
        form.addRow(splitter)
        layout.addWidget(box)

        box, form = self.group("存在问题与改进措施（每条一行，编号由程序生成；不要只写“无”）")
        self.problems = self.add_table(
            TableEditor(editor, "report.problems", [Column(None, "存在的问题")], new_item=lambda: "", add_label="添加问题")
        )
        self.problems.setMinimumHeight(160)
        form.addRow(self.problems)
        self.measures = self.add_table(
            TableEditor(editor, "report.measures", [Column(None, "改进措施")], new_item=lambda: "", add_label="添加措施")
        )
        self.measures.setMinimumHeight(160)
        form.addRow(self.measures)
        layout.addWidget(box)
        layout.addStretch(1)

        self.achievements.row_activated.connect(self._show_block)
        editor.report_loaded.connect(lambda: self._show_block(0))
        editor.list_changed.connect(
            lambda path, *_: path == "report.narratives.achievements" and self._show_block(max(self.achievements.current_row(), 0))
        )

    def _show_block(self, row: int) -> None:
        report = self.editor.report
        if report is None or not (0 <= row < len(report.narratives.achievements)):
            self.block.set_base(None)
        else:
            self.block.set_base(fieldpath.join("narratives", "achievements", row))

    def focus_path(self, path: str) -> bool:
        found = fieldpath.split_list_item(path, "report.narratives.achievements")
        if found is not None:
            self.achievements.select(found[0], 0)
            self._show_block(found[0])
            if found[1].startswith(".text") or found[1].startswith(".blocks"):
                return self.block.focus(fieldpath.join("narratives", "achievements", found[0], "text"))
            return True
        return super().focus_path(path)

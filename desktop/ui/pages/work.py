"""年度工作: the overall account and the key tasks, each with its narrative and its ledger figures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from ...domain.field_labels import label_of
from ...domain.model import WorkTask
from ...domain import fieldpath
from ...services.figures import task_ledger_text
from ..binding import FormBinder
from ..table_editor import TableEditor
from ..table_model import Column
from .base import Page


class WorkPage(Page):
    title = "年度工作"
    prefixes = ("report.tasks", "report.narratives.overall_work", "report.department_target.text")

    def __init__(self, editor, parent=None):
        super().__init__(editor, parent)
        layout = QVBoxLayout(self)
        b = self.binder
        box, form = self.group("年度总体工作")
        form.addRow(f"{label_of('narratives.overall_work')}(&G)：", b.text("report.narratives.overall_work", "概述本年度的总体工作，下面的重点任务逐项展开", lines=3).container)
        layout.addWidget(box, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.tasks = self.add_table(
            TableEditor(editor, "report.tasks", [Column("title", label_of("tasks[].title"), width=14)],
                        new_item=lambda: WorkTask(title=""), add_label="添加任务(&A)")
        )
        splitter.addWidget(self.tasks)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.detail = FormBinder(editor, self, base=None)
        self.detail_binders.append(self.detail)
        box, form = self.group("所选任务")
        form.addRow(f"{label_of('tasks[].title')}：", self.detail.line("@.title").container)
        form.addRow(f"{label_of('tasks[].narrative')}(&W)：", self.detail.text("@.narrative", "做了什么、取得了什么成效；数字可引用下方台账合计", lines=8).container)
        self.ledger_figures = self.figure_label()
        form.addRow("台账合计：", self.ledger_figures)
        detail_layout.addWidget(box)
        splitter.addWidget(detail)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 3)

        self.tasks.row_activated.connect(self._show_task)
        editor.report_loaded.connect(lambda: self._show_task(0))
        editor.list_changed.connect(self._list_changed)

    def _list_changed(self, path: str, row: int, delta: int) -> None:
        if path == "report.tasks":
            self._show_task(self.tasks.current_row() if self.tasks.current_row() >= 0 else 0)

    def _show_task(self, row: int) -> None:
        report = self.editor.report
        if report is None or not (0 <= row < len(report.tasks)):
            self.detail.set_base(None)
            self.ledger_figures.setText("")
            return
        self.detail.set_base(fieldpath.join("tasks", row))
        self.ledger_figures.setText(task_ledger_text(report, report.tasks[row].key))

    def focus_path(self, path: str) -> bool:
        if path == "report.tasks":
            return self.tasks.focus(path)  # the list as a whole (none entered yet): where 添加任务 is
        found = fieldpath.split_list_item(path, "report.tasks")
        if found is not None and self.editor.report and found[0] < len(self.editor.report.tasks):
            self.tasks.select(found[0], 0)
            self._show_task(found[0])
            if found[1].startswith(".narrative"):
                return self.detail.focus(path)
            return True
        return self.binder.focus(path)

"""绩效目标与自评: the department's target and the 自评表 indicator tree, with the live total and grade."""

from __future__ import annotations

from ...services.figures import department_figures
from ..marks import set_tone
from ..table_editor import TableEditor
from ..table_model import Kind
from .base import Page
from .indicators import indicator_columns, new_indicator


class EvaluationPage(Page):
    title = "绩效目标与自评"
    prefixes = ("report.department_target", "report.self_evaluation")

    def __init__(self, editor, parent=None):
        super().__init__(editor, parent)
        layout = self.scrolled()
        b = self.binder

        box, form = self.group("部门整体支出绩效目标")
        form.addRow("绩效目标(&T)：", b.text("report.department_target.text", "部门整体的年度绩效目标", lines=3).container)
        self.target_indicators = self.add_table(
            TableEditor(editor, "report.department_target.indicators", indicator_columns(),
                        new_item=new_indicator, add_label="添加目标指标", grows=True)
        )
        self.target_indicators.setMinimumHeight(170)
        form.addRow(self.target_indicators)
        layout.addWidget(box)

        box, form = self.group("部门整体支出绩效自评表")
        form.addRow("预算执行率分值：", b.number("report.self_evaluation.execution_weight", Kind.DECIMAL, suffix="分").container)
        self.execution = self.figure_label()
        form.addRow("预算执行：", self.execution)
        self.indicators = self.add_table(
            TableEditor(editor, "report.self_evaluation.indicators", indicator_columns(),
                        new_item=new_indicator, add_label="添加自评指标(&A)", grows=True)
        )
        self.indicators.setMinimumHeight(320)
        form.addRow(self.indicators)
        form.addRow("自评总分（无明细表时填写）：", b.number("report.self_evaluation.entered_total", Kind.DECIMAL, suffix="分").container)
        self.total = self.figure_label()
        form.addRow("自评得分：", self.total)
        self.grade = self.figure_label()
        form.addRow("评价等级：", self.grade)
        layout.addWidget(box)
        layout.addStretch(1)

        editor.report_loaded.connect(self.refresh_figures)
        editor.changed.connect(self._changed)
        editor.list_changed.connect(self._changed)

    def _changed(self, path: str, *_args) -> None:
        if path.startswith("report.self_evaluation") or path.startswith("report.finance.budget") or path == "report":
            self.refresh_figures()

    def refresh_figures(self) -> None:
        report = self.editor.report
        if report is None:
            for label in (self.execution, self.total, self.grade):
                label.setText("")
            return
        figures = department_figures(report)
        self.execution.setText(figures.execution)
        self.total.setText(figures.total)
        self.grade.setText(figures.grade)
        for label in (self.total, self.grade):
            set_tone(label, "figure" if figures.scored else "warning")

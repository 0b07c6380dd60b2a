"""概览: the report's key figures and charts of income, expenditure, execution and scores."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGridLayout, QLabel, QWidget

from ...services.figures import execution_rates, expenditure_composition, income_composition, scores_by_group
from ...services.summary import summarize
from ..charts import BarChart
from .base import Page


class OverviewPage(Page):
    title = "概览"

    def __init__(self, editor, parent=None):
        super().__init__(editor, parent)
        layout = self.scrolled()
        figures = QWidget()
        self.form = QFormLayout(figures)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(figures)
        grid = QGridLayout()
        self.income_chart = BarChart("收入构成", "还没有填写收入")
        self.expenditure_chart = BarChart("支出构成", "还没有填写支出")
        self.execution_chart = BarChart("预算执行率", "还没有填写预算和执行数")
        self.score_chart = BarChart("自评得分（按指标类别）", "还没有填写自评指标")
        grid.addWidget(self.income_chart, 0, 0)
        grid.addWidget(self.expenditure_chart, 0, 1)
        grid.addWidget(self.execution_chart, 1, 0)
        grid.addWidget(self.score_chart, 1, 1)
        layout.addLayout(grid)
        layout.addStretch(1)
        self._stale = True
        editor.report_loaded.connect(self._mark_stale)
        editor.changed.connect(self._mark_stale)
        editor.list_changed.connect(self._mark_stale)

    def _mark_stale(self, *_args) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def page_shown(self) -> None:
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        while self.form.rowCount():
            self.form.removeRow(0)
        report = self.editor.report
        if report is None:
            for chart in (self.income_chart, self.expenditure_chart, self.execution_chart, self.score_chart):
                chart.set_bars([])
            return
        for line in summarize(report):
            value = QLabel(line.value)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.form.addRow(f"{line.label}：", value)
        self.income_chart.set_bars(income_composition(report))
        self.expenditure_chart.set_bars(expenditure_composition(report))
        self.execution_chart.set_bars(execution_rates(report))
        self.score_chart.set_bars(scores_by_group(report))

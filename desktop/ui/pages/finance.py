"""收支情况: income, expenditure, carry-over, budget and execution, 三公经费 — with live totals."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from ...domain.field_labels import label_of
from ...domain.model import STANDARD_INCOME_SOURCES, THREE_PUBLIC_ITEMS, IncomeLine, ThreePublicLine
from ...services import spreadsheets
from ...services.figures import finance_figures
from ..spreadsheet_actions import SpreadsheetActions
from ..marks import set_tone
from ..table_editor import TableEditor
from ..table_model import Column, Kind
from .base import Page

FIN = "report.finance"
# How the report prints shares (占比): the clerk's choice, kept with the report's figures.
SHARE_PLACES = [("按数值（34.8%、100%）", None), ("保留 1 位小数（94.0%、6.0%）", 1),
                ("保留 2 位小数（93.97%、6.03%）", 2), ("取整（94%、6%）", 0)]


class FinancePage(Page):
    title = "收支情况"
    prefixes = (FIN,)

    def __init__(self, editor, parent=None):
        super().__init__(editor, parent)
        layout = self.scrolled()
        self.binder.reserve_messages = True  # figures typed and clicked between: nothing may move
        b = self.binder
        self.excel = SpreadsheetActions(self, spreadsheets.BUDGET)
        row = QHBoxLayout()
        row.addWidget(QLabel("收支、“三公”经费和项目预算可以从决算/预算 Excel 表导入："))
        for button in self.excel.buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

        box, form = self.group("本年收入")
        sources = [(s, s) for s in STANDARD_INCOME_SOURCES]
        self.income = self.add_table(
            TableEditor(
                editor,
                f"{FIN}.income_lines",
                [
                    Column("source", "收入来源", Kind.CHOICE, choices=lambda: sources, width=14),
                    Column("amount", "金额（元）", Kind.MONEY, width=8, budget=True),
                    Column(None, "占比", compute=self._income_share),
                ],
                new_item=lambda: IncomeLine(source=self._next_source()),
                add_label="添加收入项目",
                grows=True,
            )
        )
        self.income.setMinimumHeight(170)
        form.addRow(self.income)
        form.addRow(f"{label_of(f'{FIN}.income_total')}：", b.money(f"{FIN}.income_total").container)
        self.income_total = self.figure_label()
        form.addRow("本年收入总计：", self.income_total)
        layout.addWidget(box)

        box, form = self.group("本年支出")
        form.addRow("人员经费：", b.money(f"{FIN}.expenditure.personnel").container)
        form.addRow("公用经费：", b.money(f"{FIN}.expenditure.public").container)
        form.addRow("基本支出（决算所列）：", b.money(f"{FIN}.expenditure.basic").container)
        self.basic_total = self.figure_label()
        form.addRow("基本支出：", self.basic_total)
        form.addRow("项目支出：", b.money(f"{FIN}.expenditure.project").container)
        form.addRow("支出合计（决算所列）：", b.money(f"{FIN}.expenditure.total").container)
        self.expenditure_total = self.figure_label()
        form.addRow("本年支出合计：", self.expenditure_total)
        layout.addWidget(box)

        box, form = self.group("结转结余与收支平衡")
        form.addRow("年初结转结余：", b.money(f"{FIN}.carry_over_start").container)
        form.addRow("年末结转结余：", b.money(f"{FIN}.carry_over_end").container)
        self.balance = self.figure_label()
        form.addRow("收支平衡：", self.balance)
        layout.addWidget(box)

        box, form = self.group("与上年比较、占比的小数位")
        form.addRow("上年收入总计：", b.money(f"{FIN}.previous_income_total").container)
        form.addRow("上年支出合计：", b.money(f"{FIN}.previous_expenditure_total").container)
        self.year_on_year = self.figure_label()
        form.addRow("比上年：", self.year_on_year)
        form.addRow("占比显示(&Z)：", b.choice(f"{FIN}.share_places", SHARE_PLACES).container)
        layout.addWidget(box)

        box, form = self.group("预算与执行")
        form.addRow("年初预算数：", b.money(f"{FIN}.budget.initial").container)
        form.addRow("全年预算数（调整后）：", b.money(f"{FIN}.budget.adjusted").container)
        form.addRow("全年执行数：", b.money(f"{FIN}.budget.executed").container)
        self.execution = self.figure_label()
        form.addRow("执行率：", self.execution)
        form.addRow(f"{label_of(f'{FIN}.budget.adjustment_reason')}：", b.text(f"{FIN}.budget.adjustment_reason", "预算有调整时说明原因", lines=2).container)
        form.addRow(f"{label_of(f'{FIN}.budget.low_execution_reason')}：", b.text(f"{FIN}.budget.low_execution_reason", "执行率低于 90% 时必须说明", lines=2).container)
        layout.addWidget(box)

        box, form = self.group("“三公”经费")
        items = [(s, s) for s in THREE_PUBLIC_ITEMS]
        self.three_public = self.add_table(
            TableEditor(
                editor,
                f"{FIN}.three_public",
                [
                    Column("item", "项目", Kind.CHOICE, choices=lambda: items, width=12),
                    Column("budget", "预算数（元）", Kind.MONEY, width=8, budget=True),
                    Column("actual", "决算数（元）", Kind.MONEY, width=8, budget=True),
                ],
                new_item=lambda: ThreePublicLine(item=self._next_three_public()),
                add_label="添加“三公”经费项目",
                grows=True,
            )
        )
        self.three_public.setMinimumHeight(150)
        form.addRow(self.three_public)
        self.three_public_totals = self.figure_label()
        form.addRow("合计：", self.three_public_totals)
        layout.addWidget(box)
        layout.addStretch(1)

        self.fill_button = QPushButton("填入标准收入项目")
        self.fill_button.clicked.connect(self.fill_standard_sources)
        self.income.buttons.insertWidget(2, self.fill_button)

        editor.report_loaded.connect(self.refresh_figures)
        editor.changed.connect(self._changed)
        editor.list_changed.connect(self._changed)

    def _next_source(self) -> str:
        used = {line.source for line in self.editor.report.finance.income_lines}
        return next((s for s in STANDARD_INCOME_SOURCES if s not in used), "其他收入")

    def _next_three_public(self) -> str:
        used = {line.item for line in self.editor.report.finance.three_public}
        return next((s for s in THREE_PUBLIC_ITEMS if s not in used), THREE_PUBLIC_ITEMS[0])

    def fill_standard_sources(self) -> None:
        """Add the standard income sources not yet listed (undoable like any edit)."""
        report = self.editor.report
        if report is None:
            return
        self.editor.undo_stack.beginMacro("填入标准收入项目")
        for source in STANDARD_INCOME_SOURCES:
            if all(line.source != source for line in report.finance.income_lines):
                self.income.model.insert_item(len(report.finance.income_lines), IncomeLine(source=source))
        self.editor.undo_stack.endMacro()

    def _income_share(self, line) -> str:
        report = self.editor.report
        figures = self._figures
        if report is None or figures is None:
            return ""
        for number, item in enumerate(report.finance.income_lines):
            if item is line:
                return figures.income_shares[number] if number < len(figures.income_shares) else ""
        return ""

    _figures = None

    def _changed(self, path: str, *_args) -> None:
        if path.startswith(FIN) or path == "report":
            self.refresh_figures()

    def refresh_figures(self) -> None:
        report = self.editor.report
        # Last year's totals the clerk left empty come from the stored report, as in the printed report.
        shown = self.editor.with_last_year()
        self._figures = finance_figures(shown.finance) if shown is not None else None
        f = self._figures
        labels = (self.income_total, self.basic_total, self.expenditure_total, self.balance, self.execution,
                  self.three_public_totals, self.year_on_year)
        if f is None:
            for label in labels:
                label.setText("")
            return
        self.income_total.setText(f.income_total)
        self.basic_total.setText(f.basic_total)
        self.expenditure_total.setText(f.expenditure_total + (f"（{f.expenditure_shares}）" if f.expenditure_shares else ""))
        self.balance.setText(f.balance)
        set_tone(self.balance, {True: "ok", False: "bad", None: "figure"}[f.balance_holds])
        self.execution.setText(f.execution)
        set_tone(self.execution, "bad" if f.execution_low else "figure")
        self.three_public_totals.setText(f"预算 {f.three_public_budget}，决算 {f.three_public_actual}")
        from_database = shown is not report  # a copy only when a figure came from the stored year
        self.year_on_year.setText(f.year_on_year + (f"（上年数取自{self.editor.last_year.year}年度报告）"
                                                    if from_database else ""))
        model = self.income.model
        if model.rowCount():
            model.dataChanged.emit(model.index(0, 2), model.index(model.rowCount() - 1, 2))

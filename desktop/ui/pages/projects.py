"""项目: the list of 项目支出 and the selected project's budget, fund sources, goals and indicators."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFileDialog, QGridLayout, QGroupBox, QLabel, QPushButton, QScrollArea, QSplitter,
                               QVBoxLayout, QWidget)

from ...domain.field_labels import label_of
from ...domain.model import Project
from ...domain import fieldpath
from ...services import exporting
from ...services.figures import fund_total_text, project_figures, project_summary
from ..binding import FormBinder
from ..operations import Operation
from ..table_editor import TableEditor
from ..table_model import Column, Kind
from ..wan_suggestion import WanSuggestion
from .base import Page
from .indicators import indicator_columns, new_indicator

PROJECTS = "report.projects"
FUND_COLUMNS = (("initial", "年初预算数"), ("adjusted", "全年预算数"), ("executed", "全年执行数"))
FUND_ROWS = (("current_year", "当年财政拨款"), ("carried_over", "上年结转资金"), ("other", "其他资金"),
             ("total", "资金总额（如与合计不同）"))


class ProjectsPage(Page):
    title = "项目"
    prefixes = (PROJECTS,)

    def __init__(self, editor, parent=None):
        super().__init__(editor, parent)
        outer = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(splitter)
        self.list = self.add_table(
            TableEditor(
                editor,
                PROJECTS,
                [
                    Column("name", "项目名称", width=14),
                    Column("department", "实施单位", width=8),
                    Column(None, "全年预算", compute=lambda p: project_summary(p)[0], width=5,
                           entered_in="全年预算由下方“资金（元）”表的“全年预算数”一栏合计得出，请在那里填写金额"),
                    Column(None, "执行数", compute=lambda p: project_summary(p)[1], width=5,
                           entered_in="执行数由下方“资金（元）”表的“全年执行数”一栏合计得出，请在那里填写金额"),
                    Column(None, "执行率", compute=lambda p: project_summary(p)[2], width=4,
                           entered_in="执行率由全年执行数 ÷ 全年预算数计算，请在下方“资金（元）”表填写金额"),
                ],
                new_item=lambda: Project(name=""),
                add_label="添加项目(&A)",
            )
        )
        splitter.addWidget(self.list)

        detail = QWidget()
        layout = QVBoxLayout(detail)
        layout.setContentsMargins(0, 0, 0, 0)
        d = self.detail = FormBinder(editor, self, base=None)
        self.detail_binders.append(d)

        box = QGroupBox("资金（元）")
        grid = QGridLayout(box)
        for c, (_, header) in enumerate(FUND_COLUMNS):
            grid.addWidget(QLabel(header), 0, c + 1, alignment=Qt.AlignmentFlag.AlignCenter)
        # One line under the grid, kept free, for “改为 25.3 万元？” of whichever amount was just typed.
        self.fund_suggestion = WanSuggestion()
        for r, (attr, label) in enumerate(FUND_ROWS):
            grid.addWidget(QLabel(label + "："), r + 1, 0)
            for c, (column, header) in enumerate(FUND_COLUMNS):
                grid.addWidget(d.money(f"@.{column}.{attr}", compact=True, suggestion=self.fund_suggestion,
                                       where=f"“{label}·{header}”").container, r + 1, c + 1)
        grid.addWidget(QLabel("合计："), len(FUND_ROWS) + 1, 0)
        self.fund_totals = []
        for c in range(len(FUND_COLUMNS)):
            label = self.figure_label()
            self.fund_totals.append(label)
            grid.addWidget(label, len(FUND_ROWS) + 1, c + 1)
        grid.addWidget(self.fund_suggestion, len(FUND_ROWS) + 2, 0, 1, len(FUND_COLUMNS) + 1)
        layout.addWidget(box)

        box, form = self.group("目标与自评")
        form.addRow("实施单位：", d.line("@.department").container)
        form.addRow(f"{label_of('projects[].expected_goal')}：", d.text("@.expected_goal", "年度总体目标：预期", lines=2).container)
        form.addRow(f"{label_of('projects[].actual_goal')}：", d.text("@.actual_goal", "年度总体目标：实际完成", lines=2).container)
        form.addRow("预算执行率分值：", d.number("@.execution_weight", Kind.DECIMAL, suffix="分").container)
        self.indicators = self.add_table(
            TableEditor(editor, "", indicator_columns(), new_item=new_indicator, add_label="添加项目指标", grows=True)
        )
        self.indicators.setMinimumHeight(220)
        form.addRow(self.indicators)
        form.addRow("自评总分（无明细表时填写）：", d.number("@.self_score", Kind.DECIMAL, suffix="分").container)
        self.score = self.figure_label()
        form.addRow("项目自评：", self.score)
        form.addRow(f"{label_of('projects[].analysis')}：", d.text("@.analysis", "50 万元以上的项目须单独分析", lines=3).container)
        layout.addWidget(box)
        # Beside 添加项目 under the list, always in view (at the foot of the long form below it was
        # found only by scrolling past the indicators); the outcome shows under the list.
        self.export_button = QPushButton("导出本项目自评表(&E)…")
        self.export_button.setToolTip("把所选项目的项目支出绩效自评表单独导出为 Word、PDF 和 Excel")
        self.export_button.clicked.connect(self.export_form)
        self.list.buttons.addWidget(self.export_button)
        self.export_result = QLabel()
        self.export_result.setWordWrap(True)
        self.export_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.list.layout().addWidget(self.export_result)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(detail)
        splitter.addWidget(area)
        splitter.setStretchFactor(1, 3)

        self.current = -1
        self.list.row_activated.connect(self.show_project)
        editor.report_loaded.connect(lambda: self.show_project(0))
        editor.list_changed.connect(self._list_changed)
        editor.changed.connect(self._changed)

    def _list_changed(self, path: str, row: int, delta: int) -> None:
        if path == PROJECTS:
            current = self.list.current_row()
            self.show_project(current if current >= 0 else 0)
        elif self.current >= 0 and path.startswith(fieldpath.join("projects", self.current)):
            self.refresh_figures()

    def _changed(self, path: str) -> None:
        if self.current >= 0 and path.startswith(fieldpath.join("projects", self.current)):
            self.refresh_figures()

    def show_project(self, row: int) -> None:
        report = self.editor.report
        self.fund_suggestion.withdraw()  # it was for the project shown before
        if report is None or not (0 <= row < len(report.projects)):
            self.current = -1
            self.detail.set_base(None)
            self.indicators.model.set_list_path("")
            self.indicators.setEnabled(False)
            self.refresh_figures()
            return
        self.current = row
        base = fieldpath.join("projects", row)
        self.detail.set_base(base)
        self.indicators.setEnabled(True)
        if self.indicators.model.list_path != base + ".indicators":
            self.indicators.model.set_list_path(base + ".indicators")
        self.refresh_figures()

    def refresh_figures(self) -> None:
        report = self.editor.report
        if report is None or self.current < 0 or self.current >= len(report.projects):
            for label in self.fund_totals:
                label.setText("")
            self.score.setText("")
            return
        project = report.projects[self.current]
        for label, (column, _) in zip(self.fund_totals, FUND_COLUMNS):
            label.setText(fund_total_text(project, column))
        figures = project_figures(self.editor.report, project)
        if figures.scored:
            self.score.setText(f"{figures.execution}；总分 {figures.total}，等级 {figures.grade}")
        else:
            self.score.setText(f"{figures.execution}；{figures.total}")

    def export_form(self):
        """The selected project's 自评表 alone, to a folder the clerk picks (Word, PDF and Excel)."""
        report = self.editor.report
        if report is None or not (0 <= self.current < len(report.projects)):
            return None
        folder = QFileDialog.getExistingDirectory(self, "选择保存项目自评表的文件夹")
        if not folder:
            return None
        self.editor.flush()
        name = report.projects[self.current].name
        return (Operation(self, "导出项目自评表",
                          lambda progress: exporting.export_project(report, Path(folder), name, progress=progress))
                .success(self._form_exported)
                .run_in_background())

    def _form_exported(self, outcome: exporting.ExportOutcome) -> None:
        self.last_export = outcome
        note = f"\n该项目还有 {outcome.errors} 个校验错误，已按草稿导出（每页标“草稿”）。" if outcome.errors else ""
        self.export_result.setText("已导出：\n" + "\n".join(str(p) for p in outcome.paths) + note)

    def focus_path(self, path: str) -> bool:
        if path == PROJECTS:
            return self.list.focus(path)  # the list as a whole (none entered yet): where 添加项目 is
        found = fieldpath.split_list_item(path, PROJECTS)
        report = self.editor.report
        if found is None or report is None or found[0] >= len(report.projects):
            return False
        row, rest = found
        self.list.select(row, 0)
        self.show_project(row)
        if rest.startswith(".indicators"):
            return self.indicators.focus(path)
        if rest.startswith(".name") or not rest:
            return True
        return self.detail.focus(path) or True

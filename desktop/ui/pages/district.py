"""汇总: the district collects its townships' data files, sees who has reported, and exports the summary.

The district is the unit open in the window; its townships are the units whose superior it is.
Drop a folder, a zip or files on the page (or use the buttons), check the preview, and collect.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.district import DistrictSummary
from ...reports.district_prose import summary_sentences
from ...services import collect, district
from ...services.checking import check
from ...services.figures import Bar
from ..charts import BarChart
from ..marks import set_tone
from ..operations import Operation, run_now
from .base import Page

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_TONES = {"已报送": "#1e7b34", "未报送": "#8a5a00", "有错误": "#b3261e"}


class DropArea(QFrame):
    """Where the clerk drops a folder, a zip or data files."""

    dropped = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(56)
        layout = QVBoxLayout(self)
        label = QLabel("把各乡镇（街道）的报送文件、文件夹或 zip 压缩包拖到这里")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.dropped.emit(paths)


class CollectPreview(QDialog):
    """What collecting will do with each file; new townships can be declined; replacements show before → after."""

    def __init__(self, plan: collect.CollectPlan, parent=None):
        super().__init__(parent)
        self.setWindowTitle("收集报送文件：确认")
        self.plan = plan
        layout = QVBoxLayout(self)
        text = QPlainTextEdit()
        text.setReadOnly(True)
        lines = []
        for item in plan.files:
            lines.append(item.describe())
            lines += [f"    {c.label}：{c.before} → {c.after}" for c in item.changes]
        text.setPlainText("\n".join(lines))
        layout.addWidget(text)
        self.new_township_boxes: dict[str, QCheckBox] = {}
        if plan.new_townships:
            layout.addWidget(QLabel("以下单位不在本区的乡镇（街道）名单中，勾选的将作为新乡镇（街道）加入并导入："))
            for name in plan.new_townships:
                box = QCheckBox(name)
                box.setChecked(True)
                self.new_township_boxes[name] = box
                layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("导入(&I)")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 480)

    def accepts(self, township: str) -> bool:
        box = self.new_township_boxes.get(township)
        return box is not None and box.isChecked()


class IssuesDialog(QDialog):
    """A township's issues: the refusal of its last file and the validation findings of its report."""

    def __init__(self, title: str, lines: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit("\n".join(lines) or "没有发现问题。")
        self.text.setReadOnly(True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 420)


class DistrictPage(Page):
    title = "区县汇总"
    # Townships were added, renamed, retired or collected: the window's unit picker lists them at once.
    units_changed = Signal()

    def __init__(self, editor, parent=None):
        super().__init__(editor, parent)
        self.rows: list[district.StatusRow] = []
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        set_tone(self.heading, "figure")
        layout.addWidget(self.heading)

        self.drop_area = DropArea()
        self.drop_area.dropped.connect(self.collect_paths)
        layout.addWidget(self.drop_area)
        buttons = QHBoxLayout()
        self.files_button = QPushButton("选择报送文件(&F)…")
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button = QPushButton("选择文件夹(&D)…")
        self.folder_button.clicked.connect(self.choose_folder)
        self.issues_button = QPushButton("查看问题(&Q)")
        self.issues_button.clicked.connect(self.show_issues)
        self.status_button = QPushButton("导出报送情况(&S)…")
        self.status_button.clicked.connect(self.export_status)
        self.summary_button = QPushButton("导出汇总表(&X)…")
        self.summary_button.clicked.connect(self.export_summary)
        for button in (self.files_button, self.folder_button, self.issues_button, self.status_button, self.summary_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        townships = QHBoxLayout()
        townships.addWidget(QLabel("乡镇（街道）名单："))
        self.add_button = QPushButton("新增(&N)…")
        self.add_button.clicked.connect(self.add_township)
        self.rename_button = QPushButton("改名(&R)…")
        self.rename_button.clicked.connect(self.rename_township)
        self.retire_button = QPushButton("撤销(&T)")
        self.retire_button.clicked.connect(self.retire_township)
        for button in (self.add_button, self.rename_button, self.retire_button):
            townships.addWidget(button)
        townships.addStretch(1)
        layout.addLayout(townships)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = QStandardItemModel(0, len(district.STATUS_HEADERS), self)
        self.model.setHorizontalHeaderLabels(district.STATUS_HEADERS)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda _index: self.show_issues())
        splitter.addWidget(self.table)

        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.kind_chart = BarChart("全区各类活动场次", "尚无已报送的数据")
        self.township_chart = BarChart("各乡镇（街道）参与人次", "尚无已报送的数据")
        lower_layout.addWidget(self.kind_chart, 1)
        lower_layout.addWidget(self.township_chart, 1)
        self.sentences = QPlainTextEdit()
        self.sentences.setReadOnly(True)
        self.sentences.setPlaceholderText("收集报送文件后，这里给出可引用到本区报告中的汇总语句。")
        self.sentences.setToolTip(
            "在本单位报告的文字材料中写入〔全区汇总〕或〔全区汇总：宣讲〕，导出报告时自动换成由已收集数据生成的语句，"
            "数字随之后收集的文件更新，无需手工录入。"
        )
        lower_layout.addWidget(self.sentences, 1)
        splitter.addWidget(lower)
        splitter.setSizes([300, 260])
        layout.addWidget(splitter, 1)

    # -------------------------------------------------------------- where we are

    def _where(self) -> tuple[str, int] | None:
        report = self.editor.report
        return (report.unit.name, report.fiscal_year) if report is not None else None

    def page_shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        where = self._where()
        if where is None:
            return
        name, year = where
        workspace = self.editor.workspace
        self.rows = run_now(self, "区县汇总", lambda: district.district_status(workspace, name, year)) or []
        counts = {state: sum(1 for r in self.rows if r.state.value == state) for state in STATE_TONES}
        self.heading.setText(
            f"本区：{name}　{year} 年度　乡镇（街道）{len(self.rows)} 个："
            + "，".join(f"{state} {n} 个" for state, n in counts.items())
        )
        self._fill_table()
        self._fill_summary(name, year)

    def _fill_table(self) -> None:
        self.table.setSortingEnabled(False)
        self.model.setRowCount(0)
        for row in self.rows:
            items = []
            for value in district.status_values(row):
                item = QStandardItem("" if value is None else str(value))
                item.setData(value if isinstance(value, (int, Decimal)) and value is not None else str(value or ""), SORT_ROLE)
                if isinstance(value, (int, Decimal)):
                    item.setData(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), Qt.ItemDataRole.TextAlignmentRole)
                items.append(item)
            items[1].setForeground(QColor(STATE_TONES[row.state.value]))
            items[0].setData(row.township.name, Qt.ItemDataRole.UserRole)
            self.model.appendRow(items)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()

    def _fill_summary(self, name: str, year: int) -> None:
        reported = [r.figures for r in self.rows if r.figures is not None]
        if not reported:
            self.kind_chart.set_bars([])
            self.township_chart.set_bars([])
            self.sentences.setPlainText("")
            return
        summary = DistrictSummary(name, year, reported)
        kinds = sorted(summary.by_kind.items(), key=lambda kv: -kv[1].sessions)
        self.kind_chart.set_bars([Bar(k, Decimal(t.sessions), f"{t.sessions} 场") for k, t in kinds])
        self.township_chart.set_bars(
            [Bar(f.unit.name, Decimal(f.totals.participants), f"{f.totals.participants} 人次") for f in reported]
        )
        self.sentences.setPlainText("\n".join(summary_sentences(summary)))

    # -------------------------------------------------------------- collecting

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "选择报送文件", "", "报送文件 (*.fulian.json *.zip)")
        if paths:
            self.collect_paths([Path(p) for p in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择存放报送文件的文件夹")
        if folder:
            self.collect_paths([Path(folder)])

    def collect_paths(self, paths: list[Path]) -> Operation | None:
        where = self._where()
        if where is None:
            return None
        name, year = where
        workspace = self.editor.workspace

        def plan_job(progress):
            progress.step(0, 1, "正在检查报送文件…")
            files = collect.gather(paths)
            if not files:
                raise collect.CollectError("所选位置没有报送文件（.fulian.json 或 .zip）。")
            return collect.plan_collection(workspace, name, year, files)

        return Operation(self, "检查报送文件", plan_job).success(self._confirm).run_in_background()

    def _confirm(self, plan: collect.CollectPlan) -> None:
        preview = CollectPreview(plan, self)
        self.preview = preview
        if preview.exec() != QDialog.DialogCode.Accepted:
            return
        workspace = self.editor.workspace

        def apply_job(progress):
            return collect.apply_collection(workspace, plan, preview.accepts, lambda d, t, text: progress.step(d, t, text))

        self.apply_operation = Operation(self, "收集报送文件", apply_job).success(self._collected).run_in_background()

    def _collected(self, result: collect.CollectResult) -> None:
        self.last_result = result
        self.refresh()
        self.units_changed.emit()

    # -------------------------------------------------------------- the list of townships

    def add_township(self) -> None:
        where = self._where()
        if where is None:
            return
        name, ok = QInputDialog.getText(self, "新增乡镇（街道）", "乡镇（街道）妇联名称：")
        if ok and run_now(self, "新增乡镇（街道）", lambda: district.add_township(self.editor.workspace, where[0], name)):
            self.refresh()
            self.units_changed.emit()

    def rename_township(self) -> None:
        township, where = self.selected_township(), self._where()
        if township is None or where is None:
            return
        new_name, ok = QInputDialog.getText(self, "乡镇（街道）改名", f"“{township}”的新名称：", text=township)
        if ok and run_now(self, "乡镇（街道）改名",
                          lambda: district.rename_township(self.editor.workspace, where[0], township, new_name)):
            self.refresh()
            self.units_changed.emit()

    def retire_township(self) -> None:
        township, where = self.selected_township(), self._where()
        if township is None or where is None:
            return
        answer = QMessageBox.question(
            self, "撤销乡镇（街道）", f"撤销“{township}”后，它不再计入未报送；历年报告保留。确定撤销吗？"
        )
        if answer == QMessageBox.StandardButton.Yes and run_now(
            self, "撤销乡镇（街道）", lambda: district.retire_township(self.editor.workspace, where[0], township)
        ):
            self.refresh()
            self.units_changed.emit()

    # -------------------------------------------------------------- issues and export

    def selected_township(self) -> str | None:
        indexes = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not indexes:
            return None
        source = self.proxy.mapToSource(indexes[0])
        return self.model.item(source.row(), 0).data(Qt.ItemDataRole.UserRole)

    def show_issues(self) -> IssuesDialog | None:
        township = self.selected_township()
        where = self._where()
        if township is None or where is None:
            return None
        row = next(r for r in self.rows if r.township.name == township)
        lines = []
        if row.submission is not None and row.submission.refusal:
            lines.append(f"最近一次报送的文件“{row.submission.file_name}”被拒收：{row.submission.refusal}")
        if row.figures is not None:
            report = run_now(self, "查看问题", lambda: self.editor.workspace.open_report(township, where[1]))
            if report is not None:
                lines += [f"[{i.code}] {i.severity.label}｜{i.section}：{i.message} {i.hint}" for i in check(report)]
        elif not lines:
            lines.append("尚未报送。")
        dialog = IssuesDialog(f"{township} 的问题", lines, self)
        self.issues_dialog = dialog
        dialog.open()
        return dialog

    def export_status(self) -> None:
        where = self._where()
        if where is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "导出报送情况", f"{where[0]}_{where[1]}_报送情况.xlsx", "Excel 工作簿 (*.xlsx)")
        if path:
            order = [self.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(self.proxy.rowCount())]
            run_now(self, "导出报送情况",
                    lambda: district.export_status(self.editor.workspace, *where, Path(path), order))

    def export_summary(self) -> None:
        where = self._where()
        if where is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "导出汇总表", f"{where[0]}_{where[1]}_汇总.xlsx", "Excel 工作簿 (*.xlsx)")
        if path:
            run_now(self, "导出汇总表", lambda: district.export_summary(self.editor.workspace, *where, Path(path)))

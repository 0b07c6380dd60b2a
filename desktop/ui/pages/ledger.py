"""活动台账: every activity of the year in a sortable, filterable, searchable table, with totals per task."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QAbstractItemView,
    QHeaderView,
)

from ...domain.field_labels import label_of
from ...domain.model import Activity, BeneficiaryUnit
from ...domain import fieldpath
from ...services import spreadsheets
from ...services.figures import ledger_totals_by_task
from ..dialogs import ActivityKindsDialog
from ..spreadsheet_actions import SpreadsheetActions
from ..table_editor import TableEditor
from ..table_model import SORT_ROLE, Column, Kind
from .base import Page

LEDGER = "report.activities"
KINDS = "report.activity_kinds"
ANY = "__any__"


class LedgerFilter(QSortFilterProxyModel):
    """Search in title, kind and notes; keep only one kind or one task when asked."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.text = ""
        self.kind = ANY
        self.task = ANY

    def set_filter(self, text: str, kind, task) -> None:
        self.beginFilterChange()
        self.text, self.kind, self.task = text.strip(), kind, task
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent) -> bool:
        if not self.text and self.kind == ANY and self.task == ANY:
            return True
        activity: Activity = self.sourceModel().item(row)
        if self.kind != ANY and activity.kind != self.kind:
            return False
        if self.task != ANY and activity.task_key != self.task:
            return False
        if self.text:
            return self.text in activity.title or self.text in activity.notes or self.text in activity.kind
        return True


class LedgerPage(Page):
    title = "活动台账"
    prefixes = (LEDGER, KINDS)

    def __init__(self, editor, parent=None):
        super().__init__(editor, parent)
        layout = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索活动名称、类型、备注（Ctrl+F）")
        self.search.setClearButtonEnabled(True)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.kind_filter = QComboBox()
        self.task_filter = QComboBox()
        self.task_filter.setMinimumContentsLength(12)
        self.count_label = QLabel()
        bar.addWidget(QLabel("搜索(&S)："))
        bar.itemAt(0).widget().setBuddy(self.search)
        bar.addWidget(self.search, 2)
        bar.addWidget(QLabel("类型："))
        bar.addWidget(self.kind_filter)
        bar.addWidget(QLabel("任务："))
        bar.addWidget(self.task_filter, 1)
        bar.addWidget(self.count_label)
        layout.addLayout(bar)

        columns = [
            Column("date", "日期", Kind.DATE, width=7),
            Column("kind", label_of("activities[].kind"), Kind.CHOICE, choices=self._kinds, width=4, add_choice=self._add_kind),
            Column("title", label_of("activities[].title"), width=16),
            Column("sessions", "场次/期", Kind.INT, width=3),
            Column("participants", "参与人次", Kind.INT, width=4),
            Column("beneficiaries", label_of("activities[].beneficiaries"), Kind.INT, width=4),
            Column("beneficiary_unit", "受益单位", Kind.CHOICE, choices=self._units, width=3,
                   tip="受益数的单位：人、人次、户或个（集体等）；不同单位的受益数不相加"),
            Column("money", "金额（元）", Kind.MONEY, tip="以元为单位；可输入“2.5万”", width=6),
            Column("task_key", "关联任务", Kind.CHOICE, choices=self._tasks, width=10),
            Column("project_key", "关联项目", Kind.CHOICE, choices=self._projects, width=8),
            Column("notes", "备注", width=8),
        ]
        self.proxy = LedgerFilter(self)
        self.table = self.add_table(
            TableEditor(editor, LEDGER, columns, new_item=self._new_activity, add_label="添加活动(&A)", proxy=self.proxy,
                        grows=True)
        )
        self.table.view.setSortingEnabled(True)
        self.kinds_button = QPushButton("管理活动类型(&K)…")
        self.kinds_button.setToolTip("添加、改名、排序或删除“类型”一栏可选的活动类型")
        self.kinds_button.clicked.connect(self.manage_kinds)
        self.kinds_dialog: ActivityKindsDialog | None = None
        self.table.buttons.addWidget(self.kinds_button)
        self.excel = SpreadsheetActions(self, spreadsheets.LEDGER)
        for button in self.excel.buttons:
            self.table.buttons.addWidget(button)
        self.table.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

        self.totals = QTableWidget(0, 6)
        self.totals.setHorizontalHeaderLabels(["工作任务", "活动数", "场次/期", "参与人次", "受益", "金额（元）"])
        self.totals.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.totals.verticalHeader().hide()
        self.totals.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.totals)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self._totals_timer = QTimer(self)
        self._totals_timer.setSingleShot(True)
        self._totals_timer.setInterval(250)
        self._totals_timer.timeout.connect(self._refresh_totals)
        self.search.textChanged.connect(self._apply_filter)
        self.kind_filter.activated.connect(self._apply_filter)
        self.task_filter.activated.connect(self._apply_filter)
        editor.report_loaded.connect(self._report_loaded)
        editor.changed.connect(self._changed)
        editor.list_changed.connect(self._changed)
        self._stale = True

    # -------------------------------------------------------------- choices

    def _kinds(self):
        report = self.editor.report
        kinds = list(report.activity_kinds) if report else []
        return [("", "")] + [(k, k) for k in kinds]

    def _add_kind(self, name: str) -> None:
        """A kind pasted from Excel that the list lacks: added to the list, as the Excel import does."""
        report = self.editor.report
        if report is not None and name not in report.activity_kinds:
            self.editor.insert(KINDS, len(report.activity_kinds), name)

    @staticmethod
    def _units():
        return [("", None)] + [(u.value, u) for u in BeneficiaryUnit]

    def _tasks(self):
        report = self.editor.report
        return [("（无）", None)] + [(t.title or "（未命名任务）", t.key) for t in (report.tasks if report else [])]

    def _projects(self):
        report = self.editor.report
        return [("（无）", None)] + [(p.name or "（未命名项目）", p.key) for p in (report.projects if report else [])]

    def _new_activity(self) -> Activity:
        report = self.editor.report
        last = report.activities[-1] if report.activities else None
        day = last.date if last and last.date else date(report.fiscal_year, 1, 1)
        task = self.proxy.task if self.proxy.task != ANY else (last.task_key if last else None)
        kind = self.proxy.kind if self.proxy.kind != ANY else (last.kind if last else "")
        return Activity(title="", date=day, kind=kind, task_key=task)

    # -------------------------------------------------------------- following the report

    def manage_kinds(self) -> None:
        """管理活动类型: the dialog edits the report's list of kinds; the drop-downs follow as it does."""
        if self.editor.report is None:
            return
        if self.kinds_dialog is None:
            self.kinds_dialog = ActivityKindsDialog(self.editor, self)  # kept: its table follows the editor
        self.kinds_dialog.message.hide()
        self.kinds_dialog.exec()

    def _refresh_filter_choices(self, renamed_kind: int | None = None) -> None:
        """The filter drop-downs list the report's kinds and tasks (keeping what was chosen).

        A kind filtered by and then renamed stays filtered under its new name; a kind or task that is
        gone no longer filters, so the table never hides rows behind a choice the drop-down cannot show.
        """
        kind, task = self.proxy.kind, self.proxy.task  # what is filtered now, by value
        kinds = [v for _l, v in self._kinds()[1:]]
        if kind != ANY and kind not in kinds:
            chosen = self.kind_filter.currentIndex() - 1
            kind = kinds[chosen] if renamed_kind is not None and chosen == renamed_kind < len(kinds) else ANY
        if task != ANY and self._task_index(task) < 0:
            task = ANY
        self.kind_filter.clear()
        self.kind_filter.addItem("全部类型", ANY)
        for label, _value in self._kinds()[1:]:
            self.kind_filter.addItem(label)
        self.task_filter.clear()
        self.task_filter.addItem("全部任务", ANY)
        for label, _value in self._tasks()[1:]:
            self.task_filter.addItem(label)
        self.kind_filter.setCurrentIndex(max(self._kind_index(kind), 0))
        self.task_filter.setCurrentIndex(max(self._task_index(task), 0))
        if (kind, task) != (self.proxy.kind, self.proxy.task):
            self.proxy.set_filter(self.search.text(), kind, task)
            self._update_count()

    def _kind_index(self, kind) -> int:
        kinds = [v for _l, v in self._kinds()[1:]]
        return kinds.index(kind) + 1 if kind in kinds else -1

    def _task_index(self, task) -> int:
        tasks = [v for _l, v in self._tasks()[1:]]
        return tasks.index(task) + 1 if task in tasks else -1

    def _filter_values(self):
        kinds = [v for _l, v in self._kinds()[1:]]
        tasks = [v for _l, v in self._tasks()[1:]]
        k, t = self.kind_filter.currentIndex(), self.task_filter.currentIndex()
        return (kinds[k - 1] if k > 0 else ANY), (tasks[t - 1] if t > 0 else ANY)

    def _report_loaded(self) -> None:
        self.kind_filter.clear()
        self.task_filter.clear()
        self._refresh_filter_choices()
        self.search.clear()
        self.proxy.set_filter("", ANY, ANY)
        self._stale = True
        if self.isVisible():
            self._refresh_totals()
        self._update_count()

    def _changed(self, path: str, *_args) -> None:
        if path.startswith("report.tasks") or path.startswith(KINDS):
            renamed = fieldpath.split_list_item(path, KINDS) if not _args else None
            self._refresh_filter_choices(renamed[0] if renamed is not None and not renamed[1] else None)
        if path.startswith(LEDGER) or path.startswith("report.tasks"):
            self._stale = True
            if self.isVisible():
                self._totals_timer.start()
            self._update_count()

    def page_shown(self) -> None:
        if self._stale:
            self._refresh_totals()

    def _apply_filter(self, *_args) -> None:
        kind, task = self._filter_values()
        self.proxy.set_filter(self.search.text(), kind, task)
        self._update_count()

    def _update_count(self) -> None:
        total = self.table.model.rowCount()
        shown = self.proxy.rowCount()
        self.count_label.setText(f"共 {total} 条" if shown == total else f"显示 {shown} / {total} 条")

    def _refresh_totals(self) -> None:
        self._stale = False
        report = self.editor.report
        rows = ledger_totals_by_task(report) if report is not None else []
        self.totals.setRowCount(len(rows))
        for number, line in enumerate(rows):
            values = [line.label, *line.texts()]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.totals.setItem(number, column, item)

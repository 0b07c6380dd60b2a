"""The main window: pick a unit and a year, see the report's key figures, exchange data files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from .. import APP_TITLE
from ..domain.model import Report, Unit
from ..exchange import ExchangeError
from ..fileio import FileWriteError
from ..services.summary import summarize
from ..services.workspace import Workspace, WorkspaceError
from ..storage import StorageError
from .dialogs import NewUnitDialog, NewYearDialog, default_report_year

EXCHANGE_FILTER = "数据文件 (*.fulian.json *.json)"


class WelcomePage(QWidget):
    """First run: an empty database, and the three ways to begin."""

    load_demo_requested = Signal()
    new_unit_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(f"欢迎使用{APP_TITLE}")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        text = QLabel(
            "数据库中还没有单位。您可以：\n"
            "• 新建本单位，开始填写本年度的活动台账和收支表格；\n"
            "• 导入上级或其他电脑导出的数据文件（.fulian.json）；\n"
            "• 先载入两个示例单位（乐山市金口河区妇联 2024 年、广州市黄埔区妇联 2022 年）看一看。"
        )
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for label, signal in (
            ("新建单位(&N)…", self.new_unit_requested),
            ("导入数据文件(&I)…", self.import_requested),
            ("载入示例单位(&D)", self.load_demo_requested),
        ):
            button = QPushButton(label)
            button.clicked.connect(signal.emit)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(2)


class OverviewPage(QWidget):
    """概览: the report's key figures as computed by the domain."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)

    def show_report(self, report: Report | None) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        if report is None:
            return
        for line in summarize(report):
            value = QLabel(line.value)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.form.addRow(f"{line.label}：", value)


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.report: Report | None = None
        self.setWindowTitle(APP_TITLE)
        self.resize(1100, 720)

        self.unit_combo = QComboBox()
        self.unit_combo.setMinimumContentsLength(16)
        self.unit_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year_combo = QComboBox()
        self.year_combo.setMinimumContentsLength(8)
        self._build_actions()
        self._build_toolbar()

        self.welcome = WelcomePage()
        self.welcome.new_unit_requested.connect(self.new_unit)
        self.welcome.import_requested.connect(self.import_file)
        self.welcome.load_demo_requested.connect(self.load_demo)

        self.navigation = QListWidget()
        self.navigation.addItems(["概览"])
        self.navigation.setMaximumWidth(200)
        self.overview = OverviewPage()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.overview)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        report_view = QSplitter()
        report_view.addWidget(self.navigation)
        report_view.addWidget(self.pages)
        report_view.setStretchFactor(1, 1)

        self.central = QStackedWidget()
        self.central.addWidget(self.welcome)
        self.central.addWidget(report_view)
        self.setCentralWidget(self.central)

        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(QLabel(f"数据库：{workspace.database.path}"))

        self.unit_combo.currentIndexChanged.connect(self._unit_changed)
        self.year_combo.currentIndexChanged.connect(self._year_changed)
        self.refresh()

    # -------------------------------------------------------------- building

    def _build_actions(self) -> None:
        self.new_unit_action = QAction("新建单位(&N)…", self, triggered=self.new_unit)
        self.new_year_action = QAction("新建年度(&Y)…", self, triggered=self.new_year)
        self.import_action = QAction("导入数据文件(&I)…", self, triggered=self.import_file)
        self.import_action.setShortcut(QKeySequence.StandardKey.Open)
        self.export_action = QAction("导出数据文件(&E)…", self, triggered=self.export_file)
        self.export_action.setShortcut(QKeySequence.StandardKey.SaveAs)
        self.quit_action = QAction("退出(&X)", self, triggered=self.close)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        menu = self.menuBar().addMenu("文件(&F)")
        for action in (self.new_unit_action, self.new_year_action, None, self.import_action, self.export_action, None, self.quit_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)

    def _build_toolbar(self) -> None:
        bar = QToolBar("单位与年度")
        bar.setObjectName("picker")
        bar.setMovable(False)
        bar.addWidget(QLabel(" 单位："))
        bar.addWidget(self.unit_combo)
        bar.addWidget(QLabel(" 年度："))
        bar.addWidget(self.year_combo)
        bar.addSeparator()
        bar.addAction(self.new_unit_action)
        bar.addAction(self.new_year_action)
        bar.addSeparator()
        bar.addAction(self.import_action)
        bar.addAction(self.export_action)
        self.addToolBar(bar)

    # -------------------------------------------------------------- state

    def refresh(self, select: tuple[str, int] | None = None) -> None:
        """Reload the picker from the database, keeping or moving to `select` (unit name, year)."""
        current = select or self.current_key()
        units = self.workspace.units()
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        for unit in units:
            self.unit_combo.addItem(unit.name, unit)
        self.unit_combo.blockSignals(False)
        if current:
            index = self.unit_combo.findText(current[0])
            if index >= 0:
                self.unit_combo.setCurrentIndex(index)
        self._unit_changed(select_year=current[1] if current else None)
        has_units = bool(units)
        self.central.setCurrentIndex(1 if has_units else 0)
        self.new_year_action.setEnabled(has_units)
        self.export_action.setEnabled(self.report is not None)

    def current_unit(self) -> Unit | None:
        return self.unit_combo.currentData()

    def current_key(self) -> tuple[str, int] | None:
        if self.report is None:
            return None
        return self.report.unit.name, self.report.fiscal_year

    def _unit_changed(self, *_args, select_year: int | None = None) -> None:
        unit = self.current_unit()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        if unit is not None:
            years = sorted(self.workspace.database.reports().list_years(unit.id), reverse=True)
            for year in years:
                self.year_combo.addItem(f"{year} 年度", year)
            if select_year is not None and select_year in years:
                self.year_combo.setCurrentIndex(years.index(select_year))
        self.year_combo.blockSignals(False)
        self._year_changed()

    def _year_changed(self, *_args) -> None:
        unit = self.current_unit()
        year = self.year_combo.currentData()
        self.report = None
        if unit is not None and year is not None:
            self.report = self.workspace.database.reports().get(unit.id, year)
        self.overview.show_report(self.report)
        self.export_action.setEnabled(self.report is not None)
        if self.report is None:
            self.status_label.setText("请选择或新建一个单位和年度")
        else:
            self.status_label.setText(f"{self.report.unit.name} {self.report.fiscal_year} 年度 · 已保存")

    # -------------------------------------------------------------- commands

    def _fail(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def new_unit(self) -> None:
        dialog = NewUnitDialog(self)
        if dialog.exec() != NewUnitDialog.DialogCode.Accepted:
            return
        try:
            unit = self.workspace.create_unit(dialog.unit())
            self.workspace.create_report(unit, dialog.year(), dialog.outline())
        except (WorkspaceError, StorageError) as exc:
            self._fail("新建单位", exc.message)
            return
        self.refresh(select=(unit.name, dialog.year()))

    def new_year(self) -> None:
        unit = self.current_unit()
        if unit is None:
            return
        years = self.workspace.database.reports().list_years(unit.id)
        suggested = max(years) + 1 if years else default_report_year()
        dialog = NewYearDialog(unit.name, suggested, can_copy=bool(years), parent=self)
        if dialog.exec() != NewYearDialog.DialogCode.Accepted:
            return
        try:
            if dialog.copy_forward():
                self.workspace.new_year_from_last(unit, dialog.year())
            else:
                self.workspace.create_report(unit, dialog.year())
        except (WorkspaceError, StorageError) as exc:
            self._fail("新建年度", exc.message)
            return
        self.refresh(select=(unit.name, dialog.year()))

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "导入数据文件", "", EXCHANGE_FILTER)
        if not path:
            return
        self.import_path(Path(path))

    def import_path(self, path: Path, replace: bool = False) -> Report | None:
        try:
            report = self.workspace.import_file(path, replace=replace)
        except WorkspaceError as exc:
            if replace:
                self._fail("导入数据文件", exc.message)
                return None
            answer = QMessageBox.question(
                self, "导入数据文件", exc.message + "\n\n是否覆盖数据库中的这一年度？"
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
            return self.import_path(path, replace=True)
        except (ExchangeError, StorageError) as exc:
            self._fail("导入数据文件", f"没有导入任何内容。\n\n{exc.message}")
            return None
        self.refresh(select=(report.unit.name, report.fiscal_year))
        return report

    def export_file(self) -> None:
        if self.report is None:
            return
        suggested = f"{self.report.unit.name}-{self.report.fiscal_year}.fulian.json"
        path, _ = QFileDialog.getSaveFileName(self, "导出数据文件", suggested, EXCHANGE_FILTER)
        if not path:
            return
        try:
            self.workspace.export_file(self.report.unit.name, self.report.fiscal_year, Path(path))
        except (WorkspaceError, FileWriteError, StorageError) as exc:
            self._fail("导出数据文件", exc.message)
            return
        self.statusBar().showMessage(f"已导出到 {path}", 5000)

    def load_demo(self) -> None:
        try:
            reports = self.workspace.load_demo()
        except (WorkspaceError, ExchangeError, StorageError) as exc:
            self._fail("载入示例单位", exc.message)
            return
        first = reports[0] if reports else None
        self.refresh(select=(first.unit.name, first.fiscal_year) if first else None)

"""The main window: pick a unit and a year, move between the report's parts, see the save state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
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
from ..domain import fieldpath
from ..services import checking
from ..services.editing import SaveState
from ..services.workspace import Workspace, WorkspaceError
from .change_watch import ChangeWatcher
from .check_status import CheckCount, go_to_first_issue
from .conflict import ConflictHandler
from .dialogs import NewUnitDialog, NewYearDialog, default_report_year
from .editor import Editor
from .grid_actions import GridEditActions
from .marks import set_tone
from .pages.analysis import AnalysisPage
from .pages.base import Page
from .pages.checks import ChecksPage
from .pages.district import DistrictPage
from .pages.evaluation import EvaluationPage
from .pages.export import ExportPage
from .pages.finance import FinancePage
from .pages.ledger import LedgerPage
from .pages.overview import OverviewPage
from .pages.profile import ProfilePage
from .pages.projects import ProjectsPage
from .pages.work import WorkPage
from .operations import Operation, cancel_all, run_now, show_user_error

EXCHANGE_FILTER = "数据文件 (*.fulian.json *.json)"
CHECK_DELAY_MS = 700


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


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.editor = Editor(workspace, self)
        self.issues: list | None = None  # validation's Issues of the open report; None until checked
        self.setWindowTitle(APP_TITLE)
        # Fit the screen: at 125%/150% scaling a 1366×768 laptop has only about 1093×614 / 911×512 to give.
        available = self.screen().availableGeometry()
        self.resize(min(1180, int(available.width() * 0.95)), min(760, int(available.height() * 0.92)))

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
        self.navigation.setMaximumWidth(180)
        self.navigation.setSpacing(3)
        self.pages = QStackedWidget()
        self._build_pages()
        self.navigation.currentRowChanged.connect(self._page_changed)
        report_view = QSplitter()
        report_view.addWidget(self.navigation)
        report_view.addWidget(self.pages)
        report_view.setStretchFactor(0, 0)
        report_view.setStretchFactor(1, 1)
        report_view.setCollapsible(1, False)
        report_view.setSizes([self.navigation.sizeHintForColumn(0) + 24, 1000])

        self.central = QStackedWidget()
        self.central.addWidget(self.welcome)
        self.central.addWidget(report_view)
        self.setCentralWidget(self.central)

        self.status_label = QLabel()
        self.save_label = QLabel()
        self.check_label = CheckCount()
        self.check_label.clicked.connect(lambda: go_to_first_issue(self))
        self.statusBar().addWidget(self.status_label, 1)
        # A passing message (已保存, 已导出 …) takes the label's place instead of being drawn over it.
        self.statusBar().messageChanged.connect(lambda text: self.status_label.setVisible(not text))
        self.statusBar().addPermanentWidget(self.check_label)
        self.statusBar().addPermanentWidget(self.save_label)
        db_label = QLabel(f"数据库：{workspace.location_name}")
        db_label.setToolTip(workspace.location)
        self.statusBar().addPermanentWidget(db_label)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.run_checks)
        self.editor.save_state_changed.connect(self._show_save_state)
        self.conflicts = ConflictHandler(self.editor, self, after_reload=self.run_checks, place=self.field_place)
        # Saves made elsewhere (another PC on a shared database, a command, a second window) come in.
        self.change_watch = ChangeWatcher(self.editor, workspace, self, after_reload=self.run_checks)
        self.change_watch.refreshed.connect(lambda message: self.statusBar().showMessage(message, 15000))
        self.change_watch.noticed.connect(lambda message: self.statusBar().showMessage(message, 30000))
        self.editor.text_cleaned.connect(lambda message: self.statusBar().showMessage(message, 15000))
        self.editor.changed.connect(self._schedule_checks)
        self.editor.changed.connect(self._unit_edited)
        self.editor.list_changed.connect(self._schedule_checks)

        self.unit_combo.currentIndexChanged.connect(self._unit_changed)
        self.year_combo.currentIndexChanged.connect(self._year_changed)
        self.refresh()
        self.navigation.setCurrentRow(0)
        # Edits a failed save kept on this PC (the server was out of reach when the program closed).
        QTimer.singleShot(0, self, self.offer_kept_edits)

    def offer_kept_edits(self) -> None:
        from .kept_edits_dialog import offer_kept_edits

        if self.isVisible():
            offer_kept_edits(self)

    # -------------------------------------------------------------- building

    # The report's parts in the navigation list, with the attribute that names each built page.
    PAGES = (
        ("overview", OverviewPage), ("profile_page", ProfilePage), ("work_page", WorkPage),
        ("ledger_page", LedgerPage), ("finance_page", FinancePage), ("projects_page", ProjectsPage),
        ("evaluation_page", EvaluationPage), ("analysis_page", AnalysisPage), ("checks_page", ChecksPage),
        ("export_page", ExportPage), ("district_page", DistrictPage),
    )

    def _build_pages(self) -> None:
        """The navigation list and an empty place per page: a page is built when it is first shown or
        asked for (start-up builds only the one on screen)."""
        self._built: dict[int, Page] = {}
        for number, (_name, page_class) in enumerate(self.PAGES):
            self.pages.addWidget(QWidget())
            item = QListWidgetItem(page_class.title)
            shortcut = f"Ctrl+{(number + 1) % 10}" if number < 10 else ""
            if shortcut:
                item.setToolTip(f"快捷键 {shortcut}")
                QShortcut(QKeySequence(shortcut), self, lambda n=number: self.show_page(n))
            self.navigation.addItem(item)

    def page(self, number: int) -> Page:
        """The page at `number` in the list, built now if it was not yet."""
        page = self._built.get(number)
        if page is not None:
            return page
        page_class = self.PAGES[number][1]
        # Built after the report was loaded: it catches up on the report that is open.
        with self.editor.catching_up():
            if page_class is ChecksPage:
                page = ChecksPage(self.editor, place=self.field_place)
                page.jump_requested.connect(self.go_to_field)
                page.recheck_requested.connect(self.run_checks)
            elif page_class is ExportPage:
                page = ExportPage(self.editor, self)
            elif page_class is DistrictPage:
                page = DistrictPage(self.editor)
                page.units_changed.connect(self.reload_unit_picker)
            else:
                page = page_class(self.editor)
        # A form label's buddy is the field's container; its Alt+letter must reach the field itself.
        for label in page.findChildren(QLabel):
            buddy = label.buddy()
            if buddy is not None and buddy.focusProxy() is not None:
                label.setBuddy(buddy.focusProxy())
        self._built[number] = page
        placeholder = self.pages.widget(number)
        current = self.pages.currentIndex()
        self.pages.insertWidget(number, page)
        self.pages.removeWidget(placeholder)
        placeholder.deleteLater()
        self.pages.setCurrentIndex(current)
        if self.issues is not None:
            page.set_issues(checking.marks(self.issues))
            if isinstance(page, ChecksPage):
                page.show_issues(self.issues)
        return page

    @property
    def page_list(self) -> list[Page]:
        """Every page (all built)."""
        return [self.page(number) for number in range(len(self.PAGES))]

    def __getattr__(self, name: str):
        # window.ledger_page and the like: the page, built when first named.
        for number, (attribute, _page_class) in enumerate(type(self).PAGES):
            if attribute == name:
                return self.page(number)
        raise AttributeError(name)

    def database_settings(self) -> None:
        """文件 → 数据库设置: choose the local file or a shared server for the next start."""
        from .database_settings import DatabaseSettingsDialog

        dialog = DatabaseSettingsDialog(self)
        if dialog.exec() == DatabaseSettingsDialog.DialogCode.Accepted:
            QMessageBox.information(
                self, "数据库设置",
                f"已保存。下次启动程序时将使用：{dialog.choice.locator()}。\n请先保存好当前的工作，再关闭并重新打开程序。",
            )

    def _build_actions(self) -> None:
        self.new_unit_action = QAction("新建单位(&N)…", self, triggered=self.new_unit)
        self.new_year_action = QAction("新建年度(&Y)…", self, triggered=self.new_year)
        self.import_action = QAction("导入数据文件(&I)…", self, triggered=self.import_file)
        self.import_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_report_action = QAction("从往年报告导入(&R)…", self, triggered=self.import_old_report)
        self.export_action = QAction("导出数据文件(&E)…", self, triggered=self.export_file)
        self.export_action.setShortcut(QKeySequence.StandardKey.SaveAs)
        self.submission_action = QAction("生成报送文件(&S)…", self, triggered=self.generate_submission)
        self.restore_action = QAction("从备份恢复(&B)…", self, triggered=self.restore_from_backup)
        self.quit_action = QAction("退出(&X)", self, triggered=self.close)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.database_settings_action = QAction("数据库设置(&D)…", self, triggered=self.database_settings)
        self.save_action = QAction("保存(&S)", self, triggered=self.save_now)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setToolTip("立即保存（平时每次修改后都会自动保存）")
        menu = self.menuBar().addMenu("文件(&F)")
        for action in (self.new_unit_action, self.new_year_action, self.save_action, None, self.import_action, self.import_report_action,
                       self.export_action, self.submission_action, None, self.database_settings_action,
                       self.restore_action, None, self.quit_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        # Own actions rather than the stack's: its texts would name the field path, not 撤销 / 重做.
        stack = self.editor.undo_stack
        self.undo_action = QAction("撤销(&U)", self, triggered=stack.undo, enabled=False)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.redo_action = QAction("重做(&R)", self, triggered=stack.redo, enabled=False)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        edit_menu = self.menuBar().addMenu("编辑(&E)")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self.grid_actions = GridEditActions(self, edit_menu)
        self.next_page_action = QAction("下一部分", self, triggered=lambda: self.show_page(self.navigation.currentRow() + 1))
        self.next_page_action.setShortcut(QKeySequence("Ctrl+PgDown"))
        self.previous_page_action = QAction("上一部分", self, triggered=lambda: self.show_page(self.navigation.currentRow() - 1))
        self.previous_page_action.setShortcut(QKeySequence("Ctrl+PgUp"))
        view_menu = self.menuBar().addMenu("查看(&V)")
        view_menu.addAction(self.next_page_action)
        view_menu.addAction(self.previous_page_action)
        self.demo_action = QAction("载入示例单位(&D)", self, triggered=self.load_demo)
        self.demo_action.setToolTip("载入两个示例单位，看看填好的报告是什么样子（不影响您自己的单位）")
        self.menuBar().addMenu("帮助(&H)").addAction(self.demo_action)

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
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        bar.addSeparator()
        bar.addAction(self.import_action)
        bar.addAction(self.export_action)
        self.addToolBar(bar)

    # -------------------------------------------------------------- state

    @property
    def report(self) -> Report | None:
        return self.editor.report

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
        self.submission_action.setEnabled(self.report is not None)

    def current_unit(self) -> Unit | None:
        return self.unit_combo.currentData()

    def current_key(self) -> tuple[str, int] | None:
        if self.report is None:
            return None
        return self.report.unit.name, self.report.fiscal_year

    def _unit_edited(self, path: str) -> None:
        """The unit's own fields changed (renamed on 单位概况, or undone): the picker shows them at once,
        in its order by name, without reopening the report (that would forget the undo history)."""
        report = self.report
        if report is None or not fieldpath.is_within(path, "report.unit"):
            return
        self.reload_unit_picker()
        self.status_label.setText(f"{report.unit.name} {report.fiscal_year} 年度")

    def reload_unit_picker(self) -> None:
        """List the units as stored now, keeping the open report's unit selected and the report open."""
        report = self.report
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        for unit in self.workspace.units():
            self.unit_combo.addItem(unit.name, unit)
            if report is not None and unit.id == report.unit.id:
                self.unit_combo.setCurrentIndex(self.unit_combo.count() - 1)
        self.unit_combo.blockSignals(False)

    def _unit_changed(self, *_args, select_year: int | None = None) -> None:
        unit = self.current_unit()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        if unit is not None:
            years = sorted(self.workspace.years(unit), reverse=True)
            for year in years:
                self.year_combo.addItem(f"{year} 年度", year)
            if select_year is not None and select_year in years:
                self.year_combo.setCurrentIndex(years.index(select_year))
        self.year_combo.blockSignals(False)
        self._year_changed()

    def _year_changed(self, *_args) -> None:
        self.editor.flush()
        unit = self.current_unit()
        year = self.year_combo.currentData()
        report = None
        if unit is not None and year is not None:
            report = self.workspace.report_of(unit, year)
        self.open_report(report)

    def open_report(self, report: Report | None) -> None:
        self.issues = None
        self.editor.open(report)
        self.export_action.setEnabled(report is not None)
        self.submission_action.setEnabled(report is not None)
        if report is None:
            self.status_label.setText("请选择或新建一个单位和年度")
        else:
            self.status_label.setText(f"{report.unit.name} {report.fiscal_year} 年度")
            self._schedule_checks()
        current = self.pages.currentWidget()
        if isinstance(current, Page):
            current.page_shown()

    def _show_save_state(self) -> None:
        state = self.editor.save_state
        if self.report is None:
            self.save_label.setText("")
            return
        self.save_label.setText(state.label)
        set_tone(self.save_label, "bad" if state in (SaveState.FAILED, SaveState.CONFLICT) else None)
        self.save_label.setToolTip(self.editor.save_error)
        if state is SaveState.FAILED:
            self.statusBar().showMessage(f"保存失败：{self.editor.save_error}", 10000)

    # -------------------------------------------------------------- pages

    def show_page(self, number: int) -> None:
        if 0 <= number < self.navigation.count():
            self.navigation.setCurrentRow(number)

    def page_index(self, page: Page) -> int:
        return next(number for number, built in self._built.items() if built is page)

    def _page_changed(self, number: int) -> None:
        self.editor.flush()  # leaving a page saves what it held
        if number < 0:
            return
        page = self.page(number)
        self.pages.setCurrentIndex(number)
        page.page_shown()

    def go_to_field(self, path: str) -> bool:
        """Open the page that holds the field and put the cursor in it."""
        owners = self._owners(path)
        # The page that shows the field itself first (a part such as 绩效目标 may be owned by two).
        owners.sort(key=lambda page: page.label_for(path) is None)
        for page in owners:
            self.show_page(self.page_index(page))
            if page.focus_path(path):
                focus = QApplication.focusWidget()
                if focus is not None and page.isAncestorOf(focus):
                    page.flash(focus)  # scrolled into view and lit up
                return True
        return False

    def field_place(self, path: str) -> str:
        """Where the clerk edits a field, in the words on screen: “单位概况 › 主要职能”."""
        owners = self._owners(path)
        for page in owners:
            label = page.label_for(path)
            if label:
                return f"{page.title} › {label}"
        return owners[0].title if owners else ""

    def _owners(self, path: str) -> list[Page]:
        """The pages that edit the field (built if they were not yet)."""
        return [self.page(number) for number, (_name, page_class) in enumerate(self.PAGES) if page_class.owns(path)]

    # -------------------------------------------------------------- validation

    def _schedule_checks(self, *_args) -> None:
        self._check_timer.start()

    def run_checks(self) -> None:
        self._check_timer.stop()
        report = self.report
        if report is None:
            self.check_label.show_count("", False)
            return
        # Checked with last year's stored totals, as the export is: a typed "比上年…" is flagged while typing.
        issues = self.issues = checking.check(self.editor.with_last_year())
        self.check_label.show_count(f"校验：{checking.summary_text(issues)}" if issues else "校验：未发现问题", bool(issues))
        set_tone(self.check_label, None if checking.count(issues).ok else "bad")
        marks = checking.marks(issues)
        for page in list(self._built.values()):  # a page built later takes the marks then
            page.set_issues(marks)
            if isinstance(page, ChecksPage):
                page.show_issues(issues)

    # -------------------------------------------------------------- commands

    def new_unit(self) -> None:
        dialog = NewUnitDialog(self)
        if dialog.exec() != NewUnitDialog.DialogCode.Accepted:
            return

        def create():
            unit = self.workspace.create_unit(dialog.unit())
            self.workspace.create_report(unit, dialog.year(), dialog.outline())
            return unit

        unit = run_now(self, "新建单位", create)
        if unit is not None:
            self.refresh(select=(unit.name, dialog.year()))

    def new_year(self) -> None:
        unit = self.current_unit()
        if unit is None:
            return
        self.editor.flush()
        years = self.workspace.years(unit)
        suggested = max(years) + 1 if years else default_report_year()
        dialog = NewYearDialog(unit.name, suggested, can_copy=bool(years), parent=self)
        if dialog.exec() != NewYearDialog.DialogCode.Accepted:
            return
        year, copy_forward = dialog.year(), dialog.copy_forward()

        def job(progress):
            progress.step(0, 2, f"正在建立 {year} 年度…")
            if copy_forward:
                report = self.workspace.new_year_from_last(unit, year)
            else:
                report = self.workspace.create_report(unit, year)
            progress.step(2, 2, "完成")
            return report

        Operation(self, "新建年度", job).success(lambda _r: self.refresh(select=(unit.name, year))).run_in_background()

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "导入数据文件", "", EXCHANGE_FILTER)
        if not path:
            return
        self.import_in_background(Path(path))

    def restore_from_backup(self) -> None:
        from .restore_dialog import restore_from_backup  # backups bring Alembic: imported when asked for

        restore_from_backup(self)

    def import_old_report(self) -> None:
        from .report_import_dialog import import_old_report

        import_old_report(self)

    def import_in_background(self, path: Path, replace: bool = False) -> Operation:
        """Read and store the file off the GUI thread; ask before replacing a year that exists."""
        self.editor.flush()

        def job(progress):
            progress.step(0, 1, f"正在导入 {path.name}…")
            return self.workspace.import_file(path, replace=replace)

        def failed(exc):
            if isinstance(exc, WorkspaceError) and not replace:
                answer = QMessageBox.question(self, "导入数据文件", exc.message + "\n\n是否覆盖数据库中的这一年度？")
                if answer == QMessageBox.StandardButton.Yes:
                    self.import_in_background(path, replace=True)
            else:
                show_user_error(self, "导入数据文件", exc, "没有导入任何内容。")

        def imported(report):
            self.refresh(select=(report.unit.name, report.fiscal_year))

        return Operation(self, "导入数据文件", job).success(imported).failure(failed).run_in_background()

    def import_path(self, path: Path, replace: bool = False) -> Report | None:
        """Import at once (used by tests and by opening a file from the command line)."""
        self.editor.flush()
        outcome: dict = {}

        def failed(exc):
            if isinstance(exc, WorkspaceError) and not replace:
                answer = QMessageBox.question(self, "导入数据文件", exc.message + "\n\n是否覆盖数据库中的这一年度？")
                if answer == QMessageBox.StandardButton.Yes:
                    outcome["replaced"] = self.import_path(path, replace=True)
            else:
                show_user_error(self, "导入数据文件", exc, "没有导入任何内容。")

        report = run_now(self, "导入数据文件", lambda: self.workspace.import_file(path, replace=replace), failed)
        if report is None:
            return outcome.get("replaced")
        self.refresh(select=(report.unit.name, report.fiscal_year))
        return report

    def export_file(self) -> None:
        if self.report is None:
            return
        self.editor.flush()
        suggested = f"{self.report.unit.name}-{self.report.fiscal_year}.fulian.json"
        path, _ = QFileDialog.getSaveFileName(self, "导出数据文件", suggested, EXCHANGE_FILTER)
        if not path:
            return
        report = self.report
        written = run_now(self, "导出数据文件",
                          lambda: self.workspace.export_file(report.unit.name, report.fiscal_year, Path(path)))
        if written is not None:
            self.statusBar().showMessage(f"已导出到 {path}", 5000)

    def generate_submission(self) -> None:
        if self.report is None:
            return
        self.editor.flush()
        from .submission import generate_submission

        generate_submission(self, self.workspace, self.report.unit.name, self.report.fiscal_year)

    def save_now(self) -> bool:
        """保存 (Ctrl+S): whatever waits is written now, and the status bar says so."""
        if self.report is None:
            self.statusBar().showMessage("没有打开的报告", 5000)
            return False
        if self.editor.flush():
            from datetime import datetime

            self.statusBar().showMessage(f"已保存（{datetime.now():%H:%M:%S}）。所有修改也会自动保存。", 8000)
            return True
        QMessageBox.warning(self, "保存", f"没有保存成功：{self.editor.save_error}\n\n修改仍在窗口中，请稍后再按 Ctrl+S。")
        return False

    def load_demo(self) -> None:
        reports = run_now(self, "载入示例单位", self.workspace.load_demo)
        if reports is None:
            return
        first = reports[0] if reports else None
        if first is None:
            self.statusBar().showMessage("示例单位已经在“单位”列表中，可在工具栏的“单位”下拉框中选择", 8000)
            return
        self.refresh(select=(first.unit.name, first.fiscal_year))
        self.statusBar().showMessage(f"已载入示例单位“{first.unit.name}”；您自己的单位仍在“单位”列表中", 8000)

    # -------------------------------------------------------------- closing

    def closeEvent(self, event) -> None:
        if not self.editor.flush():
            from .kept_edits_dialog import closing_message

            answer = QMessageBox.question(self, "退出", closing_message(self.editor.session))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        cancel_all()
        super().closeEvent(event)

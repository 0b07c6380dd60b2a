"""The composition root: parse the command line, open the database, start the window."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import APP_TITLE, __version__


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="fulian-desk", description=APP_TITLE)
    parser.add_argument("--version", action="version", version=f"fulian-desk {__version__}")
    parser.add_argument(
        "--db", help="数据库文件路径（默认在用户数据文件夹中），或共用数据库的地址 postgresql://用户名@服务器:5432/数据库名"
    )
    parser.add_argument("--self-test", action="store_true", help="自检（不打开窗口），结果写入用户数据文件夹的 selftest.log")
    # Qt's own options (-platform, -style …) pass through to QApplication.
    args, qt_args = parser.parse_known_args(argv)
    args.qt_args = qt_args
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        return gui_self_test(args.db)

    # Services before PySide6: PySide6's import hook looks at every module imported after it.
    # (A SQLite file at the newest schema is shown without importing SQLAlchemy: storage/quick_read.py.)
    from .services.workspace import Workspace

    from PySide6.QtWidgets import QApplication

    from .ui import crash
    from .ui.database_settings import open_chosen_database
    from .ui.main_window import MainWindow
    from .ui.qt_setup import configure_application

    _prepare_scaling()
    app = QApplication.instance() or QApplication([sys.argv[0], *args.qt_args])
    configure_application(app)
    crash.install()  # from here on a bug is logged and explained, never a silent exit
    # --db (a file or a server URL), else the database chosen in 数据库设置, else the default file.
    database = open_chosen_database(args.db)
    if database is None:
        return 2
    workspace = Workspace(database)
    window = MainWindow(workspace)
    crash.set_save_all(window.editor.flush)
    window.show()
    probe = os.environ.get(START_PROBE)
    if probe:
        return _report_first_paint(app, window, Path(probe), database)
    app.processEvents()  # the window is painted with the report first; then what saving needs loads aside
    workspace.prepare_in_background()
    try:
        return app.exec()
    finally:
        database.close()


# bench/bench_startup.py sets this to a file name: the program paints its window once, writes there what
# the window shows (unit, year, page) and ends, so that a start is timed to the data on screen, for the
# source and the frozen bundle alike.
START_PROBE = "FULIAN_START_PROBE"


def _report_first_paint(app, window, probe: Path, database) -> int:
    app.processEvents()
    window.repaint()
    from PySide6.QtWidgets import QLabel

    page = window.pages.currentWidget()
    # What the page on screen shows, read from its labels: the bench checks the unit's figures are there.
    texts = [label.text() for label in page.findChildren(QLabel) if label.isVisible() and label.text()]
    probe.write_text("\n".join([window.windowTitle(), *texts]) + "\n", encoding="utf-8")
    window.close()
    database.close()
    return 0


def gui_self_test(db: str | None = None) -> int:
    """`fulian-desk --self-test`: the shared self-test, then the main window built offscreen.

    The GUI executable has no console on Windows, so every line also goes to selftest.log in the
    user's data folder, where the clerk (or the build workflow) can read it.
    """
    import os
    import tempfile

    from .paths import user_data_dir
    from .services.selftest import run_self_test

    log_path = user_data_dir() / "selftest.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "w", encoding="utf-8") as log_file:

        def log(line: str) -> None:
            log_file.write(line + "\n")
            log_file.flush()
            if sys.stdout is not None:
                print(line)

        ok = run_self_test(log=log, db=db)
        if ok:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is shown, none is needed
            with tempfile.TemporaryDirectory(prefix="fulian-selftest-ui-") as folder:
                ok = _check_main_window(Path(folder) / "ui.db", log)
        log(f"界面自检{'通过' if ok else '失败'}；记录：{log_path}")
    return 0 if ok else 1


def _check_main_window(db_path: Path, log) -> bool:
    """Build the main window over a fresh database holding the demo units, as a clerk would see it."""
    try:
        from PySide6.QtWidgets import QApplication

        from .services.workspace import Workspace
        from .storage import open_database
        from .ui.main_window import MainWindow
        from .ui.qt_setup import configure_application

        app = QApplication.instance() or QApplication([sys.argv[0]])
        configure_application(app)
        database = open_database(db_path)
        try:
            workspace = Workspace(database)
            workspace.load_demo()
            window = MainWindow(workspace)
            window.show()
            app.processEvents()
            units = window.unit_combo.count()
            window.close()
            app.processEvents()
            report = workspace.open_report(workspace.entries()[0].unit.name, workspace.entries()[0].fiscal_year)
        finally:
            database.close()
        if units != 2:
            raise AssertionError(f"主窗口应列出 2 个示例单位，实际 {units} 个")
        log(f"[通过] 主窗口：已打开，列出 {units} 个示例单位")
        return _check_preview(report, db_path.parent, log)
    except Exception as exc:  # the self-test reports every failure, whatever its kind
        import traceback

        log(f"[失败] 主窗口：{type(exc).__name__}: {exc}")
        log(traceback.format_exc())
        return False


def _check_preview(report, folder: Path, log) -> bool:
    """The in-program PDF preview renders a real exported page (its renderer ships in the bundle)."""
    from .reports.export import export_report
    from .ui.pdf_view import render_pages

    (pdf,) = export_report(report, folder / "preview", ["pdf"]).paths
    pages = render_pages(pdf, 400)
    if not pages or pages[0].isNull():
        raise AssertionError("PDF 预览无法显示页面（缺少 PDF 渲染组件）")
    log(f"[通过] PDF 预览：{len(pages)} 页，首页 {pages[0].width()}×{pages[0].height()} 像素")
    return True


def _prepare_scaling() -> None:
    """At 125% and 150% Windows scaling, scale by exactly that rather than rounding to 100% or 200%."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)


def main_window_for_benchmark(db_path: str):
    """The window as `main` builds it, shown and painted, for bench/bench_gui.py and bench_startup.py."""
    from .services.workspace import Workspace
    from .storage import open_database

    from PySide6.QtWidgets import QApplication
    from .ui.main_window import MainWindow
    from .ui.qt_setup import configure_application

    _prepare_scaling()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    configure_application(app)
    window = MainWindow(Workspace(open_database(Path(db_path))))
    window.show()
    app.processEvents()
    return app, window

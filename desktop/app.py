"""The composition root: parse the command line, open the database, start the window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import APP_TITLE, __version__
from .paths import default_database_path


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="fulian-desk", description=APP_TITLE)
    parser.add_argument("--version", action="version", version=f"fulian-desk {__version__}")
    parser.add_argument("--db", help="数据库文件路径（默认在用户数据文件夹中）")
    # Qt's own options (-platform, -style …) pass through to QApplication.
    args, qt_args = parser.parse_known_args(argv)
    args.qt_args = qt_args
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)

    from PySide6.QtWidgets import QApplication, QMessageBox

    from .services.workspace import Workspace
    from .storage import StorageError, open_database
    from .ui.main_window import MainWindow
    from .ui.qt_setup import configure_application

    _prepare_scaling()
    app = QApplication.instance() or QApplication([sys.argv[0], *args.qt_args])
    configure_application(app)
    db_path = Path(args.db) if args.db else default_database_path()
    try:
        database = open_database(db_path)
    except StorageError as exc:
        QMessageBox.critical(None, APP_TITLE, f"无法打开数据库“{db_path}”。\n\n{exc.message}")
        return 2
    window = MainWindow(Workspace(database))
    window.show()
    try:
        return app.exec()
    finally:
        database.close()


def _prepare_scaling() -> None:
    """At 125% and 150% Windows scaling, scale by exactly that rather than rounding to 100% or 200%."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)


def main_window_for_benchmark(db_path: str):
    """The window as `main` builds it, shown and painted, for bench/bench_gui.py."""
    from PySide6.QtWidgets import QApplication

    from .services.workspace import Workspace
    from .storage import open_database
    from .ui.main_window import MainWindow
    from .ui.qt_setup import configure_application

    _prepare_scaling()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    configure_application(app)
    window = MainWindow(Workspace(open_database(Path(db_path))))
    window.show()
    app.processEvents()
    return app, window

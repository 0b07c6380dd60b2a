"""Screenshots of 从往年报告导入 (the preview) for docs/screenshots: run under Xvfb, then look at them.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tests/ui/screenshots_report_import.py docs/screenshots

Seed 000 as a clerk's Word file is saved as PDF by LibreOffice and read; the preview is shown over the
main window on each of its tabs and the X server's whole screen captured.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

SHOTS = [(0, "11-report-import"), (1, "12-report-import-unplaced"), (2, "13-report-import-findings")]


def main(out_dir: str) -> int:
    from PySide6.QtWidgets import QApplication

    from desktop.services import report_import
    from desktop.services.workspace import Workspace
    from desktop.storage import open_database
    from desktop.ui.main_window import MainWindow
    from desktop.ui.qt_setup import configure_application
    from desktop.ui.report_import_dialog import ReportImportDialog
    from tests.report_import.clerk_documents import build_docx, to_pdf

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    configure_application(app)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        pdf = to_pdf(build_docx("000", folder), folder, folder / "lo_profile")
        database = open_database(folder / "shots.db")
        workspace = Workspace(database)
        window = MainWindow(workspace)
        window.setGeometry(app.primaryScreen().availableGeometry())
        window.show()
        preview = report_import.preview_file(workspace, pdf, unit="乐山市金口河区妇女联合会")
        dialog = ReportImportDialog(preview, lambda year, unit: None, window)
        dialog.show()
        # The loose table paragraph placed nowhere yet; the first one shown with its choice list.
        for tab, name in SHOTS:
            dialog.tabs.setCurrentIndex(tab)
            for _ in range(30):
                app.processEvents()
            target = out / f"{name}.png"
            # The X server's whole screen (window 0 is the root window), as a clerk would see it.
            app.primaryScreen().grabWindow(0).save(str(target), "PNG")
            print(target, target.stat().st_size)
        dialog.close()
        window.close()
        database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))

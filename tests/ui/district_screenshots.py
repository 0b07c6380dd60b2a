"""Screenshots of the 区县汇总 page with collected township files: run under Xvfb, then look at them.

The screen is captured by Qt from the X server's root window (no ImageMagick needed).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tests/ui/district_screenshots.py docs/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
# The township files come from the tests' fixtures, whose conftest picks the offscreen platform (an
# 800×800 screen) unless one is chosen: under Xvfb this script wants the real X screen.
if os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")


def shoot(app, folder: Path, target: Path) -> None:
    for _ in range(30):
        app.processEvents()
    # The whole X screen (root window 0), dialogs included, as the X server shows it.
    app.primaryScreen().grabWindow(0).save(str(target), "PNG")
    print(target, target.stat().st_size)


def main(out_dir: str) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.domain.model import Unit
    from desktop.services import collect
    from desktop.services.district import add_township
    from desktop.services.workspace import Workspace
    from desktop.storage import open_database
    from desktop.ui.main_window import MainWindow
    from desktop.ui.pages.district import CollectPreview
    from desktop.ui.qt_setup import configure_application
    from tests.district.township_files import DISTRICT, YEAR, make_township_files

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    configure_application(app)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        files = make_township_files(folder / "in", 8)
        database = open_database(folder / "shots.db")
        workspace = Workspace(database)
        workspace.create_report(workspace.create_unit(Unit(name=DISTRICT)), YEAR)
        add_township(workspace, DISTRICT, files.hand_edited_township)
        add_township(workspace, DISTRICT, "未报送乡妇联")
        window = MainWindow(workspace)
        window.refresh(select=(DISTRICT, YEAR))
        window.setGeometry(app.primaryScreen().availableGeometry())
        window.show()
        page = window.district_page
        window.show_page(window.page_index(page))
        plan = collect.plan_collection(workspace, DISTRICT, YEAR, collect.gather([folder / "in"]))
        preview = CollectPreview(plan, window)
        preview.show()
        shoot(app, folder, out / "11-district-preview.png")
        preview.close()
        collect.apply_collection(workspace, plan)
        page.refresh()
        shoot(app, folder, out / "10-district.png")
        row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data() == files.hand_edited_township)
        page.table.selectRow(row)
        dialog = page.show_issues()
        shoot(app, folder, out / "12-district-issues.png")
        dialog.close()
        window.close()
        database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))

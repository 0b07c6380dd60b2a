"""Screenshots of every page for the README: run under Xvfb (see the command below), then look at them.

    xvfb-run -a -s "-screen 0 1366x768x24" /tmp/venv/bin/python tests/ui/screenshots.py docs/screenshots

Every page at the common screen sizes and at 125 % scaling (QT_SCALE_FACTOR) goes to docs/screenshots/sizes/:

    for size in 1366x768 1920x1080; do for scale in 1 1.25; do
      QT_SCALE_FACTOR=$scale xvfb-run -a -s "-screen 0 ${size}x24" .venv/bin/python tests/ui/screenshots.py \
        docs/screenshots/sizes/$size-$(python3 -c "print(round($scale*100))")pct
    done; done

Each page of the demo unit is shown in a real X window and the whole screen captured with ImageMagick's
`import`, then reduced to a palette PNG so that each stays small.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

NAMES = {
    "概览": "overview", "单位概况": "profile", "年度工作": "work", "活动台账": "ledger", "收支情况": "finance",
    "项目": "projects", "绩效目标与自评": "evaluation", "分析与结论": "analysis", "校验": "checks", "导出": "export", "区县汇总": "district",
}


def prepare(page) -> None:
    """What the clerk would have done on a page before the README's picture of it is taken."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QScrollArea

    from desktop.ui.pages.analysis import AnalysisPage
    from desktop.ui.pages.export import ExportPage

    if isinstance(page, ExportPage):  # the PDF preview of the open report
        task = page.start_preview()
        if task is not None and not task.finished:
            loop = QEventLoop()
            task.done.connect(loop.quit)
            loop.exec()
    elif isinstance(page, AnalysisPage) and page.editor.report is not None:
        # The 主要工作成效 in view, at a 主题 with 分项 when the report has one.
        rows = [i for i, b in enumerate(page.editor.report.narratives.achievements) if b.blocks] or [0]
        page.achievements.select(rows[0], 0)
        page.findChild(QScrollArea).ensureWidgetVisible(page.achievements_box, 0, 0)


def main(out_dir: str) -> int:
    from PySide6.QtWidgets import QApplication

    from desktop.services.workspace import Workspace
    from desktop.storage import open_database
    from desktop.ui.main_window import MainWindow
    from desktop.ui.qt_setup import configure_application

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    configure_application(app)
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "shots.db")
        window = MainWindow(Workspace(database))
        window.load_demo()
        unit = os.environ.get("SHOT_UNIT", "金口河")
        index = next(i for i in range(window.unit_combo.count()) if unit in window.unit_combo.itemText(i))
        window.unit_combo.setCurrentIndex(index)
        window.setGeometry(app.primaryScreen().availableGeometry())
        window.show()
        for number, page in enumerate(window.page_list):
            window.show_page(number)
            prepare(page)
            for _ in range(20):
                app.processEvents()
            target = out / f"{number:02d}-{NAMES.get(page.title, page.title)}.png"
            raw = Path(folder) / "raw.png"
            if shutil.which("import"):
                subprocess.run(["import", "-window", "root", str(raw)], check=True)
            else:  # no ImageMagick: the X server's root window through Qt
                app.primaryScreen().grabWindow(0).save(str(raw))
            if Path("/usr/bin/convert").exists():
                subprocess.run(["/usr/bin/convert", str(raw), "-colors", "128", f"PNG8:{target}"], check=True)
            else:  # the same reduction with Pillow (installed with reportlab)
                from PIL import Image

                Image.open(raw).convert("RGB").quantize(128).save(target, optimize=True)
            print(target, target.stat().st_size)
        window.close()
        database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))

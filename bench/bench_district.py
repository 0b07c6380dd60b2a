"""District collection at scale: 30 township files × 5,000 ledger lines each.

Goals: collecting the 30 files ≤ 10 s (read, checksum, validate, store), the summary workbook ≤ 3 s,
the 区县汇总 page ready ≤ 1 s (status and summary from the database, table and charts filled).
Run from the project root:  QT_QPA_PLATFORM=offscreen python bench/bench_district.py [townships] [lines]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(townships: int = 30, lines: int = 5000) -> int:
    from datetime import datetime, timezone

    from desktop.domain.model import Unit
    from desktop.exchange import read_file
    from desktop.services import collect
    from desktop.services.district import export_summary
    from desktop.services.workspace import Workspace
    from desktop.storage import open_database
    from tests.conftest import SEED_000
    from tests.district.township_files import DISTRICT, YEAR, township_report, write_report

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        seed = read_file(SEED_000)
        started = time.perf_counter()
        (folder / "in").mkdir()
        for i in range(townships):
            write_report(township_report(seed, i, lines), folder / "in" / f"{i:02d}.fulian.json",
                         datetime(2025, 3, 1, tzinfo=timezone.utc))
        size = sum(p.stat().st_size for p in (folder / "in").iterdir())
        print(f"generated {townships} files × {lines} lines ({size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")

        database = open_database(folder / "district.db")
        workspace = Workspace(database)
        workspace.create_report(workspace.create_unit(Unit(name=DISTRICT)), YEAR)

        t0 = time.perf_counter()
        plan = collect.plan_collection(workspace, DISTRICT, YEAR, collect.gather([folder / "in"]))
        t1 = time.perf_counter()
        result = collect.apply_collection(workspace, plan)
        t2 = time.perf_counter()
        assert len(result.imported) == townships, [f.describe() for f in plan.files if not f.outcome.imports]
        print(f"collect: check {t1 - t0:.2f} s + store {t2 - t1:.2f} s = {t2 - t0:.2f} s   (goal ≤ 10 s)")

        t0 = time.perf_counter()
        export_summary(workspace, DISTRICT, YEAR, folder / "汇总.xlsx")
        print(f"summary workbook: {time.perf_counter() - t0:.2f} s   (goal ≤ 3 s)")

        from PySide6.QtWidgets import QApplication

        from desktop.ui.editor import Editor
        from desktop.ui.pages.district import DistrictPage

        app = QApplication.instance() or QApplication(sys.argv[:1])
        editor = Editor(workspace)
        editor.open(workspace.open_report(DISTRICT, YEAR))
        page = DistrictPage(editor)
        page.resize(1366, 700)
        page.show()
        app.processEvents()
        t0 = time.perf_counter()
        page.refresh()
        app.processEvents()
        elapsed = time.perf_counter() - t0
        assert page.proxy.rowCount() == townships
        print(f"汇总 page ready: {elapsed:.2f} s   (goal ≤ 1 s)")
        page.close()
        database.close()
    return 0


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    sys.exit(main(*args))

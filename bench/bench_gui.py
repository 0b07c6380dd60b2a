"""GUI figures: process start to the main window shown with a unit open, then to the activity ledger
showing 10,000 records, and the memory the process holds then.

Run from the repository root: python bench/bench_gui.py [runs]. Uses the offscreen platform unless a
display is set. Not a test: it prints this machine's timings (targets: ≤ 1.5 s to the window, ≤ 0.5 s
more to the ledger, ≤ 300 MB with 10,000 records) and asserts only that the ledger shows them all.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = r"""
import sys, time, resource
sys.path.insert(0, {root!r})
from desktop.app import main_window_for_benchmark
app, window = main_window_for_benchmark({db!r})
print("SHOWN", time.perf_counter(), flush=True)
start = time.perf_counter()
page = window.ledger_page
window.show_page(window.page_index(page))
app.processEvents()
page.table.view.viewport().repaint()
elapsed = time.perf_counter() - start
rows = page.table.view.model().rowCount()
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print("LEDGER", elapsed, rows, rss_mb, flush=True)
"""


def build_databases(folder: Path, count: int) -> tuple[Path, Path]:
    from desktop.domain.model import Activity
    from desktop.exchange import read_file
    from desktop.storage import open_database

    seed = ROOT / "tests" / "data" / "seed_000_jinkouhe_2024.fulian.json"
    small = folder / "seed.db"
    with open_database(small) as db:
        db.reports().save(read_file(seed))
    large = folder / "ledger.db"
    report = read_file(seed)
    tasks = report.tasks
    kinds = report.activity_kinds
    report.activities = [
        Activity(
            title=f"第{n}场巾帼宣讲进社区活动",
            date=date(2024, 1 + n % 12, 1 + n % 28),
            kind=kinds[n % len(kinds)],
            sessions=1 + n % 4,
            participants=20 + n % 300,
            beneficiaries=10 + n % 200,
            money=Decimal(n * 37 % 500000) / 100,
            task_key=tasks[n % len(tasks)].key,
            notes="备注" * (n % 5),
        )
        for n in range(count)
    ]
    with open_database(large) as db:
        db.reports().save(report)
    return small, large


def run_child(db: Path) -> tuple[float, float, int, float]:
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    script = CHILD.format(root=str(ROOT), db=str(db))
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=env)
    shown = ledger = rows = rss = None
    for line in process.stdout:
        parts = line.split()
        if parts and parts[0] == "SHOWN":
            shown = time.perf_counter() - started
        elif parts and parts[0] == "LEDGER":
            ledger, rows, rss = float(parts[1]), int(parts[2]), float(parts[3])
    process.wait()
    if shown is None or ledger is None:
        raise SystemExit(process.stderr.read())
    return shown, ledger, rows, rss


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    count = 10_000
    with tempfile.TemporaryDirectory() as folder:
        small, large = build_databases(Path(folder), count)
        seed_runs = [run_child(small) for _ in range(runs)]
        big_runs = [run_child(large) for _ in range(runs)]
    for label, results in (("金口河 2024 (31 条台账)", seed_runs), (f"{count} 条台账", big_runs)):
        shown = [r[0] for r in results]
        ledger = [r[1] for r in results]
        rss = [r[3] for r in results]
        assert all(r[2] == results[0][2] for r in results)
        print(f"{label}: 启动到主窗口显示 中位 {statistics.median(shown):.3f} s（最慢 {max(shown):.3f}）；"
              f"切到活动台账 中位 {statistics.median(ledger):.3f} s（最慢 {max(ledger):.3f}）；"
              f"台账行数 {results[0][2]}；最大内存 {max(rss):.0f} MB")
    assert big_runs[0][2] == count
    return 0


if __name__ == "__main__":
    sys.exit(main())

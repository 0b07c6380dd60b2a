"""Storage figures for a report with 10,000 ledger lines: whole save, load, re-save and one-line saves.

Run from the repository root: python bench/bench_storage.py [activities]. Not a test: it prints timings
of this machine for people to compare, and asserts only that what was loaded equals what was saved.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.domain.model import Activity, Report, Unit, WorkTask  # noqa: E402
from desktop.storage import open_database  # noqa: E402


def ledger_report(count: int) -> Report:
    tasks = [WorkTask(title=f"重点任务{i}") for i in range(8)]
    return Report(
        unit=Unit(name="基准测试妇联"),
        fiscal_year=2024,
        tasks=tasks,
        activities=[
            Activity(
                title=f"第{n}场巾帼宣讲进社区活动",
                date=date(2024, 1 + n % 12, 1 + n % 28),
                kind="宣讲",
                sessions=1 + n % 4,
                participants=20 + n % 300,
                beneficiaries=10 + n % 200,
                money=Decimal(n * 37 % 500000) / 100,
                task_key=tasks[n % 8].key,
                notes="备注" * (n % 5),
            )
            for n in range(count)
        ],
    )


def timed(action, repeat: int = 5) -> tuple[float, object]:
    """Median wall time in milliseconds over `repeat` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fulian.db"
        start = time.perf_counter()
        db = open_database(path)
        open_ms = (time.perf_counter() - start) * 1000
        try:
            report = ledger_report(count)
            first_ms, _ = timed(lambda: db.reports().save(report), repeat=1)
            resave_ms, _ = timed(lambda: db.reports().save(report))
            load_ms, loaded = timed(lambda: db.reports().get(report.unit.id, 2024))
            assert loaded == report, "loaded report differs from the saved one"

            line = report.activities[count // 2]

            def one_line():
                line.participants = (line.participants or 0) + 1
                return db.reports().save_activity(report.id, line)
            line_ms, _ = timed(one_line, repeat=50)
            new_ms, _ = timed(lambda: db.reports().save_activity(report.id, Activity(title="新增")), repeat=50)
        finally:
            db.close()
        size_kb = path.stat().st_size / 1024
    print(f"activities per report        {count:>10,}")
    print(f"open_database (create+migrate){open_ms:>9.1f} ms")
    print(f"save (first, insert)         {first_ms:>10.1f} ms")
    print(f"save (replace whole, median) {resave_ms:>10.1f} ms")
    print(f"get (load whole, median)     {load_ms:>10.1f} ms")
    print(f"save_activity update (median){line_ms:>10.2f} ms")
    print(f"save_activity insert (median){new_ms:>10.2f} ms")
    print(f"database file after close    {size_kb:>10.0f} KB")


if __name__ == "__main__":
    main()

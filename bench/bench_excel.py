"""Benchmark: import of a 10,000-row activity ledger, and export of the seed reports' workbooks.

Run from the repository root: `python bench/bench_excel.py [--rows N] [--repeat K]`. Prints the best and
median of K runs for each step; the target is an import of 10,000 rows in at most 3 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.domain.model import Activity  # noqa: E402
from desktop.excel.ledger_import import apply, preview_ledger  # noqa: E402
from desktop.excel.templates import write_ledger  # noqa: E402
from desktop.reports.xlsx_writer import export_xlsx  # noqa: E402
from desktop.exchange import read_file  # noqa: E402

SEEDS = [ROOT / "tests/data/seed_000_jinkouhe_2024.fulian.json", ROOT / "tests/data/seed_004_huangpu_2022.fulian.json"]
TARGET_IMPORT_S = 3.0


def ledger_report(rows: int):
    """Seed 000 with `rows` activities spread over the year, linked to its tasks and projects."""
    report = read_file(SEEDS[0])
    kinds = report.activity_kinds
    start = date(report.fiscal_year, 1, 1)
    report.activities = [
        Activity(
            title=f"活动{i:05d}", date=start + timedelta(days=i % 365), kind=kinds[i % len(kinds)],
            sessions=1 + i % 3, participants=20 + i % 50, beneficiaries=i % 40, money=Decimal(i % 1000) + Decimal("0.50"),
            task_key=report.tasks[i % len(report.tasks)].key, project_key=report.projects[i % len(report.projects)].key,
            notes="" if i % 5 else "备注",
        )
        for i in range(rows)
    ]
    return report


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def show(label: str, times: list[float]) -> None:
    print(f"{label:<44} best {min(times):6.3f} s   median {statistics.median(times):6.3f} s   ({len(times)} runs)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        full = ledger_report(args.rows)
        ledger = folder / "台账.xlsx"
        show(f"write a {args.rows}-row ledger", timed(lambda: write_ledger(full, ledger), args.repeat))
        print(f"  file size {ledger.stat().st_size / 1024:.0f} KB")

        empty = ledger_report(0)
        previews = []
        show(f"preview import of {args.rows} rows", timed(lambda: previews.append(preview_ledger(ledger, empty)), args.repeat))
        preview = previews[-1]
        assert preview.ok and len(preview.rows) == args.rows, preview.lines()[:5]
        show("apply the preview", timed(lambda: apply(preview, empty), args.repeat))
        whole = timed(lambda: apply(preview_ledger(ledger, empty), empty), args.repeat)
        show(f"import of {args.rows} rows (preview + apply)", whole)

        for seed in SEEDS:
            report = read_file(seed)
            out = folder / f"{seed.stem}.xlsx"
            show(f"export workbook {seed.name[:20]}", timed(lambda: export_xlsx(report, out), args.repeat))

    verdict = "met" if min(whole) <= TARGET_IMPORT_S else "NOT met"
    print(f"target: import of {args.rows} rows ≤ {TARGET_IMPORT_S:.0f} s — {verdict} (best {min(whole):.3f} s)")
    return 0 if min(whole) <= TARGET_IMPORT_S else 1


if __name__ == "__main__":
    sys.exit(main())

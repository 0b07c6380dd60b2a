"""Time a full validation run: a seed report, and a report with 10,000 activity records.

Run from the project root: `python bench/bench_validation.py`. Prints figures; asserts nothing.
Targets: ≤ 10 ms per run for a seed report, ≤ 100 ms for 10,000 activities.
"""

from __future__ import annotations

import copy
import statistics
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.domain.model import Activity  # noqa: E402
from desktop.exchange import read_file  # noqa: E402
from desktop.validation import summarize, validate  # noqa: E402

SEEDS = ROOT / "tests" / "data"
KINDS = ["培训", "宣讲", "慰问", "救助", "筛查", "调解", "会议", "志愿服务"]


def with_activities(report, n: int):
    """The seed with n activity records spread over its year, linked to its tasks and projects."""
    big = copy.deepcopy(report)
    tasks = [t.key for t in big.tasks] or [None]
    projects = [p.key for p in big.projects] or [None]
    start = date(big.fiscal_year, 1, 1)
    big.activities = [
        Activity(
            title=f"第{i}次{KINDS[i % len(KINDS)]}活动",
            date=start + timedelta(days=i % 365),
            kind=KINDS[i % len(KINDS)],
            sessions=1 + i % 3,
            participants=10 + i % 50,
            beneficiaries=i % 20,
            money=Decimal(i % 7) if i % 5 == 0 else None,
            task_key=tasks[i % len(tasks)],
            project_key=projects[i % len(projects)] if i % 11 == 0 else None,
            key=f"b{i:05d}",
        )
        for i in range(n)
    ]
    return big


def measure(report, runs: int) -> tuple[float, float, float]:
    validate(report)  # warm: rule sets are read once per process
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        validate(report)
        times.append((time.perf_counter() - started) * 1000)
    return min(times), statistics.median(times), max(times)


def main() -> None:
    started = time.perf_counter()
    seed = read_file(SEEDS / "seed_000_jinkouhe_2024.fulian.json")
    validate(seed)
    print(f"首次运行（含读取规则文件）：{(time.perf_counter() - started) * 1000:.1f} ms")
    cases = [
        ("seed 000 金口河区 2024", seed, 200),
        ("seed 004 黄埔区 2022", read_file(SEEDS / "seed_004_huangpu_2022.fulian.json"), 200),
        ("seed 000 + 10,000 条活动", with_activities(seed, 10_000), 20),
    ]
    print(f"{'报告':<28}{'活动':>8}{'最快 ms':>10}{'中位 ms':>10}{'最慢 ms':>10}  结果")
    for name, report, runs in cases:
        low, median, high = measure(report, runs)
        print(f"{name:<24}{len(report.activities):>8}{low:>10.2f}{median:>10.2f}{high:>10.2f}  "
              f"{summarize(validate(report)).text}")


if __name__ == "__main__":
    main()

"""The reliability suite (tests/reliability/) at scale: many crash trials, races and fuzz cases; a table at the end.

Run from the repository root:

    QT_QPA_PLATFORM=offscreen python bench/bench_reliability.py [trials] [fuzz_cases]

`trials` (default 100) is the number of kill -9 / race trials per test, `fuzz_cases` (default 10,000) the
number of generated exchange and Excel inputs. Prints: test, trials, failures (and the first failures'
notes). The exit status is 0 only when every trial held.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    trials = sys.argv[1] if len(sys.argv) > 1 else "100"
    fuzz = sys.argv[2] if len(sys.argv) > 2 else "10000"
    with tempfile.TemporaryDirectory() as folder:
        figures = Path(folder) / "figures.json"
        env = dict(os.environ, FULIAN_TRIALS=trials, FULIAN_FUZZ_CASES=fuzz, FULIAN_FIGURES=str(figures),
                   QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/reliability", "-k", "not postgresql"],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )
        elapsed = time.monotonic() - started
        rows = json.loads(figures.read_text(encoding="utf-8")) if figures.exists() else []
    width = max([len(r["test"]) for r in rows] + [4])
    print(f"{'test'.ljust(width)}  {'trials':>7}  {'failures':>8}  {'killed mid-way':>14}")
    for row in rows:
        print(f"{row['test'].ljust(width)}  {row['trials']:7d}  {row['failures']:8d}  {row['interrupted']:14d}")
        for note in row["notes"]:
            print(f"    {note[:300]}")
    print(f"total: {sum(r['trials'] for r in rows)} trials, {sum(r['failures'] for r in rows)} failures, "
          f"{elapsed:.0f} s; pytest exit status {result.returncode}")
    if result.returncode != 0:
        print(result.stdout[-3000:])
    return 0 if result.returncode == 0 and not any(r["failures"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Load and save latency on PostgreSQL over loopback against SQLite, as ratios within one run.

Run from the repository root as root or as a user who may run PostgreSQL (Debian's `postgresql` package
installed): python bench/bench_pg.py [repeats]. It starts a throw-away PostgreSQL cluster listening on
127.0.0.1 (durable: fsync on, as an office server would run) and a SQLite file in a temporary folder,
and times the same repository calls on both: the seed report (乐山市金口河区妇联 2024) and a report with
10,000 ledger lines; a whole save, a load, and a one-line ledger save. Not a test: it prints figures of
this machine and checks only that what was loaded equals what was saved.
"""

from __future__ import annotations

import copy
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.exchange import read_file  # noqa: E402
from desktop.storage import open_database  # noqa: E402
from tests.pg_server import destroy, start_server  # noqa: E402
from tests.storage.sample import rich_report  # noqa: E402

SEED = ROOT / "tests" / "data" / "seed_000_jinkouhe_2024.fulian.json"


def timed(action, repeats: int) -> float:
    """Median wall time of `action` in milliseconds."""
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def measure(locator: str, report, repeats: int) -> dict[str, float]:
    with open_database(locator) as db:
        stored = db.reports().save(copy.deepcopy(report))
        unit_id, year = stored.unit.id, stored.fiscal_year
        loaded = db.reports().get(unit_id, year)
        assert loaded == stored, "what was loaded differs from what was saved"

        def save_whole():
            current = db.reports().get(unit_id, year)
            db.reports().save(current)

        line = copy.deepcopy(loaded.activities[0]) if loaded.activities else None

        def save_one_line():
            current = db.reports().get(unit_id, year)  # keeps the revision current where there is one
            line.title = line.title + "·"
            db.reports().save_activity(current if hasattr(current, "revision") else current.id, line)

        figures = {
            "load": timed(lambda: db.reports().get(unit_id, year), repeats),
            "load+save": timed(save_whole, repeats),
        }
        if line is not None:
            figures["load+1 line"] = timed(save_one_line, repeats)
        return figures


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    cases = [
        (f"seed 000 ({len(read_file(SEED).activities)} activities)", read_file(SEED)),
        ("10,000 activities", rich_report(unit_name="基准妇联", activities=10_000)),
    ]
    server = start_server(durable=True)
    try:
        with tempfile.TemporaryDirectory(prefix="fulian-bench-pg-") as folder:
            print(f"PostgreSQL {server.psql('SHOW server_version')} on 127.0.0.1 (fsync on) vs SQLite file (WAL); "
                  f"median of {repeats}, milliseconds")
            print(f"{'case':32} {'step':12} {'SQLite':>9} {'PostgreSQL':>11} {'ratio':>7}")
            for n, (name, report) in enumerate(cases):
                lite = measure(str(Path(folder) / f"bench{n}.db"), report, repeats)
                pg = measure(server.url(server.new_database("bench")), report, repeats)
                for step in lite:
                    print(f"{name:32} {step:12} {lite[step]:9.1f} {pg[step]:11.1f} {pg[step] / lite[step]:6.2f}×")
    finally:
        destroy(server)


if __name__ == "__main__":
    main()

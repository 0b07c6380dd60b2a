"""Start-up: the program's window with a seed unit open, against a bare PySide6 QMainWindow.

Both are whole processes (interpreter start to exit after the first paint), run alternately in one
run so that both see the same machine state; the ratio of the medians is the figure (goal ≤ 3×).
Run from the project root:  python bench/bench_startup.py [pairs]   (default 7 pairs; offscreen unless
DISPLAY is set).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE = r"""
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([sys.argv[0]])
window = QMainWindow()
window.resize(1180, 760)
window.show()
app.processEvents()
window.repaint()
print("SHOWN", flush=True)
"""

OURS = r"""
import sys
sys.path.insert(0, {root!r})
from desktop.app import main_window_for_benchmark
app, window = main_window_for_benchmark({db!r})
assert window.report is not None, "no report open"
print("SHOWN", window.report.unit.name, flush=True)
"""


def seed_database(folder: Path) -> Path:
    """A database already at the current schema holding seed 000, opened once as a clerk's would be."""
    from desktop.exchange import read_file
    from desktop.storage import open_database

    path = folder / "fulian.db"
    with open_database(path) as db:
        db.reports().save(read_file(ROOT / "tests" / "data" / "seed_000_jinkouhe_2024.fulian.json"))
    return path


def whole_process(argv: list[str], env: dict) -> float:
    start = time.perf_counter()
    result = subprocess.run(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0 or "SHOWN" not in result.stdout:
        raise SystemExit(f"{argv[:3]} failed:\n{result.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("pairs", nargs="?", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as folder:
        db = seed_database(Path(folder))
        env["XDG_DATA_HOME"] = folder  # crash logs of the run stay in the temporary folder
        bare_argv = [sys.executable, "-c", BARE]
        ours_argv = [sys.executable, "-c", OURS.format(root=str(ROOT), db=str(db))]
        whole_process(bare_argv, env)  # warm the file cache for both before timing
        whole_process(ours_argv, env)
        bare, ours = [], []
        for _ in range(args.pairs):
            bare.append(whole_process(bare_argv, env))
            ours.append(whole_process(ours_argv, env))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare QMainWindow: median {b:.3f} s ({', '.join(f'{x:.3f}' for x in bare)})")
    print(f"fulian-desk, seed unit open: median {o:.3f} s ({', '.join(f'{x:.3f}' for x in ours)})")
    print(f"start-up ratio: {o / b:.2f}× the bare window (goal ≤ 3×), {args.pairs} alternated pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Start-up: the program showing a seed unit's report, against a bare PySide6 QMainWindow.

What is timed, for each: a whole process, from its start until it has shown and painted its window and
ended. The bare one shows an empty QMainWindow. Ours is the program as a clerk starts it
(`python -m desktop --db FILE`, or the frozen bundle's `fulian-desk --db FILE` with --frozen) over a
database holding seed 000; with FULIAN_START_PROBE set it paints its window once, writes the texts of
the page on screen to that file and ends (desktop/app.py). The bench checks that the page on screen is
概览 showing the unit's name and its 219.7万元 income, so the time runs to the unit's data on screen,
not to an empty window. Bare and ours alternate in one run (same machine state); the ratio of the
medians is the figure (goal ≤ 3×).

Bytecode: the program's modules are compiled first and the runs may write .pyc files, as in an
installed program (PYTHONDONTWRITEBYTECODE is dropped from the children's environment).

Run from the project root:
    python bench/bench_startup.py [pairs]                          (default 7; offscreen unless DISPLAY)
    python bench/bench_startup.py [pairs] --frozen dist/fulian-desk   (the bundle, after scripts/build.sh)
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = ROOT / "tests" / "data" / "seed_000_jinkouhe_2024.fulian.json"
EXPECTED = ("乐山市金口河区妇女联合会", "219.7万元")  # the unit's name and income on 概览

BARE = r"""
from PySide6.QtWidgets import QApplication, QMainWindow
import sys
app = QApplication([sys.argv[0]])
window = QMainWindow()
window.resize(1180, 760)
window.show()
app.processEvents()
window.repaint()
"""


def seed_database(folder: Path) -> Path:
    """A database already at the current schema holding seed 000, opened once as a clerk's would be."""
    from desktop.exchange import read_file
    from desktop.storage import open_database

    path = folder / "fulian.db"
    with open_database(path) as db:
        db.reports().save(read_file(SEED))
    return path


def whole_process(argv: list[str], env: dict, probe: Path | None = None) -> float:
    if probe is not None:
        probe.unlink(missing_ok=True)
    start = time.perf_counter()
    result = subprocess.run(argv, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{argv[:3]} failed:\n{result.stderr}")
    if probe is not None:
        shown = probe.read_text(encoding="utf-8") if probe.exists() else ""
        lines = shown.splitlines()
        if not all(text in lines for text in EXPECTED):
            raise SystemExit(f"{argv[:3]}: the window did not show the seed unit's figures:\n{shown[:300]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("pairs", nargs="?", type=int, default=7)
    parser.add_argument("--frozen", type=Path, help="the bundle folder (dist/fulian-desk): time its fulian-desk")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT)
    compileall.compile_dir(ROOT / "desktop", quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        db = seed_database(Path(folder))
        probe = Path(folder) / "shown.txt"
        env["XDG_DATA_HOME"] = folder  # crash logs and settings of the run stay in the temporary folder
        env["FULIAN_START_PROBE"] = str(probe)
        bare_argv = [sys.executable, "-c", BARE]
        if args.frozen:
            ours_argv = [str(args.frozen.resolve() / "fulian-desk"), "--db", str(db)]
            label = f"frozen bundle {args.frozen}"
        else:
            ours_argv = [sys.executable, "-m", "desktop", "--db", str(db)]
            label = "python -m desktop"
        whole_process(bare_argv, env)  # warm the file cache for both before timing
        whole_process(ours_argv, env, probe)
        bare, ours = [], []
        for _ in range(args.pairs):
            bare.append(whole_process(bare_argv, env))
            ours.append(whole_process(ours_argv, env, probe))
    b, o = statistics.median(bare), statistics.median(ours)
    print("timed: process start → window painted showing seed 000 on 概览 (unit name and income checked) → exit")
    print(f"bare QMainWindow: median {b:.3f} s ({', '.join(f'{x:.3f}' for x in bare)})")
    print(f"fulian-desk ({label}), seed unit's data on screen: median {o:.3f} s ({', '.join(f'{x:.3f}' for x in ours)})")
    print(f"start-up ratio: {o / b:.2f}× the bare window (goal ≤ 3×), {args.pairs} alternated pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())

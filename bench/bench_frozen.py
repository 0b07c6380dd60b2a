"""Start-up of the frozen bundle: process start → main window visible, with a seed unit open.

Run under a screen (`xvfb-run -a python bench/bench_frozen.py [runs]`) after `bash scripts/build.sh`.
The window is found from outside with xdotool, so the program carries no timing code; the source
run (`python -m desktop`) is measured in the same way, in the same run, for comparison.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "fulian-desk"
TITLE = "妇联绩效自评填报系统"


def prepare_database(folder: Path) -> Path:
    db = folder / "bench.db"
    subprocess.run([str(BUNDLE / "fulian"), "--db", str(db), "import",
                    str(ROOT / "resources" / "demo" / "seed_000_jinkouhe_2024.fulian.json")],
                   check=True, capture_output=True)
    return db


def time_to_window(command: list[str], timeout: float = 30.0) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - started < timeout:
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", TITLE],
                                   capture_output=True, text=True)
            if found.stdout.strip():
                return time.perf_counter() - started
            time.sleep(0.01)
        raise TimeoutError("window did not appear")
    finally:
        process.terminate()
        process.wait(10)


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    if not os.environ.get("DISPLAY") or not shutil.which("xdotool"):
        print("needs a screen and xdotool: xvfb-run -a python bench/bench_frozen.py", file=sys.stderr)
        return 2
    if not (BUNDLE / "fulian-desk").exists():
        print("build the bundle first: bash scripts/build.sh", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        db = prepare_database(Path(folder))
        commands = {
            "frozen bundle": [str(BUNDLE / "fulian-desk"), "--db", str(db)],
            "source (python -m desktop)": [sys.executable, "-m", "desktop", "--db", str(db)],
        }
        size = sum(f.stat().st_size for f in BUNDLE.rglob("*") if f.is_file() and not f.is_symlink())
        print(f"bundle size: {size / 1024 / 1024:.0f} MB unpacked")
        for name, command in commands.items():
            times = [time_to_window(command) for _ in range(runs)]
            print(f"{name:28s} start → window  median {statistics.median(times):.3f} s"
                  f"  min {min(times):.3f} s  max {max(times):.3f} s  ({runs} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

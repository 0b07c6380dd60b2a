"""CLI export against LibreOffice, whole processes; and the in-program export of a seed.

`fulian export SEED --format docx,pdf --out DIR` (interpreter start to exit) is timed alternately with
LibreOffice converting our own .docx to PDF (soffice start to exit, warm profile), the job a clerk
would otherwise do by hand; goal: ours ≥ 4× faster. Then the export as the window runs it (the
program already running, fonts loaded by an earlier export): goal ≤ 0.3 s.
Run from the project root:  python bench/bench_cli_export.py [pairs]   (default 5 pairs).
"""

from __future__ import annotations

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
FONTS_CONF = ROOT / "tests" / "reports" / "fonts.conf"


def whole(argv: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True, env=env, timeout=300)
    return time.perf_counter() - start


def main() -> int:
    pairs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = dict(os.environ, XDG_DATA_HOME=str(tmp / "data"))
        ours_argv = [sys.executable, "-m", "desktop.cli", "export", str(SEED), "--format", "docx,pdf",
                     "--out", str(tmp / "ours")]
        whole(ours_argv, dict(env, PYTHONPATH=str(ROOT)))
        docx = next((tmp / "ours").glob("*.docx"))
        profile = tmp / "profile"
        lo_env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF), HOME=str(profile))
        lo_argv = ["/usr/bin/soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                   "--convert-to", "pdf", "--outdir", str(tmp / "lo"), str(docx)]
        whole(lo_argv, lo_env)  # first start creates the profile
        ours, theirs = [], []
        for _ in range(pairs):
            ours.append(whole(ours_argv, dict(env, PYTHONPATH=str(ROOT))))
            theirs.append(whole(lo_argv, lo_env))
        o, t = statistics.median(ours), statistics.median(theirs)
        print(f"fulian export seed 000 --format docx,pdf: median {o:.3f} s ({', '.join(f'{x:.3f}' for x in ours)})")
        print(f"LibreOffice converting our docx to pdf:   median {t:.3f} s ({', '.join(f'{x:.3f}' for x in theirs)})")
        print(f"CLI export ratio: ours {t / o:.2f}× faster (goal ≥ 4×), {pairs} alternated pairs")

        from desktop.exchange import read_file
        from desktop.services import exporting

        report = read_file(SEED)
        exporting.export(report, tmp / "gui", ["docx", "pdf"], None, False)  # the program's first export
        runs = []
        for _ in range(max(pairs, 5)):
            start = time.perf_counter()
            exporting.export(report, tmp / "gui", ["docx", "pdf"], None, False)
            runs.append(time.perf_counter() - start)
        print(f"in-program export of seed 000 (docx+pdf, as the window runs it): median {statistics.median(runs):.3f} s "
              f"(goal ≤ 0.3 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""CLI export against LibreOffice, whole processes; and the in-program export of a seed.

`fulian export SEED --format docx,pdf --out DIR` (interpreter start to exit) is timed alternately with
LibreOffice converting our own .docx to PDF (soffice start to exit, warm profile), the job a clerk
would otherwise do by hand; goal: ours ≥ 4× faster. Ours is timed three times per round: warm (the
parsed font metrics already in the user's cache folder, reports/font_cache.py, as after the first export
on a PC), cold (that cache folder emptied first: the first export on a PC, which reads the metrics the
program brings, resources/fonts/metrics, made by setup.sh) and unparsed (neither: every face parsed, as
a program without its metrics would). The program's modules are compiled first and the
runs may write .pyc files, as in an installed program. Then the export as the window runs it (the
program already running, fonts loaded by an earlier export): goal ≤ 0.3 s.
Run from the project root:  python bench/bench_cli_export.py [pairs]   (default 5 pairs).
"""

from __future__ import annotations

import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = ROOT / "tests" / "data" / "seed_000_jinkouhe_2024.fulian.json"

from desktop.reports.font_cache import shipped_dir  # noqa: E402
FONTS_CONF = ROOT / "tests" / "reports" / "fonts.conf"


def whole(argv: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True, env=env, timeout=300)
    return time.perf_counter() - start


def processes_used(argv: list[str], env: dict, tmp: Path) -> str:
    """How many processes one more (untimed) run of our export executed, counted by strace where it is
    installed (the figures above are for exactly this command line)."""
    if not shutil.which("strace"):
        return "processes of our export: not counted (no strace here)"
    trace = tmp / "execs.txt"
    subprocess.run(["strace", "-f", "-qq", "-e", "trace=execve", "-o", str(trace), *argv], check=True,
                   capture_output=True, env=env, timeout=300)
    execs = [line for line in trace.read_text().splitlines() if "execve(" in line and line.rstrip().endswith("= 0")]
    return f"processes of our export (counted by strace in one more run): {len(execs)}"


def main() -> int:
    pairs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    compileall.compile_dir(ROOT / "desktop", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cache = tmp / "cache"
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(XDG_DATA_HOME=str(tmp / "data"), XDG_CACHE_HOME=str(cache))
        ours_argv = [sys.executable, "-m", "desktop.cli", "export", str(SEED), "--format", "docx,pdf",
                     "--out", str(tmp / "ours")]
        whole(ours_argv, dict(env, PYTHONPATH=str(ROOT)))
        docx = next((tmp / "ours").glob("*.docx"))
        profile = tmp / "profile"
        lo_env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF), HOME=str(profile))
        lo_argv = ["/usr/bin/soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                   "--convert-to", "pdf", "--outdir", str(tmp / "lo"), str(docx)]
        whole(lo_argv, lo_env)  # first start creates the profile
        ours, cold, unparsed, theirs = [], [], [], []
        shipped = shipped_dir()
        aside = tmp / "metrics-aside"
        for _ in range(pairs):
            ours.append(whole(ours_argv, dict(env, PYTHONPATH=str(ROOT))))
            theirs.append(whole(lo_argv, lo_env))
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(whole(ours_argv, dict(env, PYTHONPATH=str(ROOT))))
            shutil.rmtree(cache, ignore_errors=True)
            if shipped.is_dir():
                shipped.rename(aside)
            try:
                unparsed.append(whole(ours_argv, dict(env, PYTHONPATH=str(ROOT))))
            finally:
                if aside.is_dir():
                    aside.rename(shipped)
        o, c, t = statistics.median(ours), statistics.median(cold), statistics.median(theirs)
        u = statistics.median(unparsed)

        def line(values):
            return ", ".join(f"{x:.3f}" for x in values)

        print(f"fulian export seed 000 --format docx,pdf, warm font cache: median {o:.3f} s ({line(ours)})")
        print(f"fulian export seed 000 --format docx,pdf, cold (no cache):  median {c:.3f} s ({line(cold)})")
        print(f"fulian export, no metrics at all (every face parsed):     median {u:.3f} s ({line(unparsed)})")
        print(f"LibreOffice converting our docx to pdf:                   median {t:.3f} s ({line(theirs)})")
        if not shipped.is_dir():
            print("(resources/fonts/metrics is missing: run scripts/make_font_metrics.py; cold was unparsed too)")
        print(f"CLI export ratio: ours {t / o:.2f}× faster warm, {t / c:.2f}× cold, {t / u:.2f}× unparsed "
              f"(goal ≥ 4×), {pairs} alternated rounds")
        print(processes_used(ours_argv, dict(env, PYTHONPATH=str(ROOT)), tmp))

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

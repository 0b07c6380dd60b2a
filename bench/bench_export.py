"""Benchmark: our Word + PDF export of a seed report, against LibreOffice converting our .docx to PDF.

The conversion is the job a clerk would otherwise do by hand (save the Word file as PDF). Run from the
project root:  python bench/bench_export.py [--runs 5]
Target: our docx + pdf together at least 5× faster than that conversion.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.exchange import read_file  # noqa: E402
from desktop.reports.build import build_document  # noqa: E402
from desktop.reports.docx_writer import write_docx  # noqa: E402
from desktop.reports.export import export_report  # noqa: E402
from desktop.reports.outline import load_outline  # noqa: E402
from desktop.reports.pdf_writer import write_pdf  # noqa: E402

SEEDS = ["seed_000_jinkouhe_2024.fulian.json", "seed_004_huangpu_2022.fulian.json"]
FONTS_CONF = ROOT / "tests" / "reports" / "fonts.conf"


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def soffice(docx: Path, out: Path, profile: Path) -> None:
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF), HOME=str(profile))
    subprocess.run(["/usr/bin/soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), str(docx)],
                   check=True, capture_output=True, env=env, timeout=300)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        profile = tmp / "profile"
        print("ours = export_report (build + docx + pdf, each written atomically with fsync);")
        print("writers = build + docx + pdf to plain files (no fsync). Medians of the runs.")
        print(f"{'seed':38} {'ours':>8} {'writers':>8} {'LibreOffice':>12} {'speed-up':>9} {'(writers)':>9}")
        for name in SEEDS:
            report = read_file(ROOT / "tests" / "data" / name)
            out = tmp / name
            first = timed(lambda: export_report(report, out, ("docx", "pdf")))  # imports, font loading
            ours = [timed(lambda: export_report(report, out, ("docx", "pdf"))) for _ in range(args.runs)]
            def writers():
                document = build_document(report, load_outline(report.outline.value))
                write_docx(document, tmp / "w.docx")
                write_pdf(document, tmp / "w.pdf")

            plain = [timed(writers) for _ in range(args.runs)]
            docx = next(out.glob("*.docx"))
            cold = timed(lambda: soffice(docx, tmp / "lo", profile))
            theirs = [timed(lambda: soffice(docx, tmp / "lo", profile)) for _ in range(args.runs)]
            ours_m, plain_m, theirs_m = statistics.median(ours), statistics.median(plain), statistics.median(theirs)
            print(f"{name:38} {ours_m:7.3f}s {plain_m:7.3f}s {theirs_m:11.3f}s {theirs_m / ours_m:8.1f}× "
                  f"{theirs_m / plain_m:8.1f}×")
            print(f"{'':38} first export {first:.3f}s (imports and fonts); LibreOffice cold {cold:.3f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

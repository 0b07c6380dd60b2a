"""Benchmark: importing a 20-page report (last year's 自评报告) from Word and from PDF.

Run from the repository root: `python bench/bench_report_import.py [--pages N] [--repeat K]`. Seed 000 is
grown with copies of its tasks until the program's own PDF export has at least N pages (default 20);
the Word and PDF files are then read back K times each (file → preview: text, headings, sections,
figures). Prints the best and median; the target is at most 2 s for a 20-page report.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.domain.model import WorkTask  # noqa: E402
from desktop.exchange import read_file  # noqa: E402
from desktop.report_import import read_report  # noqa: E402
from desktop.reports.export import export_report  # noqa: E402

SEED = ROOT / "tests/data/seed_000_jinkouhe_2024.fulian.json"
TARGET_S = 2.0


def pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def grown_report(copies: int):
    """Seed 000 with its eleven tasks repeated `copies` more times (titles numbered so each is its own)."""
    report = read_file(SEED)
    tasks = list(report.tasks)
    for n in range(copies):
        tasks += [WorkTask(title=f"{t.title}（续{n + 1}）", narrative=t.narrative) for t in report.tasks]
    report.tasks = tasks
    report.activities = []  # no ledger sentences: the words are the clerk's
    return report


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        copies = 0
        while True:
            out = Path(folder) / f"r{copies}"
            paths = {p.suffix[1:]: p for p in export_report(grown_report(copies), out, ("docx", "pdf")).paths}
            pages = pdf_pages(paths["pdf"])
            if pages >= args.pages:
                break
            copies += 1
        print(f"report: {pages} pages (PDF), {len(grown_report(copies).tasks)} tasks; "
              f"docx {paths['docx'].stat().st_size // 1024} KB, pdf {paths['pdf'].stat().st_size // 1024} KB")
        worst = 0.0
        for kind in ("docx", "pdf"):
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                preview = read_report(paths[kind])
                times.append(time.perf_counter() - start)
            worst = max(worst, statistics.median(times))
            print(f"import {kind}: best {min(times):.3f} s, median {statistics.median(times):.3f} s "
                  f"({len(preview.fields)} fields, {len(preview.report.tasks)} tasks, {len(preview.unplaced)} unplaced)")
        print(f"target ≤ {TARGET_S:.1f} s for a {args.pages}-page report: {'met' if worst <= TARGET_S else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

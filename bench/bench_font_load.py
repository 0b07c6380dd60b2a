"""Loading the PDF faces from the font cache, and the PDF export that subsets them, in fresh processes.

Each run is a new interpreter (faces are registered once per process), with the parsed-metrics cache
(reports/font_cache.py) already written by an earlier run, as on a PC after its first export. It times:
  load   the five role faces of seed 000 (register_pdf_fonts; cache read, font files opened)
  pdf1   the first write_pdf of seed 000 after that (layout, font subsets, compression)
  pdf2   a second write_pdf in the same process (nothing left to load)
With another checkout of the project as second argument, the same runs alternate between the two
(e.g. before and after a change); each checkout keeps its own cache folder.
Run from the project root:  python bench/bench_font_load.py [rounds] [other_project_root]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "seed_000_jinkouhe_2024.fulian.json"


def child(out: Path) -> None:
    """One measured process (the project to time is first on PYTHONPATH)."""
    from desktop.exchange import read_file
    from desktop.reports.build import build_document
    from desktop.reports.fonts import register_pdf_fonts, resolve_faces
    from desktop.reports.outline import load_outline
    from desktop.reports.pdf_writer import write_pdf

    report = read_file(SEED)
    document = build_document(report, load_outline(report.outline.value))
    faces = resolve_faces()
    start = time.perf_counter()
    register_pdf_fonts(faces)
    load = time.perf_counter() - start
    start = time.perf_counter()
    write_pdf(document, out / "first.pdf")
    first = time.perf_counter() - start
    start = time.perf_counter()
    write_pdf(document, out / "second.pdf")
    second = time.perf_counter() - start
    print(json.dumps({"load": load, "pdf1": first, "pdf2": second}))


def run(root: Path, tmp: Path, cache: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(root), XDG_CACHE_HOME=str(cache), XDG_DATA_HOME=str(tmp / "data"))
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", str(tmp)],
                          check=True, capture_output=True, text=True, env=env, timeout=300, cwd=root)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    args = [a for a in sys.argv[1:]]
    if args and args[0] == "--child":
        child(Path(args[1]))
        return 0
    rounds = int(args[0]) if args else 7
    roots = [ROOT] + [Path(a).resolve() for a in args[1:2]]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        caches = {root: tmp / f"cache{i}" for i, root in enumerate(roots)}
        for root in roots:
            run(root, tmp, caches[root])  # writes the cache (and .pyc files), untimed
        figures: dict[Path, list[dict]] = {root: [] for root in roots}
        for _ in range(rounds):
            for root in roots:
                figures[root].append(run(root, tmp, caches[root]))
        for root in roots:
            medians = {k: statistics.median(f[k] for f in figures[root]) * 1000 for k in ("load", "pdf1", "pdf2")}
            print(f"{str(root):40} load five faces {medians['load']:6.1f} ms   first write_pdf {medians['pdf1']:6.1f} ms"
                  f"   second write_pdf {medians['pdf2']:6.1f} ms   (medians of {rounds} processes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

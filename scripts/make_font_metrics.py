"""Parse the bundled fonts once and keep their metrics in resources/fonts/metrics (not in git).

Run by setup.sh (and so by build.sh before bundling): the first PDF made on a PC then reads the
metrics instead of parsing four 6–9 MB faces (reports/font_cache.py). A program without them still
works; it parses each face once and keeps it in the user's cache folder.

    .venv/bin/python scripts/make_font_metrics.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.reports.font_cache import shipped_dir, write_shipped  # noqa: E402
from desktop.reports.fonts import bundled_font_files  # noqa: E402


def main() -> int:
    files = bundled_font_files()
    written = write_shipped(files)
    print(f"font metrics: {len(written)} of {len(files)} faces in {shipped_dir()}")
    # Not a failure of the set-up: a face without metrics is parsed at its first use (build.sh checks
    # that a bundle has them).
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

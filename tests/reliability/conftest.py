"""The reliability suite: repeated trials whose counts are printed as a table (test, trials, failures).

`FULIAN_TRIALS` sets how many trials each repeated test runs: small by default so that CI stays within a
few minutes; bench/bench_reliability.py runs the same tests with a large number. Each test records its
figures with the `figures` fixture; the table is printed at the end of the run and, when
`FULIAN_FIGURES` names a file, written there as JSON for the bench script.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLI = "import sys; from desktop.cli import main; sys.exit(main())"
_TABLE: list["Figures"] = []


def trials(default: int) -> int:
    """How many trials to run: FULIAN_TRIALS when set (the bench), else the test's small CI number."""
    value = os.environ.get("FULIAN_TRIALS")
    return max(1, int(value)) if value else default


@dataclass
class Figures:
    test: str
    trials: int = 0
    failures: int = 0
    interrupted: int = 0  # crash trials: how many kills landed before the command had finished
    notes: list[str] = field(default_factory=list)

    def trial(self, ok: bool, note: str = "", interrupted: bool = False) -> None:
        self.trials += 1
        self.interrupted += bool(interrupted)
        if not ok:
            self.failures += 1
            if note and len(self.notes) < 5:
                self.notes.append(note)


@pytest.fixture
def figures(request) -> Figures:
    entry = Figures(request.node.name)
    _TABLE.append(entry)
    yield entry
    assert entry.failures == 0, f"{entry.failures} of {entry.trials} trials failed: {entry.notes}"


def pytest_terminal_summary(terminalreporter):
    if not _TABLE:
        return
    terminalreporter.section("reliability figures")
    width = max(len(f.test) for f in _TABLE)
    terminalreporter.write_line(f"{'test'.ljust(width)}  trials  failures  killed mid-way")
    for f in _TABLE:
        terminalreporter.write_line(f"{f.test.ljust(width)}  {f.trials:6d}  {f.failures:8d}  {f.interrupted:14d}")
    target = os.environ.get("FULIAN_FIGURES")
    if target:
        Path(target).write_text(
            json.dumps([f.__dict__ for f in _TABLE], ensure_ascii=False, indent=1), encoding="utf-8"
        )


def cli(*args: str, timeout: float = 120, **popen) -> subprocess.Popen:
    """The real command line in its own process (`fulian …`), started and not waited for."""
    return subprocess.Popen(
        [sys.executable, "-c", CLI, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )

"""Environment faults under the real command line: every one ends in a Chinese message and exit 2, never a traceback.

Locked, read-only, full (a small tmpfs; root only), damaged, foreign and newer databases, each met by
import, export-data and export. The upgrade through the real second migration (with its backup, and a
failing step rolled back) is tested in tests/storage/test_migrations.py.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import cli

UNIT = "乐山市金口河区妇女联合会"
CHINESE = re.compile(r"[\u4e00-\u9fff]")
COMMANDS = {
    "import": lambda seed, out: ["import", str(seed), "--replace"],
    "export-data": lambda seed, out: ["export-data", "--unit", UNIT, "--year", "2024", str(out / "导出.fulian.json")],
    "export": lambda seed, out: ["export", "--unit", UNIT, "--year", "2024", "--out", str(out / "文档")],
}


def run(db: Path, command: str, seed: Path, out: Path) -> tuple[int, str]:
    process = cli("--db", str(db), *COMMANDS[command](seed, out))
    stdout, stderr = process.communicate(timeout=120)
    return process.returncode, stdout + stderr


def imported(folder: Path, seed: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "fulian.db"
    process = cli("--db", str(db), "import", str(seed))
    process.communicate(timeout=120)
    assert process.returncode == 0
    return db


def refused_cleanly(status: int, text: str, words: tuple[str, ...]) -> bool:
    return status == 2 and "Traceback" not in text and bool(CHINESE.search(text)) and all(w in text for w in words)


def test_locked_beyond_the_busy_timeout(tmp_path, seed_paths, figures):
    db = imported(tmp_path / "locked", seed_paths[0])
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time\n"
        f"c = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
        "c.execute('BEGIN EXCLUSIVE'); c.execute('UPDATE units SET superior = superior')\n"
        "print('held', flush=True); time.sleep(60)\n"
    )], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        status, text = run(db, "import", seed_paths[0], tmp_path)
        figures.trial(refused_cleanly(status, text, ("正被另一个程序使用",)), text[-300:])
    finally:
        holder.kill()
        holder.wait()


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB tmpfs (root only); remounted read-only or filled by the tests."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    folder = tmp_path / "disk"
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)]).returncode != 0:
        pytest.skip("this machine cannot mount a tmpfs")
    yield folder
    subprocess.run(["umount", "-l", str(folder)])


@pytest.mark.parametrize("command", list(COMMANDS))
def test_full_disk(small_disk, seed_paths, figures, command):
    db = imported(small_disk / "data", seed_paths[0])
    before = shutil.copy(db, small_disk.parent / "before.db")
    filler = small_disk / "filler"
    free = shutil.disk_usage(small_disk).free
    filler.write_bytes(b"\0" * max(0, free - 16 * 1024))
    status, text = run(db, command, seed_paths[1] if command == "import" else seed_paths[0], small_disk)
    ok = refused_cleanly(status, text, ("磁盘空间不足",)) or (status == 0 and command != "import")
    leftovers = [p for p in small_disk.rglob("*") if p.is_file() and p.suffix in (".json", ".docx", ".pdf")]
    figures.trial(ok and (status == 0 or not leftovers), f"{command}: {status} {text[-200:]} {leftovers}")
    filler.unlink()
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert Path(before).exists()


def test_read_only_disk(small_disk, seed_paths, figures):
    db = imported(small_disk / "data", seed_paths[0])
    assert subprocess.run(["mount", "-o", "remount,ro", str(small_disk)]).returncode == 0
    for command in COMMANDS:
        status, text = run(db, command, seed_paths[0], small_disk)
        figures.trial(refused_cleanly(status, text, ("只读",)), f"{command}: {status} {text[-300:]}")


def test_damaged_page_in_the_middle(tmp_path, seed_paths, figures):
    for page in (3, 8, 15):
        db = imported(tmp_path / f"p{page}", seed_paths[0])
        with open(db, "r+b") as handle:
            handle.seek(4096 * page)
            handle.write(b"\x0d\x00\x00" + b"\xff" * 4000)
        for command in COMMANDS:
            status, text = run(db, command, seed_paths[0], tmp_path / f"p{page}")
            # A page no command reads may stay unnoticed; what is read must be refused cleanly.
            ok = status == 0 or refused_cleanly(status, text, ("已损坏",))
            figures.trial(ok, f"page {page} {command}: {status} {text[-300:]}")


def test_foreign_and_newer_databases(tmp_path, seed_paths, figures):
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as raw:
        raw.execute("CREATE TABLE contacts (name TEXT)")
    newer = imported(tmp_path / "newer", seed_paths[0])
    with sqlite3.connect(newer) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_future'")
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("会议记录", encoding="utf-8")
    for db, words in ((foreign, ("其他程序的数据库",)), (newer, ("更新版本",)), (not_sqlite, ("不是数据库文件",))):
        before = db.read_bytes()
        for command in COMMANDS:
            status, text = run(db, command, seed_paths[0], tmp_path)
            figures.trial(refused_cleanly(status, text, words) and db.read_bytes() == before,
                          f"{db.name} {command}: {status} {text[-300:]}")

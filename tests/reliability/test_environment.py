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
from contextlib import contextmanager
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


@contextmanager
def held_by_another_program(take_lock: str):
    """Another process that runs `take_lock` (Python) and holds what it took until the block ends."""
    holder = subprocess.Popen([sys.executable, "-c", f"import time\n{take_lock}\nprint('held', flush=True); time.sleep(60)\n"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.kill()
        holder.wait()


def test_locked_beyond_the_busy_timeout(tmp_path, seed_paths, figures):
    db = imported(tmp_path / "locked", seed_paths[0])
    with held_by_another_program(
        "import sqlite3\n"
        f"c = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
        "c.execute('BEGIN EXCLUSIVE'); c.execute('UPDATE units SET superior = superior')"
    ):
        status, text = run(db, "import", seed_paths[0], tmp_path)
        figures.trial(refused_cleanly(status, text, ("正被另一个程序使用",)), text[-300:])


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


# ------------------------------------------------------------------ the same faults on a PostgreSQL server
#
# A server database has no file of its own on the clerk's PC: a locked file becomes a table locked by
# another connection, a read-only disk a login allowed only to read, a full disk a full server disk (the
# database's tablespace on a small tmpfs), a foreign or newer file a foreign or newer database, and a
# server that is not there is a fault of its own. SQLite-only, with no server counterpart: a damaged page
# and a file that is no database (the server owns its files; its own checks answer for them).


def imported_on_server(pg_server, seed: Path, name: str | None = None) -> str:
    url = pg_server.url(name or pg_server.new_database())
    process = cli("--db", url, "import", str(seed))
    process.communicate(timeout=120)
    assert process.returncode == 0
    return url


def test_server_table_locked_beyond_the_lock_timeout(pg_server, seed_paths, tmp_path, figures):
    from tests.db_dump import dump

    url = imported_on_server(pg_server, seed_paths[0])
    before = dump(url)
    with held_by_another_program(
        "import psycopg\n"
        f"c = psycopg.connect({url!r})\n"
        "c.execute('LOCK TABLE reports IN ACCESS EXCLUSIVE MODE')"
    ):
        started = time.monotonic()
        status, text = run(url, "import", seed_paths[0], tmp_path)
        waited = time.monotonic() - started
        figures.trial(refused_cleanly(status, text, ("超时",)) and waited < 60, f"{waited:.1f}s {text[-300:]}")
    assert dump(url) == before


def test_server_not_there_for_every_command(seed_paths, tmp_path, figures):
    from tests.pg_server import free_port

    url = f"postgresql://fulian:x@127.0.0.1:{free_port()}/fulian"
    for command in COMMANDS:
        status, text = run(url, command, seed_paths[0], tmp_path)
        figures.trial(refused_cleanly(status, text, ("无法连接数据库服务器",)), f"{command}: {status} {text[-300:]}")
    assert not list(tmp_path.rglob("*.fulian.json")) and not list(tmp_path.rglob("*.docx"))


def test_server_login_allowed_only_to_read(pg_server, seed_paths, tmp_path, figures):
    """The counterpart of a read-only disk: reading commands work, writing ones are refused cleanly."""
    from tests.db_dump import dump

    url = imported_on_server(pg_server, seed_paths[0])
    database = url.rsplit("/", 1)[1]
    reader = f"r_{database}"
    pg_server.psql(f"CREATE ROLE {reader} LOGIN PASSWORD 'reader-secret'")
    pg_server.psql(f'GRANT CONNECT ON DATABASE "{database}" TO {reader}')
    pg_server.psql(f"GRANT USAGE ON SCHEMA public TO {reader}; GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reader}",
                   dbname=database)
    reader_url = f"postgresql://{reader}:reader-secret@127.0.0.1:{pg_server.port}/{database}"
    before = dump(url)
    try:
        for command in COMMANDS:
            (tmp_path / command).mkdir()
            status, text = run(reader_url, command, seed_paths[0], tmp_path / command)
            ok = refused_cleanly(status, text, ("权限",)) if command == "import" else status == 0
            figures.trial(ok, f"{command}: {status} {text[-300:]}")
        assert dump(url) == before
    finally:
        pg_server.drop_database(database)
        pg_server.psql(f"DROP ROLE IF EXISTS {reader}")


def test_server_disk_full(pg_server, seed_paths, tmp_path, figures):
    """The database's tablespace on a small tmpfs, filled: the server refuses the write, nothing is half saved."""
    from tests.db_dump import dump

    if os.geteuid() != 0 or pg_server.run_as is None:
        pytest.skip("mounting a tmpfs for the server needs root")
    import tempfile

    # Outside pytest's own folders, which the server's account may not enter.
    disk = Path(tempfile.mkdtemp(prefix="fulian-test-pgdisk-"))
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m,mode=0755", "tmpfs", str(disk)]).returncode != 0:
        disk.rmdir()
        pytest.skip("this machine cannot mount a tmpfs")
    space = disk / "space"
    name = f"full_{os.getpid()}"
    try:
        space.mkdir()
        shutil.chown(space, pg_server.run_as, pg_server.run_as)
        pg_server.psql(f"CREATE TABLESPACE {name} LOCATION '{space}'")
        pg_server.psql(f'CREATE DATABASE "{name}" OWNER fulian TABLESPACE {name}')
        url = imported_on_server(pg_server, seed_paths[0], name)
        before = dump(url)
        filler = disk / "filler"
        with open(filler, "wb", buffering=0) as handle:  # every last block: no new row of the import finds room
            try:
                while True:
                    handle.write(b"\0" * 65536)
            except OSError:
                pass
        status, text = run(url, "import", seed_paths[1], tmp_path)
        figures.trial(refused_cleanly(status, text, ("磁盘空间不足",)), f"{status} {text[-300:]}")
        filler.unlink()
        assert dump(url) == before  # the refused import left nothing behind
    finally:
        pg_server.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        pg_server.psql(f"DROP TABLESPACE IF EXISTS {name}")
        subprocess.run(["umount", "-l", str(disk)])
        shutil.rmtree(disk, ignore_errors=True)


def test_foreign_and_newer_databases_on_a_server(pg_server, seed_paths, tmp_path, figures):
    from tests.db_dump import dump

    foreign = pg_server.new_database()
    pg_server.psql("SET ROLE fulian; CREATE TABLE contacts (name TEXT)", dbname=foreign)
    foreign = pg_server.url(foreign)
    newer = imported_on_server(pg_server, seed_paths[0])
    pg_server.psql("UPDATE alembic_version SET version_num = '9999_future'", dbname=newer.rsplit("/", 1)[1])
    for url, words in ((foreign, ("其他程序的表",)), (newer, ("更新版本",))):
        before = dump(url)
        for command in COMMANDS:
            status, text = run(url, command, seed_paths[0], tmp_path)
            figures.trial(refused_cleanly(status, text, words) and dump(url) == before,
                          f"{url.rsplit('/', 1)[1]} {command}: {status} {text[-300:]}")

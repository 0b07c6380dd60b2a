"""A shared database on a real PostgreSQL server: migrations, data-file backups, and the network's faults.

Each fault is made for real on the test server: a port nobody listens on, a wrong password, a database
that does not exist, a statement held up by another PC's lock, connections the server drops, and the
server itself stopped in the middle of a save.
"""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.exchange import read_file
from desktop.paths import migrations_dir
from desktop.storage import NewerDatabaseError, StorageEnvironmentError, open_database
from desktop.storage.migrations import alembic_config, head_revision
from desktop.storage.server import ServerLocation, is_server_locator, parse_server_url
from desktop.storage.server_errors import (
    ConnectionLostError,
    InvalidServerAddressError,
    NotOurServerDatabaseError,
    ServerAuthenticationError,
    ServerDatabaseMissingError,
    ServerTimeoutError,
    ServerUnreachableError,
)
from tests.db_dump import dump
from tests.pg_server import free_port

from .sample import rich_report

NEXT_REVISION = '''
"""The next program version's schema: a note on every report."""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("reports", sa.Column("note", sa.Text(), nullable=True))
    {extra}


def downgrade():
    op.drop_column("reports", "note")
'''


def next_version_scripts(tmp_path: Path, extra: str = "pass") -> Path:
    """A copy of db/ with one more revision: plays the part of the next version of the program."""
    scripts = tmp_path / "next-version-db"
    shutil.copytree(migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = head_revision(alembic_config())
    source = NEXT_REVISION.replace("{head}", head).replace("{extra}", extra)
    (scripts / "versions" / "9001_note.py").write_text(source, encoding="utf-8")
    return scripts


@pytest.fixture
def url(pg_server):
    return pg_server.url(pg_server.new_database())


def revision_on(url: str) -> str | None:
    return dump(url)["alembic_version"][0][0]


# ------------------------------------------------------------------ addresses


def test_server_urls_are_told_from_file_paths():
    assert is_server_locator("postgresql://clerk@192.168.1.10:5432/fulian")
    assert is_server_locator("postgres://clerk@server/fulian")
    assert not is_server_locator(r"C:\Users\clerk\fulian.db") and not is_server_locator("fulian.db")
    location = parse_server_url("postgresql://clerk:secret@192.168.1.10/fulian")
    assert (location.host, location.port, location.database, location.user) == ("192.168.1.10", 5432, "fulian", "clerk")
    assert location.password == "secret"
    assert "secret" not in location.label and "secret" not in str(location)
    assert location.label == "postgresql://clerk@192.168.1.10:5432/fulian"


@pytest.mark.parametrize(
    "bad, words",
    [
        ("postgresql://clerk@/fulian", "缺少服务器地址"),
        ("postgresql://clerk@server:5432/", "缺少数据库名"),
        ("postgresql://server:5432/fulian", "缺少用户名"),
        ("postgresql://clerk:pw@server:port/fulian", "端口应是数字"),
    ],
)
def test_an_incomplete_address_is_refused_in_chinese(bad, words):
    with pytest.raises(InvalidServerAddressError) as caught:
        open_database(bad)
    assert words in caught.value.message and "postgresql://用户名@服务器地址:5432/数据库名" in caught.value.message
    assert ":pw@" not in caught.value.message  # a password typed into the address is never shown


# ------------------------------------------------------------------ schema


def test_a_new_server_database_is_created_at_head_by_the_same_migrations(url, open_db):
    db = open_db(url)
    assert db.is_shared and db.backup is None
    assert revision_on(url) == head_revision(alembic_config())
    assert isinstance(db.path, ServerLocation) and db.locator.startswith("postgresql://fulian@127.0.0.1:")


def test_upgrade_backs_up_every_report_as_data_files_first(url, open_db, tmp_path):
    db = open_db(url)
    first = db.reports().save(rich_report(activities=25))
    second = db.reports().save(rich_report(unit_name="第二妇联", year=2023, activities=3))
    db.close()

    upgraded = open_db(url, scripts=next_version_scripts(tmp_path), backup_root=tmp_path / "备份")
    folder = upgraded.backup
    assert revision_on(url) == "9001"
    assert folder is not None and folder.parent == tmp_path / "备份"
    assert folder.name.startswith("t_") and "_127.0.0.1-" in folder.name and f"-{head_revision(alembic_config())}-" in folder.name
    files = sorted(folder.glob("*.fulian.json"))
    assert [p.name for p in files] == ["乐山市金口河区妇女联合会-2024.fulian.json", "第二妇联-2023.fulian.json"]
    # Each file is a whole report, read back by the same reader that imports data files.
    backed_up = {(r.unit.name, r.fiscal_year): r for r in map(read_file, files)}
    for report in (first, second):
        copy = backed_up[(report.unit.name, report.fiscal_year)]
        copy.id, copy.unit.id = report.id, report.unit.id
        assert copy == report
    assert upgraded.reports().get(first.unit.id, 2024) == first


def test_an_upgrade_whose_backup_cannot_be_written_changes_nothing(url, open_db, tmp_path):
    db = open_db(url)
    db.reports().save(rich_report())
    db.close()
    before = dump(url)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the backup folder should go")
    with pytest.raises(StorageEnvironmentError):
        open_database(url, scripts=next_version_scripts(tmp_path), backup_root=blocked)
    assert revision_on(url) == head_revision(alembic_config())
    assert dump(url) == before


def test_a_failed_upgrade_step_changes_nothing(url, open_db, tmp_path):
    db = open_db(url)
    db.reports().save(rich_report())
    db.close()
    before = dump(url)
    broken = next_version_scripts(tmp_path, extra='op.create_table("half_done", sa.Column("x", sa.Integer()))\n'
                                                   '    raise RuntimeError("broken step")')
    with pytest.raises(Exception, match="broken step"):
        open_database(url, scripts=broken, backup_root=tmp_path / "备份")
    assert revision_on(url) == head_revision(alembic_config())
    assert dump(url) == before
    with open_database(url) as db, db.engine.connect() as conn:
        assert conn.execute(text("SELECT to_regclass('half_done') IS NULL")).scalar() is True
    assert not list((tmp_path / "备份").glob("*"))  # no half backup left to be trusted


def test_a_database_of_a_newer_program_is_refused_untouched(url, open_db, tmp_path):
    open_db(url, scripts=next_version_scripts(tmp_path)).close()
    before = dump(url)
    with pytest.raises(NewerDatabaseError) as caught:
        open_database(url)
    assert "此数据库由更新版本的程序创建，请升级程序" in caught.value.message and "9001" in caught.value.message
    assert dump(url) == before


def test_a_database_of_another_program_is_refused_untouched(pg_server, url):
    pg_server.psql("CREATE TABLE customers (id int PRIMARY KEY, name text)", url.rsplit("/", 1)[1])
    with pytest.raises(NotOurServerDatabaseError) as caught:
        open_database(url)
    assert "其他程序" in caught.value.message
    tables = pg_server.psql("SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'",
                            url.rsplit("/", 1)[1])
    assert tables == "customers"


# ------------------------------------------------------------------ the network's faults


def test_a_server_that_is_not_there_is_reported_within_seconds():
    started = time.monotonic()
    with pytest.raises(ServerUnreachableError) as caught:
        open_database(f"postgresql://clerk:pw@127.0.0.1:{free_port()}/fulian", connect_timeout_s=2)
    assert time.monotonic() - started < 5
    assert "无法连接数据库服务器 127.0.0.1:" in caught.value.message and "PostgreSQL 服务" in caught.value.message
    assert isinstance(caught.value, StorageEnvironmentError)


def test_a_server_that_does_not_answer_times_out_within_seconds():
    # A listening socket that never speaks PostgreSQL: the connection opens, the server never answers.
    import socket

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(5)
        port = silent.getsockname()[1]
        started = time.monotonic()
        with pytest.raises(ServerUnreachableError):
            open_database(f"postgresql://clerk:pw@127.0.0.1:{port}/fulian", connect_timeout_s=2)
        assert time.monotonic() - started < 6


def test_a_wrong_password_and_a_missing_database_are_told_apart(pg_server, url):
    with pytest.raises(ServerAuthenticationError) as caught:
        open_database(url.replace(":fulian-test-secret@", ":wrong@"))
    assert "用户名“fulian”或密码不正确" in caught.value.message
    with pytest.raises(ServerDatabaseMissingError) as caught:
        open_database(pg_server.url("no_such_database"))
    assert "没有名为“no_such_database”的数据库" in caught.value.message


def test_a_statement_held_up_too_long_is_cancelled_with_a_message(url, open_db):
    db = open_db(url, statement_timeout_ms=700)
    report = db.reports().save(rich_report())
    report.title = "等锁时的修改"
    other = open_db(url)
    with other.engine.connect() as blocker:
        blocker.begin()
        # Another PC holds the report's row (e.g. in the middle of its own long save).
        blocker.execute(text("SELECT id FROM reports WHERE id = :id FOR UPDATE"), {"id": report.id})
        started = time.monotonic()
        with pytest.raises(ServerTimeoutError) as caught:
            db.reports().save(report)
        assert time.monotonic() - started < 5
        blocker.rollback()
    assert "操作已超时取消" in caught.value.message and "修改没有保存" in caught.value.message
    assert db.reports().get(report.unit.id, 2024).title != "等锁时的修改"


def test_connections_dropped_while_idle_are_replaced_silently(pg_server, url, open_db):
    db = open_db(url)
    db.reports().save(rich_report())
    name = url.rsplit("/", 1)[1]
    # The server drops every connection of the program (restart, administrator, idle cut-off).
    pg_server.psql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")
    assert [u.name for u in db.units().list()] == ["乐山市金口河区妇女联合会"]


def test_a_finished_save_survives_the_server_killed_right_after(pg_server, url, open_db):
    # Once the program has said 已保存 the report must outlive a server crash, however soon after.
    db = open_db(url, connect_timeout_s=2)
    report = db.reports().save(rich_report(activities=3))
    try:
        pg_server.stop("immediate")
    finally:
        pg_server.start()
    assert db.reports().get(report.unit.id, 2024) == report


def test_a_server_killed_mid_save_leaves_no_partial_report(pg_server, url, open_db):
    db = open_db(url, connect_timeout_s=2)
    report = db.reports().save(rich_report(activities=10))
    before = dump(url)
    big = rich_report(activities=20_000)
    big.id, big.unit.id, big.revision = report.id, report.unit.id, report.revision
    big.title = "保存到一半"
    name = url.rsplit("/", 1)[1]
    outcome: list[BaseException] = []

    def save() -> None:
        try:
            db.reports().save(big)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    saver = threading.Thread(target=save)
    saver.start()
    try:
        # Wait until the save is inside its transaction, writing the ledger.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            busy = pg_server.psql(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = "
                f"'{name}' AND state = 'active' AND query ILIKE 'INSERT INTO activities%'"
            )
            if busy != "0" or not saver.is_alive():
                break
            time.sleep(0.01)
        pg_server.stop("immediate")  # as if the server lost power
        saver.join(20)
    finally:
        if pg_server.stopped:
            pg_server.start()
    assert not saver.is_alive()
    assert outcome and isinstance(outcome[0], ConnectionLostError), outcome
    assert "连接中断" in outcome[0].message and "修改没有保存" in outcome[0].message
    assert dump(url) == before  # nothing of the half-done save survived
    assert db.reports().get(report.unit.id, 2024) == report

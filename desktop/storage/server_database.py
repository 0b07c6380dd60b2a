"""Opening a shared database on a PostgreSQL server: the same Alembic migrations, a data-file backup first.

A clerk's PC has no pg_dump, and the server may be far away: before an upgrade, every report is written
as a data file (.fulian.json, the exchange format that 从备份恢复 and `fulian import` read) into a dated
folder on this PC. PostgreSQL runs DDL inside transactions, so the upgrade, the backup and the check
are one transaction: if the backup cannot be written, the upgrade is rolled back and the database stays
as it was. An advisory lock makes a second PC that opens the database at the same moment wait, then
find it already upgraded.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, inspect, text

from .errors import NewerDatabaseError
from .server import ServerLocation, make_server_engine
from .server_errors import NotOurServerDatabaseError
from .translate import translated

VERSION_TABLE = "alembic_version"
# pg_advisory_xact_lock key: one number for "this program is migrating this database" (ASCII "FULI").
MIGRATION_LOCK = 0x46554C49


def open_server_database(
    location: ServerLocation,
    *,
    scripts: Path | None = None,
    backup_root: Path | None = None,
    connect_timeout_s: int | None = None,
    statement_timeout_ms: int | None = None,
):
    """Connect, bring the schema to head (backing up first when it held data), return a Database."""
    from .handle import Database
    from .migrations import alembic_config

    options = {}
    if connect_timeout_s is not None:
        options["connect_timeout_s"] = connect_timeout_s
    if statement_timeout_ms is not None:
        options["statement_timeout_ms"] = statement_timeout_ms
    engine = make_server_engine(location, **options)
    try:
        backup = upgrade_server(engine, location, alembic_config(scripts), backup_root)
    except BaseException:
        engine.dispose()
        raise
    return Database(location, engine, backup, backup_root)


def stored_revision(connection: Connection) -> tuple[str | None, set[str]]:
    """The schema revision and the table names in the database's default schema."""
    tables = set(inspect(connection).get_table_names())
    revision = None
    if VERSION_TABLE in tables:
        revision = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
    return revision, tables


def upgrade_server(engine, location: ServerLocation, config: Config, backup_root: Path | None) -> Path | None:
    """Migrate to head in one transaction; returns the backup folder when the database held reports."""
    from .migrations import head_revision, is_known

    head = head_revision(config)
    with translated(location), engine.connect() as connection:
        # Asked first without the lock: the usual case (already at head) costs one round trip.
        revision, tables = stored_revision(connection)
        connection.rollback()
        if revision == head:
            return None
        with connection.begin():
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            revision, tables = stored_revision(connection)
            if revision == head:
                return None  # another PC upgraded it while we waited for the lock
            if revision is None and tables - {VERSION_TABLE}:
                raise NotOurServerDatabaseError(location)
            if revision is not None and not is_known(config, revision):
                raise NewerDatabaseError(_Named(location.name), revision)
            config.attributes["connection"] = connection
            try:
                command.upgrade(config, "head")
            finally:
                config.attributes.pop("connection", None)
            if revision is None:
                return None
            return backup_reports(connection, location, revision, backup_root)


class _Named:
    """NewerDatabaseError names a file by `.name`; a server database is named by database and host."""

    def __init__(self, name: str):
        self.name = name

    def __str__(self) -> str:
        return self.name


def backup_folder_prefix(location: ServerLocation) -> str:
    """The start of every backup folder's name of this database: <database>@<host>, made file-safe."""
    return re.sub(r"[^\w.-]+", "_", f"{location.database}@{location.host}")


def backup_folder_for(location: ServerLocation, revision: str, root: Path, now: datetime | None = None) -> Path:
    """<root>/<database>@<host>-<revision>-<YYYYMMDD-HHMMSS>: dated, never an existing folder."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    safe = backup_folder_prefix(location)
    candidate = root / f"{safe}-{revision}-{stamp}"
    n = 1
    while candidate.exists():
        n += 1
        candidate = root / f"{safe}-{revision}-{stamp}-{n}"
    return candidate


def backup_reports(connection: Connection, location: ServerLocation, revision: str, root: Path | None) -> Path:
    """Every report as a data file in a new dated folder; raises (rolling the upgrade back) if one fails.

    Read inside the upgrade's own transaction, after the schema steps and before anything is committed.
    """
    from ..exchange import write_file
    from ..paths import user_data_dir
    from .report_repository import load_all

    folder = backup_folder_for(location, revision, root or user_data_dir() / "备份")
    try:
        with translated(folder, os_errors=True):
            folder.mkdir(parents=True)
            for report in load_all(connection):
                write_file(report, folder / data_file_name(report.unit.name, report.fiscal_year))
    except BaseException:
        _remove_partial(folder)
        raise
    return folder


def data_file_name(unit_name: str, year: int) -> str:
    safe = re.sub(r'[\\/:*?"<>|\s]+', "_", unit_name).strip("_") or "单位"
    return f"{safe}-{year}.fulian.json"


def _remove_partial(folder: Path) -> None:
    """No half-written backup left behind to be mistaken for a whole one."""
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


# ------------------------------------------------------------------ 测试连接


class ServerProbe:
    """What 测试连接 found: the server's version and whether the database is empty, ours, or newer."""

    def __init__(self, server_version: str, revision: str | None, foreign_tables: bool, head: str, known: bool):
        self.server_version = server_version
        self.revision = revision
        self.foreign_tables = foreign_tables
        self.head = head
        self.known = known

    @property
    def summary(self) -> str:
        """One Chinese sentence for the dialog."""
        if self.foreign_tables:
            return "已连接，但该数据库里有其他程序的表：请为本程序单独创建一个空数据库。"
        if self.revision is None:
            state = "数据库是空的，第一次使用时程序会自动建表"
        elif self.revision == self.head:
            state = "数据库已是本程序的数据库"
        elif self.known:
            state = "数据库将由本程序升级（升级前自动备份全部报告）"
        else:
            state = "数据库由更新版本的程序创建，请先升级本程序"
        return f"连接成功（PostgreSQL {self.server_version}）：{state}。"

    @property
    def usable(self) -> bool:
        return not self.foreign_tables and (self.revision is None or self.known)


def probe_server(location: ServerLocation, *, connect_timeout_s: int = 5) -> ServerProbe:
    """Connect once and look, changing nothing: for the 数据库设置 dialog's 测试连接."""
    from .migrations import alembic_config, head_revision, is_known

    config = alembic_config()
    engine = make_server_engine(location, connect_timeout_s=connect_timeout_s)
    try:
        with translated(location), engine.connect() as connection:
            version = connection.execute(text("SHOW server_version")).scalar() or ""
            revision, tables = stored_revision(connection)
    finally:
        engine.dispose()
    head = head_revision(config)
    return ServerProbe(
        server_version=version.split()[0],
        revision=revision,
        foreign_tables=revision is None and bool(tables - {VERSION_TABLE}),
        head=head,
        known=revision is not None and is_known(config, revision),
    )

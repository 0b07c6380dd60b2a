"""Upgrading an existing database: a backup first, all steps in one transaction, newer schemas refused.

Two kinds of "older" database: one this program wrote and then stepped back to 0001 with the shipped
downgrade (the real upgrades from 0001, up to the report revisions, are then run on it), and the current schema upgraded by a copy of
db/ with one extra revision that plays the part of the next program version.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.paths import migrations_dir
from alembic import command

from desktop.storage import MigrationFailedError, NewerDatabaseError, open_database
from desktop.storage.engine import make_engine
from desktop.storage.migrations import alembic_config, backup_database, backup_path_for, head_revision

from .sample import rich_report

HEAD = head_revision(alembic_config())
NEXT = "next"

REVISION_NEXT = '''
"""A later schema: a note on every report (rebuilds the reports table, as SQLite's batch ALTER does)."""
import sqlalchemy as sa
from alembic import op

revision = "next"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    # recreate="always": copy, drop and rename the parent of every other table, the step that would
    # cascade-delete all children if foreign keys were on during the migration.
    with op.batch_alter_table("reports", recreate="always") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))
    {extra}


def downgrade():
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("note")
'''


def scripts_with_next(tmp_path: Path, extra: str = "pass") -> Path:
    scripts = tmp_path / "next-version-db"
    shutil.copytree(migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    text = REVISION_NEXT.replace("{extra}", extra).replace("{head}", HEAD)
    (scripts / "versions" / "9999_note.py").write_text(text, encoding="utf-8")
    return scripts


def downgrade_to(path: Path, revision: str) -> None:
    """Step a database of this program back to an older schema with the shipped downgrade scripts."""
    engine = make_engine(path)
    config = alembic_config()
    try:
        with engine.connect() as connection:
            connection.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
            with connection.begin():
                config.attributes["connection"] = connection
                command.downgrade(config, revision)
    finally:
        engine.dispose()


def revision_of(path: Path) -> str:
    raw = sqlite3.connect(path)
    try:
        return raw.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        raw.close()


def count(path: Path, table: str) -> int:
    raw = sqlite3.connect(path)
    try:
        return raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        raw.close()


def test_new_database_is_created_at_head(tmp_path):
    path = tmp_path / "a" / "b" / "fulian.db"
    with open_database(path) as db:
        assert db.path == path and db.backup is None
    assert revision_of(path) == HEAD
    assert list(path.parent.glob("*.bak-*")) == []


def test_empty_file_is_migrated_from_nothing(tmp_path):
    path = tmp_path / "fulian.db"
    path.touch()
    with open_database(path) as db:
        report = db.reports().save(rich_report())
    assert revision_of(path) == HEAD
    assert count(path, "activities") == len(report.activities)
    assert list(tmp_path.glob("*.bak-*")) == []  # nothing there to back up


def test_upgrade_takes_a_backup_and_keeps_every_row(tmp_path):
    path = tmp_path / "fulian.db"
    with open_database(path) as db:
        report = db.reports().save(rich_report(activities=25))
    rows_before = {t: count(path, t) for t in ("activities", "indicators", "projects", "report_texts", "narratives")}

    with open_database(path, scripts=scripts_with_next(tmp_path)) as db:
        backup = db.backup
        assert db.reports().get(report.unit.id, 2024) == report

    assert revision_of(path) == NEXT
    assert {t: count(path, t) for t in rows_before} == rows_before  # the rebuild cascaded nothing away
    assert backup is not None and backup.parent == tmp_path
    assert backup.name.startswith(f"fulian.db.bak-{HEAD}-")
    assert revision_of(backup) == HEAD
    assert {t: count(backup, t) for t in rows_before} == rows_before
    assert "note" not in {r[1] for r in sqlite3.connect(backup).execute("PRAGMA table_info(reports)")}
    # The backup is a working database of the old version: this program opens it without upgrading.
    with open_database(backup) as old:
        assert old.reports().get(report.unit.id, 2024) == report
        assert old.backup is None


def test_real_upgrade_to_report_revisions_backs_up_first_and_keeps_every_row(tmp_path):
    path = tmp_path / "fulian.db"
    with open_database(path) as db:
        report = db.reports().save(rich_report(activities=25))
    downgrade_to(path, "0001")  # a database as the first version of the program left it
    assert "revision" not in {r[1] for r in sqlite3.connect(path).execute("PRAGMA table_info(reports)")}
    rows_before = {t: count(path, t) for t in ("activities", "indicators", "projects", "report_texts", "narratives")}

    with open_database(path) as db:
        backup = db.backup
        upgraded = db.reports().get(report.unit.id, 2024)
    # A version-0001 database had no unit of count: its lines come back 未注明单位, never guessed.
    assert all(a.beneficiary_unit is None for a in upgraded.activities)
    for line in report.activities:
        line.beneficiary_unit = None
    # … nor last year's totals or a choice of decimals for shares: unknown, so nothing is compared.
    assert (upgraded.finance.previous_income_total, upgraded.finance.share_places) == (None, None)
    report.finance.previous_income_total = report.finance.previous_expenditure_total = None
    report.finance.share_places = None
    assert upgraded == report and upgraded.revision == 1
    assert revision_of(path) == HEAD
    assert {t: count(path, t) for t in rows_before} == rows_before
    assert backup is not None and backup.name.startswith("fulian.db.bak-0001-")
    assert revision_of(backup) == "0001"
    assert {t: count(backup, t) for t in rows_before} == rows_before


def test_backup_sees_commits_still_in_the_wal(tmp_path):
    path = tmp_path / "fulian.db"
    db = open_database(path)
    try:
        report = db.reports().save(rich_report())
        # The database is still open: the commit lives in fulian.db-wal, not yet in fulian.db.
        assert (tmp_path / "fulian.db-wal").stat().st_size > 0
        backup = backup_database(path, HEAD)
    finally:
        db.close()
    assert count(backup, "activities") == len(report.activities)


def test_backup_name_never_overwrites(tmp_path):
    from datetime import datetime

    path = tmp_path / "fulian.db"
    now = datetime(2025, 3, 1, 9, 30, 0)
    first = backup_path_for(path, "0001", now)
    assert first.name == "fulian.db.bak-0001-20250301-093000"
    first.write_text("taken")
    second = backup_path_for(path, "0001", now)
    assert second != first and second.name == "fulian.db.bak-0001-20250301-093000-2"


def test_failed_upgrade_changes_nothing(tmp_path):
    path = tmp_path / "fulian.db"
    with open_database(path) as db:
        report = db.reports().save(rich_report())
    broken = scripts_with_next(
        tmp_path,
        extra='op.create_table("half_done", sa.Column("x", sa.Integer()))\n    raise RuntimeError("broken step")',
    )
    with pytest.raises(MigrationFailedError) as caught:
        open_database(path, scripts=broken)
    assert "升级已全部撤销，数据库保持原样" in caught.value.message
    assert isinstance(caught.value.__cause__, RuntimeError)  # the step's own error, kept for the log
    assert caught.value.backup is not None and revision_of(caught.value.backup) == HEAD
    assert revision_of(path) == HEAD
    raw = sqlite3.connect(path)
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    columns = {r[1] for r in raw.execute("PRAGMA table_info(reports)")}
    raw.close()
    assert "half_done" not in tables and "note" not in columns
    with open_database(path) as db:
        assert db.reports().get(report.unit.id, 2024) == report


def test_database_of_a_newer_program_is_refused_untouched(tmp_path):
    path = tmp_path / "fulian.db"
    with open_database(path, scripts=scripts_with_next(tmp_path)):
        pass
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError) as caught:
        open_database(path)  # this program does not know "next"
    assert "此数据库由更新版本的程序创建，请升级程序" in caught.value.message
    assert caught.value.revision == NEXT
    assert path.read_bytes() == before
    assert list(tmp_path.glob("fulian.db.bak-*")) == []


def test_terminal_configuration_points_at_the_same_scripts():
    # db/alembic.ini, for developers writing the next revision, must find this folder's scripts.
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config(str(migrations_dir() / "alembic.ini"))
    assert Path(ScriptDirectory.from_config(config).dir) == migrations_dir()
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD


def test_migration_file_does_not_import_the_application():
    # A migration must go on creating the same schema whatever the application's tables become.
    source = (migrations_dir() / "versions" / "0001_initial.py").read_text(encoding="utf-8")
    imports = [line for line in source.splitlines() if line.startswith(("import ", "from "))]
    assert imports and not [line for line in imports if "desktop" in line]

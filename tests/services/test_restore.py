"""从备份恢复: the live data is backed up first, the backup's data comes back whole, old schemas are upgraded."""

from __future__ import annotations

import pytest

from desktop.services import restore
from desktop.services.workspace import Workspace
from desktop.storage import open_database
from desktop.storage.backups import BEFORE_RESTORE

from tests.storage.test_migrations import downgrade_to


def test_restore_takes_a_backup_first_and_brings_the_old_data_back(db_path, seed_paths):
    database = open_database(db_path)
    try:
        workspace = Workspace(database)
        first = workspace.import_file(seed_paths[0])
        backup = restore.backups(workspace)  # none yet
        assert backup == []
        from desktop.storage.backups import take_backup

        taken = take_backup(db_path, "0002")
        workspace.import_file(seed_paths[1])  # after the backup: a second unit
        first.title = "备份之后改的"
        workspace.save(first)

        listed = restore.backups(workspace)
        assert [b.path for b in listed] == [taken] and listed[0].reports == 1
        result = restore.restore(workspace, taken)

        assert result.saved_before.name.startswith(f"{db_path.name}.bak-{BEFORE_RESTORE}-")
        assert [e.unit.name for e in workspace.entries()] == [first.unit.name]  # the program reads on
        assert workspace.report_of(first.unit, 2024).title != "备份之后改的"
        # The data as it was before the restore is itself a backup that can be restored.
        assert {b.path for b in restore.backups(workspace)} == {taken, result.saved_before}
        restore.restore(workspace, result.saved_before)
        assert len(workspace.entries()) == 2
        assert workspace.report_of(first.unit, 2024).title == "备份之后改的"
    finally:
        database.close()


def test_a_backup_of_an_older_schema_is_upgraded_after_it_is_put_back(db_path, tmp_path, seed_paths):
    old = tmp_path / "old" / "fulian.db"
    with open_database(old) as database:
        Workspace(database).import_file(seed_paths[0])
    downgrade_to(old, "0001")
    with open_database(db_path) as database:
        restore.restore(Workspace(database), old)
        report = Workspace(database).entries()
        assert len(report) == 1
        unit = report[0].unit
        assert database.reports().get(unit.id, 2024).revision == 1


def test_what_is_not_a_backup_is_refused_and_nothing_changes(db_path, tmp_path, seed_paths):
    with open_database(db_path) as database:
        Workspace(database).import_file(seed_paths[0])
        notes = tmp_path / "notes.txt"
        notes.write_text("不是数据库", encoding="utf-8")
        for candidate, words in ((notes, "不是数据库文件"), (db_path, "正在使用的数据库本身")):
            with pytest.raises(restore.RestoreError) as caught:
                restore.restore(Workspace(database), candidate)
            assert words in caught.value.message
        assert list(tmp_path.rglob(f"*{BEFORE_RESTORE}*")) == []
        assert len(Workspace(database).entries()) == 1


def test_a_restore_stopped_before_it_starts_changes_nothing_and_keeps_no_backup(db_path, seed_paths):
    from desktop.services.jobs import Cancelled, Progress
    from desktop.storage.backups import take_backup

    database = open_database(db_path)
    try:
        workspace = Workspace(database)
        workspace.import_file(seed_paths[0])
        taken = take_backup(db_path, "0002")
        workspace.import_file(seed_paths[1])
        stop = Progress()
        stop.cancel()  # the clerk pressed 取消 before the work began
        with pytest.raises(Cancelled):
            restore.restore(workspace, taken, stop)
        assert len(workspace.entries()) == 2
        assert [b.path for b in restore.backups(workspace)] == [taken]  # no before-restore backup either
    finally:
        database.close()

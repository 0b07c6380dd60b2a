"""从备份恢复 on a server database, on the real test server: the dated folders of data files on this PC.

The folder restored here is a real upgrade backup: the database is stepped back to the previous schema
with the shipped downgrade script and opened again, which upgrades it and writes the folder.
"""

from __future__ import annotations

import pytest
from alembic import command

from desktop.exchange import read_file
from desktop.services import restore
from desktop.services.workspace import Workspace
from desktop.storage.migrations import alembic_config, head_revision
from desktop.storage.server import make_server_engine, parse_server_url
from desktop.storage.server_backups import BEFORE_RESTORE
from tests.db_dump import dump
from tests.storage.sample import rich_report


@pytest.fixture
def url(pg_server):
    return pg_server.url(pg_server.new_database())


def step_back(url: str) -> str:
    """Downgrade the server database by one revision; returns the revision it is now at."""
    config = alembic_config()
    previous = config.attributes.get("previous") or f"{int(head_revision(config)) - 1:04d}"
    engine = make_server_engine(parse_server_url(url))
    try:
        with engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, previous)
    finally:
        engine.dispose()
    return previous


def test_a_real_upgrade_backup_is_listed_described_and_restored_exactly(url, open_db, tmp_path):
    root = tmp_path / "备份"
    db = open_db(url, backup_root=root)
    first = db.reports().save(rich_report(activities=40))
    second = db.reports().save(rich_report(unit_name="第二妇联", year=2023, activities=3))
    third = db.reports().save(rich_report(unit_name="第二妇联", year=2024, activities=0))
    db.close()
    previous = step_back(url)
    upgraded = open_db(url, backup_root=root)
    folder = upgraded.backup
    assert folder is not None and f"-{previous}-" in folder.name
    workspace = Workspace(upgraded)
    # What the folder holds (the older schema had no beneficiary unit: the files have none either).
    as_backed_up = {(r.unit.name, r.fiscal_year): r for r in map(read_file, sorted(folder.glob("*.fulian.json")))}
    assert set(as_backed_up) == {(r.unit.name, r.fiscal_year) for r in (first, second, third)}
    assert [len(r.activities) for r in as_backed_up.values()] == [40, 3, 0]

    listed = restore.backups(workspace)
    assert [b.path for b in listed] == [folder]
    assert listed[0].revision == previous and listed[0].reports == 3
    assert listed[0].contents == (
        ("乐山市金口河区妇女联合会", 2024, 40), ("第二妇联", 2023, 3), ("第二妇联", 2024, 0),
    )

    # After the backup: one report changed, one deleted, a new unit and year added, a unit's field changed.
    changed = workspace.report_of(first.unit, 2024)
    changed.title = "备份之后改的"
    changed.activities = changed.activities[:5]
    workspace.save(changed)
    upgraded.reports().delete(third.unit.id, 2024)
    upgraded.reports().save(rich_report(unit_name="第三妇联", year=2025, activities=2))
    unit = upgraded.units().find("第二妇联")
    unit.superior = "备份之后填的上级"
    upgraded.units().update(unit)
    before_restore = all_reports(upgraded)

    result = restore.restore(workspace, folder)

    assert result.restored_from == folder
    assert result.saved_before.parent == root and f"-{BEFORE_RESTORE}-" in result.saved_before.name
    entries = {(e.unit.name, e.fiscal_year) for e in workspace.entries()}
    assert entries == set(as_backed_up)
    assert upgraded.units().find("第三妇联") is None  # a unit only the later report had goes with it
    for key, report in as_backed_up.items():
        stored = upgraded.reports().get(upgraded.units().find(key[0]).id, key[1])
        report.id, report.unit.id = stored.id, stored.unit.id
        assert stored == report  # every field, every ledger line, as the folder holds it
        assert stored.unit.superior == report.unit.superior
    # The data as it was just before the restore is itself a folder that brings it back exactly.
    assert {b.path for b in restore.backups(workspace)} == {folder, result.saved_before}
    restore.restore(workspace, result.saved_before)
    after = all_reports(upgraded)
    assert after.keys() == before_restore.keys()
    for key, report in before_restore.items():
        report.id, report.unit.id = after[key].id, after[key].unit.id  # a re-created report has a new id
        assert after[key] == report and after[key].unit.superior == report.unit.superior, key


def all_reports(db) -> dict:
    return {(unit.name, year): db.reports().get(unit.id, year) for unit, year, _ in db.reports().list_all()}


def test_a_window_holding_the_old_copy_is_refused_after_a_restore(url, open_db, tmp_path):
    db = open_db(url, backup_root=tmp_path / "备份")
    report = db.reports().save(rich_report(activities=3))
    folder = restore.take_folder_backup(db, "0004", tmp_path / "备份")
    open_copy = db.reports().get(report.unit.id, 2024)
    restore.restore(Workspace(db), folder)
    open_copy.title = "旧窗口里的修改"
    from desktop.storage import ReportChangedError

    with pytest.raises(ReportChangedError):
        db.reports().save(open_copy)


def test_what_is_not_a_backup_folder_is_refused_and_nothing_changes(url, open_db, tmp_path):
    db = open_db(url, backup_root=tmp_path / "备份")
    db.reports().save(rich_report(activities=3))
    before = dump(url)
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    broken = tmp_path / "坏的备份"
    broken.mkdir()
    (broken / "单位-2024.fulian.json").write_text("{不是数据", encoding="utf-8")
    for folder, words in ((empty, "没有数据文件"), (broken, "无法读取")):
        with pytest.raises(restore.RestoreError) as refused:
            restore.restore(Workspace(db), folder)
        assert words in refused.value.message and "。。" not in refused.value.message
    assert dump(url) == before
    assert not (tmp_path / "备份").exists()  # refused before anything, not even the before-restore copy

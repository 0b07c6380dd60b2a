"""Edits a failed save kept on this PC: written when the save fails, removed when it succeeds, and saved
later (after the program was closed) only onto the report they were made on."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.domain.model import Activity
from desktop.exchange import read_file
from desktop.services import kept_edits
from desktop.services.editing import SaveState
from desktop.services.workspace import Workspace
from desktop.storage import open_database
from desktop.storage.author import current_author


def seeded(database, seed_paths):
    workspace = Workspace(database)
    report = workspace.import_file(seed_paths[0])
    return workspace, workspace.report_of(report.unit, report.fiscal_year)


def test_kept_edits_are_listed_for_their_database_and_saved_onto_the_unchanged_report(
    database, seed_paths, tmp_path, db_locator
):
    workspace, report = seeded(database, seed_paths)
    report.title = "断网时改的标题"
    data_file = kept_edits.keep(tmp_path / "kept", database, report, ["报告标题：断网时改的标题"], "无法连接")
    with open_database(tmp_path / "other" / "fulian.db") as other:
        assert kept_edits.kept_for(Workspace(other), tmp_path / "kept") == []  # another database's edits are not offered
    (kept,) = kept_edits.kept_for(workspace, tmp_path / "kept")
    assert kept.data_file == data_file and kept.unit == report.unit.name and kept.year == 2024
    assert kept.author == current_author() and kept.edits == ("报告标题：断网时改的标题",)
    assert kept.reason == "无法连接" and kept.revision == report.revision

    saved = kept_edits.save_kept(workspace, kept)
    assert saved.title == "断网时改的标题"
    assert database.reports().get(report.unit.id, 2024).title == "断网时改的标题"
    assert not any((tmp_path / "kept").iterdir())  # saved: nothing left to offer


def test_kept_edits_on_a_report_saved_elsewhere_meanwhile_name_who_and_replace_only_when_asked(
    database, seed_paths, tmp_path
):
    workspace, report = seeded(database, seed_paths)
    report.problems = ["本机保留的问题"]
    kept_edits.keep(tmp_path / "kept", database, report, ["存在问题：本机保留的问题"], "无法连接")
    elsewhere = workspace.report_of(report.unit, 2024)
    elsewhere.title = "同事改的"
    workspace.save(elsewhere)

    (kept,) = kept_edits.kept_for(workspace, tmp_path / "kept")
    with pytest.raises(kept_edits.KeptEditsError) as refused:
        kept_edits.save_kept(workspace, kept)
    assert f"由 {current_author()} 于" in refused.value.message and "覆盖" in refused.value.message
    assert database.reports().get(report.unit.id, 2024).title == "同事改的"  # nothing written over
    assert kept.data_file.exists()

    kept_edits.save_kept(workspace, kept, replace=True)  # the clerk, told so, chose her copy
    stored = database.reports().get(report.unit.id, 2024)
    assert stored.problems == ["本机保留的问题"] and stored.title != "同事改的"
    assert not kept.data_file.exists()


def test_a_session_keeps_nothing_while_saves_succeed(database, seed_paths, tmp_path):
    workspace, report = seeded(database, seed_paths)
    workspace.kept_folder = tmp_path / "kept"
    session = workspace.editing(report)
    session.set("report.problems", ["一"])
    assert session.flush() and session.kept is None and not (tmp_path / "kept").exists()


def test_server_out_of_reach_edits_kept_through_closing_and_saved_at_the_next_start(pg_server, open_db, tmp_path,
                                                                                     seed_paths):
    url = pg_server.url(pg_server.new_database())
    database = open_db(url, connect_timeout_s=2)
    workspace, report = seeded(database, seed_paths)
    workspace.kept_folder = tmp_path / "kept"
    session = workspace.editing(report)
    line_key = report.activities[0].key
    pg_server.stop("fast")
    try:
        session.set("report.problems", ["断网时写的问题"])
        session.set("report.activities[0].title", "断网时改的台账")  # a ledger line is written at once: fails
        assert session.state is SaveState.FAILED and "修改没有保存" in session.error
        session.insert("report.activities", 0, Activity(title="断网时加的台账", key="offline1", money=Decimal("5.00")))
        session.set("report.unit.superior", "断网时填的上级")
        assert not session.flush() and session.state is SaveState.FAILED
        assert session.kept is not None and session.kept.exists()
        kept_copy = read_file(session.kept)
        assert kept_copy.problems == ["断网时写的问题"] and kept_copy.unit.superior == "断网时填的上级"
        database.close()  # the program is closed while the server is still down
    finally:
        pg_server.start()

    with open_database(url, backup_root=tmp_path / "backups") as reopened:
        (kept,) = kept_edits.kept_for(Workspace(reopened), tmp_path / "kept")
        assert kept.author == current_author() and kept.reason == session.error
        assert any("断网时写的问题" in line for line in kept.edits)
        assert any("断网时加的台账" in line for line in kept.edits)
        kept_edits.save_kept(Workspace(reopened), kept)
        unit = reopened.units().find(report.unit.name)
        stored = reopened.reports().get(unit.id, 2024)
        assert stored.problems == ["断网时写的问题"]
        assert next(a for a in stored.activities if a.key == line_key).title == "断网时改的台账"
        assert next(a for a in stored.activities if a.key == "offline1").money == Decimal("5.00")
        assert unit.superior == "断网时填的上级"
        assert kept_edits.kept_for(Workspace(reopened), tmp_path / "kept") == []


def test_a_failed_ledger_line_is_saved_when_the_server_returns_without_another_edit(pg_server, open_db, tmp_path,
                                                                                   seed_paths):
    database = open_db(pg_server.url(pg_server.new_database()), connect_timeout_s=2)
    workspace, report = seeded(database, seed_paths)
    workspace.kept_folder = tmp_path / "kept"
    session = workspace.editing(report)
    pg_server.stop("fast")
    try:
        session.set("report.activities[0].title", "只改了一条台账")
        assert session.state is SaveState.FAILED and session.kept.exists()
    finally:
        pg_server.start()
    assert session.flush() and session.state is SaveState.SAVED  # retried whole, not forgotten
    assert database.reports().get(report.unit.id, 2024).activities[0].title == "只改了一条台账"
    assert session.kept is None and not any((tmp_path / "kept").iterdir())

"""The server goes away under a clerk's typing: her edits are kept, the window says so at closing, and the
next start on that database offers them (who, when, what) and saves them once the server is back.

Real server stopped and started again; real key presses; the program closed in between.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.services.editing import SaveState
from desktop.services.workspace import Workspace
from desktop.storage import open_database
from desktop.storage.author import current_author
from desktop.ui.main_window import MainWindow
from desktop.ui.qt_setup import configure_application

from .conftest import type_into, when_dialog_opens, when_message_opens
from .test_editor import jinkouhe


@pytest.fixture
def server_window(qtbot, pg_server, tmp_path):
    url = pg_server.url(pg_server.new_database())
    database = open_database(url, backup_root=tmp_path / "backups", connect_timeout_s=2)
    configure_application(QApplication.instance())
    window = MainWindow(Workspace(database))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield url, window
    window.editor.session = None  # a test that failed half-way leaves no closing question to hang on
    if pg_server.stopped:
        pg_server.start()
    database.close()


def type_carry_over(qtbot, window, text):
    page = window.finance_page
    window.show_page(window.page_index(page))
    field = page.binder.binding_for("report.finance.carry_over_start").widget
    field.setFocus()
    field.selectAll()
    type_into(qtbot, field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)


def test_edits_typed_while_the_server_is_down_survive_closing_and_are_saved_at_the_next_start(
    qtbot, server_window, pg_server, seed_paths, tmp_path
):
    url, window = server_window
    jinkouhe(window, seed_paths, qtbot)
    pg_server.stop("fast")
    type_carry_over(qtbot, window, "4321")
    assert not window.editor.flush()
    assert window.editor.save_state is SaveState.FAILED and window.save_label.text() == "保存失败"

    told = {}

    def answer(box):
        told["text"] = box.text()
        qtbot.mouseClick(box.button(box.StandardButton.Yes), Qt.MouseButton.LeftButton)

    when_message_opens(qtbot, answer)
    window.close()
    assert not window.isVisible()
    assert "没有保存到数据库" in told["text"] and "已保留在本机" in told["text"]
    assert "下次在这台电脑上打开程序时" in told["text"]
    window.workspace.database.close()

    pg_server.start()
    seen = {}

    def offered(dialog):
        seen["text"] = dialog.layout().itemAt(0).widget().text()
        seen["edits"] = [dialog.edits.item(i).text() for i in range(dialog.edits.count())]
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(qtbot, offered)
    with open_database(url, backup_root=tmp_path / "backups") as database:
        again = MainWindow(Workspace(database))
        qtbot.addWidget(again)
        again.show()
        qtbot.waitUntil(lambda: "edits" in seen, timeout=15_000)
        assert current_author() in seen["text"] and "乐山市金口河区妇女联合会" in seen["text"]
        assert any("4321" in line for line in seen["edits"])
        qtbot.waitUntil(lambda: again.report is not None and again.statusBar().currentMessage().startswith("已把保留的修改"))
        assert again.report.finance.carry_over_start == Decimal("4321.00")  # the window shows it
        unit = database.units().find("乐山市金口河区妇女联合会")
        assert database.reports().get(unit.id, 2024).finance.carry_over_start == Decimal("4321.00")
        again.close()


def test_edits_kept_while_the_server_is_down_are_saved_when_it_answers_again(
    qtbot, server_window, pg_server, seed_paths
):
    url, window = server_window
    jinkouhe(window, seed_paths, qtbot)
    pg_server.stop("fast")
    type_carry_over(qtbot, window, "2468")
    assert not window.editor.flush() and window.editor.session.kept is not None
    kept = window.editor.session.kept
    pg_server.start()
    qtbot.waitUntil(lambda: window.editor.save_state is SaveState.SAVED, timeout=20_000)  # the next poll saves
    assert window.statusBar().currentMessage().startswith("与数据库的连接已恢复")
    assert not kept.exists()
    with open_database(url) as database:
        unit = database.units().find("乐山市金口河区妇女联合会")
        assert database.reports().get(unit.id, 2024).finance.carry_over_start == Decimal("2468.00")


def test_edits_kept_at_a_conflict_go_once_they_are_reapplied_and_saved(qtbot, window, seed_paths, db_locator):
    """On a file and on a server: a save refused because a colleague saved first also keeps the copy;
    reloading, re-applying and saving removes it, so it is not offered again at the next start."""
    from desktop.services import kept_edits

    jinkouhe(window, seed_paths, qtbot)
    with open_database(db_locator) as other:
        report = other.reports().get(window.report.unit.id, 2024)
        report.title = "同事先保存的"
        other.reports().save(report)
    window.editor.conflict.disconnect(window.conflicts.on_conflict)  # its dialog: test_conflict.py; here the editor is driven
    window.editor.set("report.problems", ["我的修改"])
    try:
        assert not window.editor.flush() and window.editor.session.conflicted
        kept = window.editor.session.kept
        assert kept is not None and kept.exists()
        assert [k.data_file for k in kept_edits.kept_for(window.workspace)] == [kept]

        edits = window.editor.reload()
        assert window.editor.reapply(edits) == []
        assert window.editor.flush() and window.report.title == "同事先保存的"
        assert window.report.problems == ["我的修改"]
        assert not kept.exists() and kept_edits.kept_for(window.workspace) == []
    finally:
        window.editor.session = None  # whatever failed above, closing the window asks no question

"""Two programs on one database (a file, and a real PostgreSQL server): saves made elsewhere come in.

The other writer is a real second process: the command line (`fulian import --replace`) or a second
window (an offscreen GUI process typing into a field with key presses and saving). No update is lost:
a window without unsaved edits loads the other save and says whose it was; a window with unsaved edits
is refused at its save, told who saved in between, and keeps its edits.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.storage import open_database
from desktop.storage.author import current_author

from .conftest import type_into, when_message_opens
from .test_conflict import newer_file, run_cli
from .test_editor import jinkouhe

ROOT = Path(__file__).resolve().parents[2]

OTHER_WINDOW = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from desktop.services.workspace import Workspace
    from desktop.storage import open_database
    from desktop.ui.main_window import MainWindow

    app = QApplication([])
    database = open_database({db!r})
    window = MainWindow(Workspace(database))
    window.show()
    entry = window.workspace.entries()[0]
    window.open_report(window.workspace.report_of(entry.unit, entry.fiscal_year))
    page = window.finance_page
    window.show_page(window.page_index(page))
    field = page.binder.binding_for("report.finance.carry_over_start").widget
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, "777")
    QTest.keyClick(field, Qt.Key.Key_Tab)
    assert window.editor.flush(), window.editor.save_error
    window.close()
    database.close()
    print("saved")
    """
)


def other_window_saves(locator: str, tmp_path: Path) -> None:
    script = tmp_path / "other_window.py"
    script.write_text(OTHER_WINDOW.format(root=str(ROOT), db=locator), encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0 and "saved" in result.stdout, result.stderr


def stored(window, locator):
    with open_database(locator) as fresh:
        return fresh.reports().get(window.report.unit.id, 2024)


def test_a_save_from_another_process_is_loaded_into_a_window_without_unsaved_edits(qtbot, window, seed_paths,
                                                                                   tmp_path, db_locator):
    jinkouhe(window, seed_paths, qtbot)
    assert not window.editor.session.dirty
    result = run_cli("--db", db_locator, "import", str(newer_file(seed_paths[0], tmp_path)), "--replace")
    assert result.returncode == 0, result.stderr

    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("已载入"), timeout=15_000)
    message = window.statusBar().currentMessage()
    assert current_author() in message and "保存的修改" in message
    assert window.report.title.endswith("（上级退回后修改）")  # the page shows the other save
    assert window.report.revision == stored(window, db_locator).revision


def test_two_windows_no_lost_update_and_the_loser_is_told_who(qtbot, window, seed_paths, tmp_path, db_locator):
    jinkouhe(window, seed_paths, qtbot)
    finance = window.finance_page
    window.show_page(window.page_index(finance))
    field = finance.binder.binding_for("report.finance.carry_over_start").widget
    seen = {}

    def answer(box):
        seen["text"] = box.text() + box.informativeText()
        later = next(b for b in box.buttons() if b.text() != "重新载入报告")
        qtbot.mouseClick(later, Qt.MouseButton.LeftButton)

    field.setFocus()
    field.selectAll()
    type_into(qtbot, field, "12345")  # typed here; the save waits for a pause in typing
    assert window.editor.session.dirty
    other_window_saves(db_locator, tmp_path)  # meanwhile the other window saves the same report

    when_message_opens(qtbot, answer)
    qtbot.waitUntil(lambda: "text" in seen, timeout=15_000)
    assert "已在别处被修改" in seen["text"] and f"最后一次由 {current_author()} 于" in seen["text"]
    assert "您刚才的修改没有保存" in seen["text"]
    # No lost update: the other window's save stands; this window's edit is kept, not written over it.
    assert stored(window, db_locator).finance.carry_over_start == Decimal("777.00")
    assert window.report.finance.carry_over_start == Decimal("12345.00")
    assert window.conflicts.edits_window is not None and window.conflicts.edits_window.list.count() >= 1
    # The clerk reloads from the list of unsaved edits: the window shows the other save, the list stays.
    qtbot.mouseClick(window.conflicts.edits_window.reload_button, Qt.MouseButton.LeftButton)
    assert window.report.finance.carry_over_start == Decimal("777.00")
    assert not window.editor.session.conflicted

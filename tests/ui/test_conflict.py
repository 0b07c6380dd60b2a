"""A report changed elsewhere while the window holds it: the save is refused, the clerk is told, nothing is lost.

The other writer is the real command line in its own process (`fulian import --replace`) on the same
database file, while the window is open; the clerk then types into a field with key presses.
"""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.services.editing import SaveState
from desktop.storage import open_database

from .conftest import type_into, when_message_opens
from .test_editor import jinkouhe

ROOT = Path(__file__).resolve().parents[2]
CLI = "import sys; from desktop.cli import main; sys.exit(main())"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", CLI, *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def newer_file(seed: Path, folder: Path) -> Path:
    """The same unit and year as the seed, as a newer file from elsewhere: another title, one line fewer."""
    data = json.loads(seed.read_text(encoding="utf-8"))
    data["report"]["title"] = "区妇联部门整体绩效自评报告（上级退回后修改）"
    data["report"]["activities"] = data["report"]["activities"][1:]
    path = folder / "newer.fulian.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def stored_report(window, locator):
    with open_database(locator) as fresh:
        return fresh.reports().get(window.report.unit.id, 2024)


def test_an_import_while_the_window_is_open_is_not_overwritten_by_its_autosave(qtbot, window, seed_paths, tmp_path, db_locator):
    jinkouhe(window, seed_paths, qtbot)
    lines_before = len(window.report.activities)
    newer = newer_file(seed_paths[0], tmp_path)
    result = run_cli("--db", db_locator, "import", str(newer), "--replace")
    assert result.returncode == 0, result.stderr
    assert "已导入" in result.stdout

    finance = window.finance_page
    window.show_page(window.page_index(finance))
    field = finance.binder.binding_for("report.finance.carry_over_start").widget
    seen = {}

    def answer(box: QMessageBox):
        seen["title"], seen["text"] = box.windowTitle(), box.text() + box.informativeText()
        seen["edits"] = [window.conflicts.edits_window.list.item(i).text()
                         for i in range(window.conflicts.edits_window.list.count())]
        reload_button = next(b for b in box.buttons() if b.text() == "重新载入报告")
        qtbot.mouseClick(reload_button, Qt.MouseButton.LeftButton)

    when_message_opens(qtbot, answer)
    field.selectAll()
    type_into(qtbot, field, "12345")
    # The autosave runs after the pause in typing, meets the newer revision and is refused.
    qtbot.waitUntil(lambda: "title" in seen, timeout=5000)

    assert seen["title"] == "报告已在别处修改"
    assert "您刚才的修改没有保存" in seen["text"] and "不会丢失" in seen["text"]
    # Listed in the words of the form, not by its field path.
    assert "收支情况 › 年初结转结余：12345.00" in seen["edits"]
    assert not any("carry_over_start" in line for line in seen["edits"])
    # Nothing of the import was overwritten, and the window now shows it.
    stored = stored_report(window, db_locator)
    assert stored.title.endswith("（上级退回后修改）") and len(stored.activities) == lines_before - 1
    assert stored.finance.carry_over_start is None
    assert window.report.title == stored.title and len(window.report.activities) == lines_before - 1
    assert window.editor.save_state is SaveState.SAVED
    assert field.text() == ""

    # The clerk's edit is still in view and goes back on with one click, saved over the newer report.
    edits_window = window.conflicts.edits_window
    assert edits_window.isVisible() and edits_window.reapply_button.isEnabled()
    qtbot.mouseClick(edits_window.reapply_button, Qt.MouseButton.LeftButton)
    assert field.text() == "12345"
    assert window.editor.flush()
    stored = stored_report(window, db_locator)
    assert stored.finance.carry_over_start == Decimal("12345.00")
    assert stored.title.endswith("（上级退回后修改）") and len(stored.activities) == lines_before - 1
    assert edits_window.list.count() == 0


def test_choosing_not_to_reload_keeps_the_edits_and_writes_nothing(qtbot, window, seed_paths, tmp_path, db_locator):
    jinkouhe(window, seed_paths, qtbot)
    newer = newer_file(seed_paths[0], tmp_path)
    assert run_cli("--db", db_locator, "import", str(newer), "--replace").returncode == 0
    finance = window.finance_page
    window.show_page(window.page_index(finance))
    field = finance.binder.binding_for("report.finance.carry_over_start").widget
    seen = []

    def later(box: QMessageBox):
        seen.append(box.text())
        qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "暂不重新载入"), Qt.MouseButton.LeftButton)

    when_message_opens(qtbot, later)
    field.selectAll()
    type_into(qtbot, field, "777")
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    try:
        check_nothing_written(window, db_locator)
        # Later, from the edits window: reload, then put the edit back.
        edits_window = window.conflicts.edits_window
        qtbot.mouseClick(edits_window.reload_button, Qt.MouseButton.LeftButton)
        assert window.editor.save_state is SaveState.SAVED and field.text() == ""
        qtbot.mouseClick(edits_window.reapply_button, Qt.MouseButton.LeftButton)
        assert window.editor.flush()
        assert stored_report(window, db_locator).finance.carry_over_start == Decimal("777.00")
    finally:
        window.editor.reload()  # leave the window closable without its "修改没有保存，仍然退出吗？" question


def check_nothing_written(window, db_locator):
    assert window.editor.save_state is SaveState.CONFLICT
    assert "报告已在别处修改" in window.save_label.text()
    assert not window.conflicts.edits_window.reapply_button.isEnabled()  # reload first
    assert window.conflicts.edits_window.list.count() == 1
    assert not window.editor.flush()
    assert stored_report(window, db_locator).finance.carry_over_start is None
    assert stored_report(window, db_locator).title.endswith("（上级退回后修改）")


def test_a_unit_field_changed_elsewhere_is_refused_and_offered_back(qtbot, window, seed_paths, db_locator):
    """The unit's 上级单位 changed by another program after the window read it: typing over it is refused
    with the conflict message, and after the reload the clerk's text goes back on with one click."""
    jinkouhe(window, seed_paths, qtbot)
    with open_database(db_locator) as other:
        unit = other.units().get(window.report.unit.id)
        unit.superior = "别处填的上级单位"
        other.units().update(unit)
    profile = window.profile_page
    window.show_page(window.page_index(profile))
    field = profile.binder.binding_for("report.unit.superior").widget
    seen = {}

    def answer(box: QMessageBox):
        seen["title"], seen["text"] = box.windowTitle(), box.text() + box.informativeText()
        qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "重新载入报告"), Qt.MouseButton.LeftButton)

    when_message_opens(qtbot, answer)
    field.selectAll()
    # The unit is written at each key, so the refusal comes at the first one; the message box then holds
    # the keyboard (keys sent straight to the field here would bypass it), so the test types one key.
    type_into(qtbot, field, "X")
    qtbot.waitUntil(lambda: "title" in seen, timeout=5000)
    assert "单位" in seen["text"] and "没有保存" in seen["text"]
    with open_database(db_locator) as fresh:
        assert fresh.units().get(window.report.unit.id).superior == "别处填的上级单位"
    assert field.text() == "别处填的上级单位"  # the reloaded copy shows what is stored

    edits_window = window.conflicts.edits_window
    qtbot.mouseClick(edits_window.reapply_button, Qt.MouseButton.LeftButton)
    assert field.text() == "X"
    with open_database(db_locator) as fresh:
        assert fresh.units().get(window.report.unit.id).superior == "X"

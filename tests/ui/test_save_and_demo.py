"""保存 (Ctrl+S) saves now and says so; 帮助 → 载入示例单位 works also when the clerk has a unit of her own."""

from PySide6.QtCore import Qt

from .test_report_entry import UNIT, create_unit, field


def test_ctrl_s_saves_at_once_and_says_so(qtbot, window):
    create_unit(qtbot, window)
    page = window.profile_page
    window.show_page(window.page_index(page))
    edit = field(page, "report.profile.short_name")
    edit.setFocus()
    qtbot.keyClicks(edit, "ABC")
    assert window.editor.save_state.value != "saved"  # autosave waits for a pause in typing
    qtbot.keyClick(edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.save_state.value == "saved"
    assert window.statusBar().currentMessage().startswith("已保存")
    stored = window.workspace.open_report(UNIT, 2024)
    assert stored.profile.short_name == "ABC"


def test_the_demo_units_are_reachable_from_the_help_menu_next_to_her_own(qtbot, window):
    create_unit(qtbot, window)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "帮助(&H)")
    demo = next(a for a in help_menu.actions() if a.text() == "载入示例单位(&D)")
    demo.trigger()
    units = [window.unit_combo.itemText(i) for i in range(window.unit_combo.count())]
    assert UNIT in units and len(units) >= 3
    assert window.report.unit.name != UNIT and "已载入示例单位" in window.statusBar().currentMessage()
    demo.trigger()  # a second time: nothing doubled, and she is told where they are
    assert [window.unit_combo.itemText(i) for i in range(window.unit_combo.count())] == units
    assert "已经在" in window.statusBar().currentMessage()

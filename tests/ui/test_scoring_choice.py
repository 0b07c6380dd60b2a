"""单位概况: the execution-rate cap is a visible choice — what the rule set states, switched on by a click."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from desktop.exchange import write_file

from tests.reports.conftest import seed_report


def test_the_cap_in_force_is_shown_and_switched_on_with_a_click(qtbot, window, tmp_path):
    source = tmp_path / "seed.fulian.json"
    write_file(seed_report("004"), source)
    window.import_path(source)
    page = window.profile_page
    window.show_page(window.page_index(page))
    assert "评分方案：全国通用" in page.scoring.text() and "按预算执行率封顶总分：未采用" in page.scoring.text()
    assert not page.score_cap.isChecked() and page.score_cap.isEnabled()
    # A click on the box itself (its indicator sits at the left edge).
    qtbot.mouseClick(page.score_cap, Qt.MouseButton.LeftButton, pos=QPoint(8, page.score_cap.height() // 2))
    report = window.editor.report
    assert "score_cap" in report.overlays
    assert "采用（执行率低于 80% 不超过 89 分" in page.scoring.text() and "本报告启用" in page.scoring.text()
    window.editor.undo_stack.undo()
    assert "score_cap" not in window.editor.report.overlays and not page.score_cap.isChecked()

"""主要工作成效 with 分项 on the 分析与结论 page, driven as a clerk: a 主题 with sub-blocks typed in, edited,
reordered and removed; undo/redo; the database after reopening; a problem in a 分项 jumps to that 分项."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.domain.model import NarrativeBlock
from desktop.storage import open_database

from .conftest import edit_cell, type_text
from .test_report_entry import field

FIRST = "助推“三农”发展，乡村振兴画卷绚丽。"
SECOND = "强化人才支撑，科技创新走深走实。"


def blocks_of(block):
    return [(b.title, b.text) for b in block.blocks]


def test_the_clerk_enters_a_theme_with_sub_blocks(qtbot, check_model, window, seed_paths, db_locator):
    window.import_path(seed_paths[1])
    page = window.analysis_page
    window.show_page(window.page_index(page))
    report = window.report
    achievements = report.narratives.achievements
    count = len(achievements)

    # Seed 004's block 5 shows its two 分项, the first one's text beside them.
    page.achievements.select(4, 0)
    assert page.sub_blocks.model.rowCount() == 2
    assert page.sub_blocks.model.index(1, 0).data() == achievements[4].blocks[1].title
    assert field(page, "report.narratives.achievements[4].blocks[0].text").toPlainText() == achievements[4].blocks[0].text
    check_model(page.sub_blocks.model)

    # A new 主题 with no text of its own and three 分项, all typed through the forms.
    page.achievements.add_row()
    type_text(QApplication.focusWidget(), "扬帆逐浪展新颜，助力发展有亮有为。")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Enter moves on to the next cell
    page.achievements.select(count, 0)  # back to the new 主题
    assert page.current == count and page.sub_blocks.model.rowCount() == 0
    for title, text in ((FIRST, "打造“广州市巾帼头雁村”。"), ("多余的分项", "写错了"), (SECOND, "以科技赋能现代农业。")):
        page.sub_blocks.add_row()
        type_text(QApplication.focusWidget(), title)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        row = page.sub_blocks.model.rowCount() - 1
        page.sub_blocks.select(row, 0)
        box = field(page, f"report.narratives.achievements[{count}].blocks[{row}].text")
        assert box.isEnabled() and page.sub_blocks.current_row() == row
        type_text(box, text)
    new = achievements[count]
    assert blocks_of(new) == [(FIRST, "打造“广州市巾帼头雁村”。"), ("多余的分项", "写错了"), (SECOND, "以科技赋能现代农业。")]
    # Edit a title in its cell, move the last 分项 up, remove the wrong one.
    edit_cell(qtbot, page.sub_blocks, 0, 0, "助推“三农”发展，乡村振兴画卷更绚丽。")
    page.sub_blocks.select(2, 0)
    qtbot.mouseClick(page.sub_blocks.up_button, Qt.MouseButton.LeftButton)
    assert [b.title for b in new.blocks][1] == SECOND and page.sub_blocks.current_row() == 1
    page.sub_blocks.select(2, 0)
    assert field(page, f"report.narratives.achievements[{count}].blocks[2].text").toPlainText() == "写错了"
    qtbot.mouseClick(page.sub_blocks.remove_button, Qt.MouseButton.LeftButton)
    final = [("助推“三农”发展，乡村振兴画卷更绚丽。", "打造“广州市巾帼头雁村”。"), (SECOND, "以科技赋能现代农业。")]
    assert blocks_of(new) == final
    # The new 主题 moves up before seed 004's 6th.
    page.achievements.select(count, 0)
    qtbot.mouseClick(page.achievements.up_button, Qt.MouseButton.LeftButton)
    assert achievements[count - 1] is new and page.sub_blocks.model.rowCount() == 2

    # Undo the move of the 主题, the removal, the move, the title: the three 分项 as first typed.
    stack = window.editor.undo_stack
    for _ in range(4):
        stack.undo()
    assert achievements[count] is new
    assert [b.title for b in new.blocks] == [FIRST, "多余的分项", SECOND]
    for _ in range(4):
        stack.redo()
    assert achievements[count - 1] is new and blocks_of(new) == final

    assert window.editor.flush()
    with open_database(db_locator) as fresh:
        stored = fresh.reports().get(report.unit.id, report.fiscal_year)
    blocks = stored.narratives.achievements
    assert len(blocks) == count + 1
    assert blocks[count - 1] == NarrativeBlock("扬帆逐浪展新颜，助力发展有亮有为。", "",
                                               [NarrativeBlock(t, x) for t, x in final])
    assert blocks[count].title.startswith("亮点纷呈出新彩")


def test_a_problem_in_a_sub_block_jumps_to_that_sub_block(qtbot, window, seed_paths):
    window.import_path(seed_paths[1])
    page = window.analysis_page
    window.show_page(window.page_index(page))
    report = window.report
    page.achievements.select(4, 0)
    page.sub_blocks.select(1, 0)
    path = "report.narratives.achievements[4].blocks[1].text"
    type_text(field(page, path), "该项目评价等级为“差”。")
    assert "评价等级为“差”。" in report.narratives.achievements[4].blocks[1].text
    # The clerk looks at another 主题, then follows the problem from 校验.
    page.achievements.select(0, 0)
    window.run_checks()
    finding = next(f for f in window.issues if f.code == "GRD-001")
    assert finding.field == path
    window.show_page(window.page_index(window.checks_page))
    assert window.go_to_field(finding.field)
    focused = QApplication.focusWidget()
    binding = page.sub_block.binding_for(path)
    assert window.pages.currentWidget() is page
    assert focused is binding.widget and focused.toPlainText() == report.narratives.achievements[4].blocks[1].text
    assert page.sub_blocks.current_row() == 1 and page.current == 4
    assert binding.message.isVisible() and "等级" in binding.message.text()
    # The 主题's own text is not marked for its 分项's problem.
    assert not page.block.binding_for("report.narratives.achievements[4].text").message.isVisible()

"""Column widths from content: numbers and short labels get the room they need, the rest shares."""

from decimal import Decimal as D

import pytest

from desktop.reports.column_widths import fit_widths, unbreakable_em
from desktop.reports.document import Cell, Percent, Table


def test_a_narrow_number_column_is_widened_and_the_sum_is_kept():
    table = Table(widths=[0.2, 5, 1], rows=[
        [Cell("序号"), Cell("项目名称"), Cell("执行率")],
        [Cell("10"), Cell("春蕾行动计划经费" * 3), Cell(Percent(D("94.26")))],
    ])
    widths = fit_widths(table, 442.2, 10.5)
    assert sum(widths) == pytest.approx(442.2)
    assert widths[0] >= 2 * 10.5 + 12  # "序号" on one line
    assert widths[2] >= unbreakable_em("94.26%", True) * 10.5 + 12
    assert widths[1] > widths[0] and widths[1] > widths[2]


def test_long_chinese_text_may_wrap_but_latin_and_digits_do_not():
    assert unbreakable_em("偏差原因分析及改进措施", False) == 2.0
    assert unbreakable_em("完成率达到100%以上", False) == pytest.approx(4 * 0.55)
    assert unbreakable_em("570.54", True) == pytest.approx(6 * 0.55)


def test_a_long_deviation_reason_is_not_squeezed_to_a_character_per_line():
    """The 偏差原因 of a project form (two merged columns) was 3 characters wide; labels may break 2 + 2."""
    from tests.reports.conftest import filled_seed

    from desktop.reports.tables import project_evaluation_table

    report = filled_seed("000")
    project = report.projects[0]
    project.indicators[0].deviation_reason = "受天气影响，部分培训延期至次年举办，下一步将提前谋划，合理安排培训时间。"
    widths = fit_widths(project_evaluation_table(report, project), 442.2, 10.5)
    assert sum(widths) == pytest.approx(442.2)
    characters_a_line = (widths[8] + widths[9] - 12) / 10.5
    assert characters_a_line >= 8
    assert min(widths[6], widths[7]) >= 2 * 10.5 + 12  # "分值", "得分" and the numbers still on one line
    assert unbreakable_em("一级指标", False) == 2.0 and unbreakable_em("执行率", False) == 3.0


def test_a_short_label_that_must_wrap_is_cut_in_equal_lines():
    from desktop.reports.column_widths import balanced_label

    assert balanced_label("二级指标", 3.5 * 10.5 + 12, 10.5) == "二级\n指标"  # not "二级指" + "标"
    assert balanced_label("二级指标", 4 * 10.5 + 12, 10.5) == "二级指标"  # fits: untouched
    assert balanced_label("年度指标值", 4 * 10.5 + 12, 10.5) == "年度指\n标值"
    assert balanced_label("服务对象满意度指标", 3 * 10.5 + 12, 10.5) == "服务对\n象满意\n度指标"
    assert balanced_label("完成率95%", 2 * 10.5 + 12, 10.5) == "完成率95%"  # figures wrap where the writer wraps

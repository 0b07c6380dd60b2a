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

from decimal import Decimal

import pytest

from desktop.reports.document import Align, Amount, Cell, Layout, Number, Percent, Table, chinese_date


def test_typed_values_print_as_the_reports_do():
    assert Amount(Decimal("2197000.00")).text() == "219.7"
    assert Amount(Decimal("2197000.00")).shown == Decimal("219.70")
    assert Amount(Decimal("14400"), "元").text() == "14,400.00"
    assert Percent(Decimal("94.26")).text() == "94.26%"
    assert Percent(Decimal("100.0")).text() == "100%"
    assert Number(Decimal("98.00"), "分").text() == "98"


def test_numbers_align_right_text_left_headers_centre():
    assert Cell(Amount(Decimal(1))).alignment(False) is Align.RIGHT
    assert Cell("项目").alignment(False) is Align.LEFT
    assert Cell("项目").alignment(True) is Align.CENTER


def test_grid_places_merged_cells():
    table = Table(widths=[1, 1, 1], rows=[
        [Cell("a", rowspan=2), Cell("b", colspan=2)],
        [Cell("c"), Cell("d")],
    ])
    grid = table.grid()
    assert [[pos[0].text for pos in row] for row in grid] == [["a", "b", "b"], ["a", "c", "d"]]
    assert [(r, c, cell.text) for r, c, cell in table.placed()] == [(0, 0, "a"), (0, 1, "b"), (1, 1, "c"), (1, 2, "d")]


@pytest.mark.parametrize("rows", [
    [[Cell("a"), Cell("b")], [Cell("c")]],  # a row short of cells
    [[Cell("a", colspan=3)]],  # wider than the table
    [[Cell("a", rowspan=2), Cell("b")], [Cell("c"), Cell("d")]],  # more cells than room
])
def test_malformed_tables_are_refused(rows):
    with pytest.raises(ValueError):
        Table(widths=[1, 1], rows=rows).grid()


def test_layout_fits_22_lines_in_the_text_block():
    layout = Layout()
    assert round(layout.text_width_pt / 72 * 25.4) == 156
    assert round(layout.text_height_pt / 72 * 25.4) == 225
    assert 28.9 <= layout.line_pitch <= 28.95
    assert layout.line_pitch * 22 <= layout.text_height_pt < layout.line_pitch * 23


def test_dates_in_arabic_numerals():
    from datetime import date

    assert chinese_date(date(2025, 3, 31)) == "2025年3月31日"

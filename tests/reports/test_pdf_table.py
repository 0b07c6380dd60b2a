"""Tables of any length in the PDF: merged 一级/二级 groups taller than a page split with their label
repeated, and a single row taller than a page splits inside itself."""

import copy
from decimal import Decimal as D

import pdfplumber
import pytest

from desktop.domain.model import Indicator
from desktop.domain.scoring import IndicatorKind
from desktop.reports.build import build_document
from desktop.reports.outline import load_outline
from desktop.reports.pdf_writer import write_pdf

from .conftest import run, seed_report


def _many(count: int, level1="产出指标", level2="数量指标", reason="") -> list[Indicator]:
    return [
        Indicator(f"活动第{n}项", level1, level2, IndicatorKind.AT_LEAST, target=D(10),
                  unit="场", actual=D(10), weight=D(1), score=D(1), deviation_reason=reason)
        for n in range(1, count + 1)
    ]


def _pages_text(path) -> list[str]:
    return [p for p in run("pdftotext", "-enc", "UTF-8", str(path), "-").split("\f") if p.strip()]


def test_a_project_group_of_40_indicators_lays_out_over_pages_with_its_label_repeated(tmp_path):
    report = copy.deepcopy(seed_report("000"))
    report.projects[0].indicators = _many(40, reason="无偏差，按计划完成。")
    path = tmp_path / "tall.pdf"
    write_pdf(build_document(report, load_outline("sichuan")), path)
    pages = [text.replace("\n", "") for text in _pages_text(path)]
    spread = [n for n, text in enumerate(pages) if "活动第" in text]
    assert len(spread) >= 2, "40 indicators must run over more than one page"
    for n in spread:
        # The merged group label, and the project's name row, stand on every page the group runs onto.
        assert "产出指" in pages[n] and "数量指" in pages[n], n  # narrow columns may wrap the last character
        assert "春蕾行动计划经费" in pages[n], n
    with pdfplumber.open(path) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    # Every indicator row is printed once (its target is a short label that never wraps).
    assert text.count("≥10场") == 40


def test_a_department_group_of_200_indicators_and_a_row_taller_than_a_page(tmp_path):
    report = copy.deepcopy(seed_report("004"))
    report.self_evaluation.indicators = _many(200, "产出指标", "数量指标")
    report.self_evaluation.indicators[5].deviation_reason = "原因说明。" * 900  # taller than a page on its own
    path = tmp_path / "huge.pdf"
    write_pdf(build_document(report, load_outline("guangdong")), path)
    text = run("pdftotext", "-enc", "UTF-8", str(path), "-").replace("\n", "")
    assert "第200项" in text
    assert text.count("原因说明。") >= 880  # the tall row is printed whole across pages, not cut off


def _row_heights(tmp_path, table) -> list[float]:
    """The heights of the table's rows on the first page, read from the rules drawn between them."""
    from desktop.reports.document import Document

    path = tmp_path / "rows.pdf"
    write_pdf(Document(title="表", blocks=[table]), path)
    with pdfplumber.open(path) as pdf:
        rules = [line for line in pdf.pages[0].lines if abs(line["top"] - line["bottom"]) < 0.01]
    ys = sorted({round(line["top"], 3) for line in rules})
    return [round(b - a, 3) for a, b in zip(ys, ys[1:])]


def test_a_row_is_as_tall_as_its_tallest_own_cell_and_merged_cells_share_their_shortfall(tmp_path):
    from desktop.reports.document import Cell, Table

    size = 10.5
    leading = size * 1.4
    table = Table(widths=[1, 1, 1], header_rows=1, rows=[
        [Cell("甲"), Cell("乙"), Cell("丙")],
        [Cell("一\n二\n三\n四\n五", rowspan=2), Cell("短"), Cell("一\n二")],
        [Cell("短"), Cell("短")],
        [Cell("合计", colspan=2), Cell("")],
        [Cell("", colspan=2), Cell("")],
    ])
    rows = _row_heights(tmp_path, table)
    assert len(rows) == 5
    one, two, five = (n * leading + 5 for n in (1, 2, 5))
    assert rows[0] == pytest.approx(one, abs=0.01)
    # Rows 1 and 2 need 2 and 1 lines of their own; the merged cell's five lines add the shortfall in halves.
    short = five - (two + one)
    assert rows[1] == pytest.approx(two + short / 2, abs=0.01) and rows[2] == pytest.approx(one + short / 2, abs=0.01)
    assert rows[3] == pytest.approx(one, abs=0.01)
    assert rows[4] == pytest.approx(12 + 5, abs=0.01)  # a blank row merged across columns keeps a blank line's height


def test_a_row_taller_than_a_page_does_not_repeat_the_header_in_the_middle_of_a_page(tmp_path):
    report = copy.deepcopy(seed_report("004"))
    report.self_evaluation.indicators = _many(12, "产出指标", "数量指标")
    report.self_evaluation.indicators[5].deviation_reason = "原因说明。" * 900
    path = tmp_path / "tall_row.pdf"
    write_pdf(build_document(report, load_outline("guangdong")), path)
    pages = [text.replace("\n", "") for text in _pages_text(path)]
    holding = [n for n, text in enumerate(pages) if "原因说明" in text]
    assert len(holding) >= 3
    for n in holding:
        assert pages[n].count("三级指标") == 1, n  # the header once, at the top of the page
    # The row's short cells are printed once, on the page where the row begins.
    assert sum(text.count("活动第6项") for text in pages) == 1
    assert "活动第5项" in pages[holding[0]] and "活动第7项" in pages[holding[-1]]


def test_a_table_of_one_row_that_does_not_fit_at_the_foot_of_a_page_moves_whole(tmp_path):
    """Not a header and an empty slice of the row left at the foot of the page, the row's text on the next."""
    from desktop.reports.document import Cell, Document, Paragraph, Run, Table

    # Title and its blank line take two of the 22 lines; 19 one-line paragraphs leave one line (28.95 pt)
    # for a table of two rows of 19.7 pt.
    blocks = [Paragraph([Run(f"第{n}段。")]) for n in range(19)]
    blocks.append(Table(widths=[3, 1], rows=[[Cell("项目"), Cell("金额")], [Cell("第1行内容"), Cell("1.00")]]))
    path = tmp_path / "one_row.pdf"
    write_pdf(Document(title="报告", blocks=blocks), path)
    first, second = [text.replace("\n", "") for text in _pages_text(path)]
    assert "第18段" in first and "项目" not in first
    assert "项目" in second and "第1行内容" in second

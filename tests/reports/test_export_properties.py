"""Any report exports: 1–200 indicators in any grouping, long titles, empty and huge sections, both
outlines. Each export completes in all three formats, its PDF passes the bureau's measuring script
(tests/tools/check_doc.py, PDF part; a sparse report's page fill excepted, see below), and every total of its workbook is the sum of its rows, as
LibreOffice recalculates it.

A handful of examples run in the suite; FULIAN_PROPERTY_EXAMPLES=200 runs more (bench/ or by hand). The
first example (FULIAN_PROPERTY_DOCX_EXAMPLES of them) also goes through the script's Word half: the .docx's
margins, faces, page-number field, repeated header rows and numbering, and LibreOffice's layout of it
(page count against the PDF's, no blank page) — LibreOffice takes tens of seconds per report, so CI
keeps it to one.
"""

from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from desktop.domain.model import Indicator, NarrativeBlock
from desktop.domain.scoring import IndicatorKind
from desktop.reports.export import export_report

from tests.excel.helpers import recalculate_to_csv

from .conftest import filled_seed

EXAMPLES = int(os.environ.get("FULIAN_PROPERTY_EXAMPLES", "3"))
DOCX_EXAMPLES = int(os.environ.get("FULIAN_PROPERTY_DOCX_EXAMPLES", "1"))
_docx_checked = []  # examples whose Word file went through LibreOffice in this run
CHECK_DOC = Path(__file__).resolve().parents[1] / "tools" / "check_doc.py"
LEVELS = {"产出指标": ["数量指标", "质量指标", "时效指标", "成本指标"], "效益指标": ["社会效益指标", "可持续影响指标"],
          "满意度指标": ["服务对象满意度指标"]}
WORDS = "妇女儿童关爱帮扶培训宣讲活动覆盖率完成及时满意度家庭教育维权服务巾帼"


def text(min_size=0, max_size=40):
    """Clerk-like text: words and figures with a punctuation mark now and then (never a run of marks)."""
    chunk = st.tuples(st.text(alphabet=WORDS, min_size=1, max_size=8),
                      st.sampled_from(["", "", "", "，", "。", "、", "；", "12", "3.5%", "（2024年）"]))
    return st.lists(chunk, min_size=max(1, min_size // 6), max_size=max(1, max_size // 6)).map(
        lambda chunks: "".join(a + b for a, b in chunks)[:max_size] if max_size else "").filter(
        lambda s: len(s) >= min_size)


@st.composite
def indicators(draw, most=200):
    count = draw(st.integers(1, most))
    groups = draw(st.lists(st.sampled_from([(l1, l2) for l1, l2s in LEVELS.items() for l2 in l2s]),
                           min_size=1, max_size=6))
    result = []
    for n in range(count):
        level1, level2 = groups[draw(st.integers(0, len(groups) - 1))] if n % 7 else groups[0]
        weight = Decimal(draw(st.integers(1, 20)))
        target = Decimal(draw(st.integers(1, 500)))
        actual = Decimal(draw(st.integers(0, 600)))
        result.append(Indicator(
            name=draw(text(1, 30)), level1=level1, level2=level2, kind=IndicatorKind.AT_LEAST, target=target,
            unit=draw(st.sampled_from(["人", "人次", "场", "%", "个"])), actual=actual, weight=weight,
            score=min(weight, (weight * actual / target).quantize(Decimal("0.01"))),
            deviation_reason=draw(st.one_of(st.just(""), text(0, 60), text(200, 600))),
        ))
    # Group the rows as the form prints them: consecutive equal 一级/二级 are merged.
    result.sort(key=lambda i: (list(LEVELS).index(i.level1), i.level2))
    return result


@st.composite
def reports(draw):
    seed = draw(st.sampled_from(["000", "004"]))
    report = copy.deepcopy(filled_seed(seed))
    report.self_evaluation.indicators = draw(indicators())
    for project in report.projects:
        project.indicators = draw(indicators(most=40))
    if draw(st.booleans()):
        report.title = draw(text(30, 80))
    huge = draw(st.booleans())
    report.narratives.conclusion = draw(text(1500, 4000)) if huge else draw(text(0, 20))
    # Some sections empty, some huge; the lists both outlines print always carry a few full paragraphs,
    # as a submitted report does (the measuring script reads full lines and full pages).
    report.problems = [draw(text(300, 600))] + draw(st.lists(text(0, 300), max_size=8))
    report.measures = [draw(text(300, 600))] + draw(st.lists(text(1, 300), max_size=8))
    if seed == "004":
        report.narratives.achievements = [NarrativeBlock(draw(text(2, 30)), draw(text(0, 800)))
                                          for _ in range(draw(st.integers(0, 6)))]
    # Each outline with the data of a unit that reports in it (a Sichuan outline over a Guangdong unit's
    # data is a page of headings without text, not a report).
    return report, {"000": "sichuan", "004": "guangdong"}[seed]


def _number(cell: str) -> Decimal:
    cell = cell.replace(",", "").strip()
    if cell.endswith("%"):
        return Decimal(cell[:-1]) / 100
    return Decimal(cell) if cell else Decimal(0)


def _column_row(ref: str) -> tuple[int, int]:
    letters, digits = re.fullmatch(r"([A-Z]+)(\d+)", ref).groups()
    column = 0
    for ch in letters:
        column = column * 26 + ord(ch) - 64
    return int(digits) - 1, column - 1


def _refs(formula: str) -> list[str]:
    refs = []
    for part in re.fullmatch(r"=SUM\((.*)\)", formula).group(1).split(","):
        if ":" in part:
            first, last = part.split(":")
            (r0, c0), (r1, _) = _column_row(first), _column_row(last)
            refs += [(r, c0) for r in range(r0, r1 + 1)]
        else:
            refs.append(_column_row(part))
    return refs


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(reports())
def test_every_report_exports_and_measures_and_its_workbook_adds_up(tmp_path_factory, case):
    report, outline = case
    out = tmp_path_factory.mktemp("property")
    paths = {p.suffix[1:]: p for p in export_report(report, out, ["docx", "pdf", "xlsx"], outline).paths}
    assert set(paths) == {"docx", "pdf", "xlsx"}

    with_docx = len(_docx_checked) < DOCX_EXAMPLES
    documents = [str(paths["pdf"])] + ([str(paths["docx"])] if with_docx else [])
    # As a reviewer runs it (the machine's fonts), with a LibreOffice profile of its own.
    measured = subprocess.run([sys.executable, str(CHECK_DOC), *documents], capture_output=True, text=True,
                              timeout=900, env=dict(os.environ, HOME=str(out)))
    if with_docx:
        _docx_checked.append(paths["docx"])
        assert "docx pages in LibreOffice vs PDF pages" in measured.stdout, measured.stdout + measured.stderr
    failed = [line for line in measured.stdout.splitlines() if line.startswith("FAIL")]
    # Every figure holds, with two exceptions that measure the content rather than the layout: a report
    # of many one-line sections cannot fill its pages (headings keep with their text, so such pages end
    # a line or three early; the grid itself is never exceeded), and forms of a hundred rows outnumber
    # the text's characters, so the most common size is the tables' (the text's own 3号 lines are
    # measured by "widest line", which must pass).
    tolerated = [line for line in failed if line.startswith(("FAIL lines per full page", "FAIL body font size"))]
    assert failed == tolerated, measured.stdout + measured.stderr
    for line in tolerated:
        if line.startswith("FAIL lines per full page"):
            assert 17 <= float(line.rsplit(":", 1)[1]) <= 22, line

    formulas = load_workbook(paths["xlsx"])
    stored = load_workbook(paths["xlsx"], data_only=True)
    sheets = recalculate_to_csv(paths["xlsx"], out / "csv")
    checked = 0
    for ws in formulas.worksheets:
        rows = sheets[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("=SUM("):
                    recalculated = _number(rows[cell.row - 1][cell.column - 1])
                    parts = sum((_number(rows[r][c]) for r, c in _refs(cell.value)), Decimal(0))
                    assert recalculated == parts, (ws.title, cell.coordinate)
                    assert Decimal(str(stored[ws.title][cell.coordinate].value)) == recalculated, (
                        ws.title, cell.coordinate)
                    checked += 1
    assert checked >= 2  # at least the department form's Σ 分值 and Σ 得分

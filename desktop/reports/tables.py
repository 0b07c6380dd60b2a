"""The report's tables as neutral `Table`s: 收支情况表, 项目支出表 and the 自评表s (财预〔2020〕10号 附1)."""

from __future__ import annotations

from decimal import Decimal
from typing import Callable, Optional

from ..domain.attachments import PROJECT_FIGURES, project_table_figures
from ..domain.evaluation import department_evaluation, effective_score, project_evaluation, unverifiable
from ..domain.finance import (
    basic_total,
    budget_execution_rate,
    expenditure_shares,
    expenditure_total,
    fund_total,
    income_shares,
    income_total,
    project_budget,
    project_budget_share,
    project_execution_rate,
)
from ..domain.model import FundColumn, Indicator, Project, Report
from ..domain.money import sum_amounts
from ..domain.scoring import IndicatorKind, grade_for
from ..rulesets import rule_set_for, scoring_statement
from .document import Align, Amount, Cell, Number, Percent, Table

TableBuilder = Callable[[Report, Optional[Project]], Table]


def _amount(value: Optional[Decimal]) -> Optional[Amount]:
    return Amount(value) if value is not None else None


def _percent(value: Optional[Decimal], places: Optional[int] = None) -> Optional[Percent]:
    """A percentage cell; `places` the decimals the clerk chose for shares (None: as the value has them)."""
    return Percent(value, places) if value is not None else None


def _number(value: Optional[Decimal], unit: str = "") -> Optional[Number]:
    return Number(value, unit) if value is not None else None


def _sum_entered(amounts: list[Optional[Decimal]]) -> Optional[Decimal]:
    """Σ of the entered amounts; None (an empty cell, not a 0) when none was entered."""
    present = [a for a in amounts if a is not None]
    return sum_amounts(present) if present else None


def _head(*texts: str) -> list[Cell]:
    return [Cell(t, bold=True) for t in texts]


# ---------------------------------------------------------------- 收支情况表


def income_expenditure(report: Report, project: Optional[Project] = None) -> Table:
    """收支情况表: income by source, expenditure by kind, carry-over, budget execution (万元)."""
    finance = report.finance
    rows: list[list[Cell]] = [_head("项目", "金额（万元）", "占比")]

    places = finance.share_places

    def line(label: str, value, share=None, bold=False, indent=0) -> None:
        # A figure the clerk has not entered is left out rather than printed as an empty row:
        # a blank cell in a submitted table reads as a mistake.
        if value is None:
            return
        rows.append([Cell("　" * indent + label, bold=bold), Cell(_amount(value), bold=bold),
                     Cell(_percent(share, places))])

    line("年初结转结余", finance.carry_over_start)
    line("本年收入合计", income_total(finance), bold=True)
    for source_line, share in zip(finance.income_lines, income_shares(finance)):
        line(source_line.source, source_line.amount, share if source_line.amount else None, indent=1)
    expenditure = finance.expenditure
    basic_share, project_share = expenditure_shares(expenditure, places)
    line("本年支出合计", expenditure_total(expenditure), bold=True)
    basic = basic_total(expenditure)
    line("基本支出", basic, basic_share if basic else None, indent=1)
    if expenditure.personnel is not None or expenditure.public is not None:
        line("人员经费", expenditure.personnel, indent=2)
        line("公用经费", expenditure.public, indent=2)
    line("项目支出", expenditure.project, project_share if expenditure.project else None, indent=1)
    line("年末结转结余", finance.carry_over_end)
    budget = finance.budget
    if any(v is not None for v in (budget.initial, budget.adjusted, budget.executed)):
        line("年初预算数", budget.initial)
        line("全年预算数", budget.adjusted)
        line("全年执行数", budget.executed)
        rows.append([Cell("预算执行率"), Cell(_percent(budget_execution_rate(budget))), Cell(None)])
    if finance.three_public:
        rows.append([Cell("三公经费（预算数 / 决算数）", bold=True), Cell(None), Cell(None)])
        for item in finance.three_public:
            rows.append([Cell("　" + item.item), Cell(_amount(item.actual)), Cell(_percent(_rate(item.actual, item.budget)))])
    if all(row[2].value is None for row in rows[1:]):
        # No row has a share (seed 004 states its budget and execution only): no empty 占比 column.
        return Table(widths=[3, 1.4], rows=[row[:2] for row in rows], header_rows=1, name="income_expenditure",
                     caption="收支情况表", note="单位：万元")
    return Table(widths=[3, 1.4, 1], rows=rows, header_rows=1, name="income_expenditure",
                 caption="收支情况表", note="单位：万元")


def _rate(part: Optional[Decimal], whole: Optional[Decimal]) -> Optional[Decimal]:
    from ..domain.scoring import execution_rate

    return execution_rate(part, whole)


# ---------------------------------------------------------------- 项目支出表


def projects(report: Report, project: Optional[Project] = None) -> Table:
    """项目支出表: one row per project with its budgets, execution and self-score, and a total row.

    A figure column no project has is left out (never printed empty); one that some projects lack is a
    validation error naming each missing field (ATT-004), so a final document has every cell filled."""
    from ..domain.scoring import execution_rate

    rules = rule_set_for(report)
    budget = report.finance.budget
    shown = {f.key for f in project_table_figures(report)}
    department_budget = budget.adjusted if budget.adjusted is not None else budget.initial
    # A reviewer recomputes each project's weight in the department's budget: printed when that budget is known.
    with_share = department_budget is not None and "adjusted" in shown
    with_rate = {"adjusted", "executed"} <= shown
    header = ["序号", "项目名称"] + [f.header for f in PROJECT_FIGURES if f.key in shown and f.key != "score"]
    header += (["执行率"] if with_rate else []) + (["自评得分"] if "score" in shown else [])
    header += ["占部门预算"] if with_share else []
    widths_of = {"序号": 0.6, "项目名称": 3, "执行率": 1, "自评得分": 1, "占部门预算": 1.1}
    rows: list[list[Cell]] = [_head(*header)]
    sums: dict[str, list] = {"initial": [], "adjusted": [], "executed": []}
    for n, item in enumerate(report.projects, start=1):
        amounts = {"initial": fund_total(item.initial), "adjusted": project_budget(item), "executed": fund_total(item.executed)}
        row = [Cell(str(n), align=Align.CENTER), Cell(item.name)]
        for key in ("initial", "adjusted", "executed"):
            if key in shown:
                sums[key].append(amounts[key])
                row.append(Cell(_amount(amounts[key])))
        if with_rate:
            row.append(Cell(_percent(project_execution_rate(item))))
        if "score" in shown:
            row.append(Cell(_number(project_evaluation(item, rules).total, "分")))
        if with_share:
            row.append(Cell(_percent(project_budget_share(item, budget))))
        rows.append(row)
    if not report.projects:
        # Only a 项目支出 of zero means there were none; a list not yet entered is left out of the document
        # (the builder does not print it) and the draft-only workbook says so.
        none = report.finance.expenditure.project == 0
        rows.append([Cell("本年度无项目支出" if none else "项目明细未填写", colspan=len(header), align=Align.CENTER)])
    else:
        totals = {key: _sum_entered(values) for key, values in sums.items()}
        row = [Cell("合计", colspan=2, align=Align.CENTER, bold=True)]
        row += [Cell(_amount(totals[key]), bold=True) for key in ("initial", "adjusted", "executed") if key in shown]
        if with_rate:
            row.append(Cell(_percent(execution_rate(totals["executed"], totals["adjusted"])), bold=True))
        if "score" in shown:
            row.append(Cell("—", align=Align.CENTER))  # scores of different projects do not add up
        if with_share:
            row.append(Cell(_percent(execution_rate(totals["adjusted"], department_budget)), bold=True))
        rows.append(row)
    return Table(widths=[widths_of.get(h, 1.2) for h in header], rows=rows, header_rows=1, name="projects",
                 caption="项目支出表", note="单位：万元")


# ---------------------------------------------------------------- 自评表


def _target_text(indicator: Indicator) -> str:
    if indicator.target_text:
        return indicator.target_text
    if indicator.target is None:
        return ""
    symbol = "" if indicator.kind in (IndicatorKind.QUALITATIVE, IndicatorKind.EQUAL) else indicator.kind.symbol
    from ..domain.money import plain_number

    return f"{symbol}{plain_number(indicator.target)}{indicator.unit}"


def _actual_text(indicator: Indicator) -> str:
    if indicator.actual_text:
        return indicator.actual_text
    if indicator.actual is None:
        return indicator.attainment.value if indicator.attainment else ""
    from ..domain.money import plain_number

    return f"{plain_number(indicator.actual)}{indicator.unit}"


def _target_value(indicator: Indicator):
    """年度指标值: a bare percentage ("= 100%") as a number, a bound ("≥90%") or words as text."""
    text = _target_text(indicator)
    if (not indicator.target_text and indicator.target is not None and indicator.unit in ("%", "％")
            and not text.startswith(("≥", "≤", ">", "<"))):
        return Percent(indicator.target)
    return text


def _actual_value(indicator: Indicator):
    """实际完成值: a percentage as a number (the workbook stores 0.95, not the text "95%"), else as text."""
    if not indicator.actual_text and indicator.actual is not None and indicator.unit in ("%", "％"):
        return Percent(indicator.actual)
    return _actual_text(indicator)


UNVERIFIABLE_MARK = "※"
UNVERIFIABLE_NOTE = (f"{UNVERIFIABLE_MARK} 定量指标的实际完成值不是数字，无法与年度指标值核对，该项得分按 0 分计；"
                     "填写实际数值后按规则计分。")


def _scoring_rows(report: Report, indicators: list[Indicator], label_span: int, text_span: int) -> list[list[Cell]]:
    """The last row of a 自评表: which rule set and execution cap scored it, and why a row was marked."""
    text = scoring_statement(report) + "。"
    if any(i.applicable and unverifiable(i) for i in indicators):
        text += UNVERIFIABLE_NOTE  # the note starts with its mark, after the statement's full stop
    return [[Cell("评分说明", colspan=label_span, bold=True, align=Align.CENTER), Cell(text, colspan=text_span)]]


def _indicator_rows(indicators: list[Indicator], first_col: Optional[Cell], columns: int) -> list[list[Cell]]:
    """Indicator rows 一级 | 二级 | 三级 | 指标值 | 实际值 | 分值 | 得分 | 偏差原因 (merged 一级/二级 runs).

    `first_col` is a label cell spanning all rows on the left (附1's 绩效指标), or None.
    `columns` is the table's width; the reason column takes what is left.
    """
    applicable = [i for i in indicators if i.applicable]
    rows: list[list[Cell]] = []
    # Consecutive equal 一级 (and 二级 within it) are merged vertically, as the printed form does.
    level1_spans = _runs([i.level1 for i in applicable])
    level2_spans = _runs([(i.level1, i.level2) for i in applicable])
    reason_span = columns - 7 - (1 if first_col is not None else 0)
    for n, indicator in enumerate(applicable):
        row: list[Cell] = []
        if n == 0 and first_col is not None:
            first_col.rowspan = len(applicable)
            row.append(first_col)
        if n in level1_spans:
            row.append(Cell(indicator.level1, rowspan=level1_spans[n], align=Align.CENTER))
        if n in level2_spans:
            row.append(Cell(indicator.level2, rowspan=level2_spans[n], align=Align.CENTER))
        row += [
            Cell(indicator.name),
            Cell(_target_value(indicator), align=Align.CENTER),
            Cell(_actual_value(indicator) + UNVERIFIABLE_MARK if unverifiable(indicator) else _actual_value(indicator),
                 align=Align.CENTER),
            Cell(_number(indicator.weight)),
            Cell(_number(effective_score(indicator))),
            Cell(indicator.deviation_reason, colspan=reason_span),
        ]
        rows.append(row)
    return rows


def _runs(values: list) -> dict[int, int]:
    """Start index → length of each run of equal consecutive values."""
    spans: dict[int, int] = {}
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            spans[start] = i - start
            start = i
    return spans


def _totals(rows: list[list[Cell]], weight_at: list[tuple[int, int]], score_at: list[tuple[int, int]],
            full_marks: Decimal, bands) -> tuple[Cell, Cell, str]:
    """总分 of a 自评表 computed from the rows shown: Σ 分值, Σ 得分, and the grade — which is shown only
    when the 分值 add up to the rule set's full score and every row has its 得分."""
    cells = {(r, c): cell for r, c, cell in _placed_partial(rows)}

    def total(at: list[tuple[int, int]]) -> tuple[Optional[Decimal], bool]:
        values = [cells[p].value.value if isinstance(cells[p].value, Number) else None for p in at]
        present = [v for v in values if v is not None]
        return (sum(present, Decimal(0)) if present else None), len(present) == len(values)

    weights, all_weights = total(weight_at)
    scores, all_scores = total(score_at)
    grade = ""
    if all_weights and all_scores and weights == full_marks and scores is not None:
        grade = grade_for(scores, bands).value
    return (Cell(_number(weights), bold=True, sum_of=tuple(weight_at)),
            Cell(_number(scores), bold=True, sum_of=tuple(score_at)), grade)


def _placed_partial(rows: list[list[Cell]]) -> list[tuple[int, int, Cell]]:
    """(row, column, cell) of rows still being built (cells covered by a merge from above are skipped)."""
    covered: set[tuple[int, int]] = set()
    result = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in covered:
                c += 1
            result.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    covered.add((r + dr, c + dc))
            c += cell.colspan
    return result


def _indicator_positions(rows: list[list[Cell]], first: int, weight_col: int, score_col: int
                         ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    placed = {(r, c) for r, c, _ in _placed_partial(rows)}
    body = range(first, len(rows))
    return ([(r, weight_col) for r in body if (r, weight_col) in placed],
            [(r, score_col) for r in body if (r, score_col) in placed])


def department_evaluation_table(report: Report, project: Optional[Project] = None) -> Table:
    """部门整体支出绩效自评表: 预算执行率 row, the indicator tree, 总分 from the rows, and the grade."""
    rules = rule_set_for(report)
    evaluation = department_evaluation(report, rules)
    weight = report.self_evaluation.execution_weight
    rows: list[list[Cell]] = [_head("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")]
    budget = report.finance.budget
    rows.append([
        Cell("预算执行率", colspan=3, align=Align.CENTER),
        Cell(_percent(Decimal(100)), align=Align.CENTER),
        Cell(_percent(budget_execution_rate(budget)), align=Align.CENTER),
        Cell(_number(weight)), Cell(_number(evaluation.execution_score)),
        Cell(budget.low_execution_reason),
    ])
    rows += _indicator_rows(report.self_evaluation.indicators, None, 8)
    weight_at, score_at = _indicator_positions(rows, 1, 5, 6)
    weights, scores, grade = _totals(rows, weight_at, score_at, rules.full_marks, rules.grade_bands)
    rows.append([Cell("总分", colspan=5, align=Align.CENTER, bold=True), weights, scores, Cell(None)])
    rows.append([Cell("评价等级", colspan=5, align=Align.CENTER, bold=True),
                 Cell(grade or "—", colspan=3, align=Align.CENTER, bold=True)])
    rows += _scoring_rows(report, report.self_evaluation.indicators, 2, 6)
    return Table(widths=[1.1, 1.1, 2, 1.1, 1.1, 0.7, 0.7, 2], rows=rows, header_rows=1,
                 name="department_evaluation", caption="部门整体支出绩效自评表")


FUND_SOURCES = (("当年财政拨款", "current_year"), ("上年结转资金", "carried_over"), ("其他资金", "other"))


def _fund_row(label: str, columns: tuple[FundColumn, FundColumn, FundColumn], attr: str,
              scored: Optional[tuple] = None) -> list[Cell]:
    values = [fund_total(c) if attr == "total" else getattr(c, attr) for c in columns]
    row = [Cell(label, colspan=2)] + [Cell(_amount(v)) for v in values]
    if scored is None:
        row += [Cell("—", align=Align.CENTER), Cell("—", align=Align.CENTER), Cell("—", colspan=2, align=Align.CENTER)]
    else:
        weight, rate, score = scored
        row += [Cell(_number(weight)), Cell(_percent(rate)), Cell(_number(score), colspan=2)]
    return row


def project_evaluation_table(report: Report, project: Optional[Project] = None) -> Table:
    """项目支出绩效自评表 in the 财预〔2020〕10号 附1 layout (10 columns)."""
    if project is None:
        raise ValueError("project_evaluation needs a project")
    rules = rule_set_for(report)
    evaluation = project_evaluation(project, rules)
    columns = (project.initial, project.adjusted, project.executed)
    # A source of funds no column names (the clerk gave the totals only) is left out rather than printed
    # as a row of empty cells; one that some column names must have them all (ATT-001 says which).
    sources = [(label, attr) for label, attr in FUND_SOURCES if any(getattr(c, attr) is not None for c in columns)]
    source_rows = [_fund_row(("其中：" if n == 0 else "") + label, columns, attr) for n, (label, attr) in enumerate(sources)]
    rows: list[list[Cell]] = [
        [Cell("项目名称", bold=True), Cell(project.name, colspan=9)],
        [Cell("主管部门", bold=True), Cell(report.profile.full_name or report.unit.name, colspan=4),
         Cell("实施单位", colspan=2, bold=True), Cell(project.department or report.profile.full_name or report.unit.name, colspan=3)],
        [Cell("项目资金（万元）", rowspan=2 + len(source_rows), bold=True), Cell("", colspan=2), *_head("年初预算数", "全年预算数", "全年执行数", "分值", "执行率"),
         Cell("得分", colspan=2, bold=True)],
        _fund_row("年度资金总额", columns, "total", (project.execution_weight, evaluation.execution_rate, evaluation.execution_score)),
        *source_rows,
        [Cell("年度总体目标", rowspan=2, bold=True), Cell("预期目标", colspan=5, bold=True, align=Align.CENTER),
         Cell("实际完成情况", colspan=4, bold=True, align=Align.CENTER)],
        [Cell(project.expected_goal, colspan=5), Cell(project.actual_goal, colspan=4)],
    ]
    indicator_rows = _indicator_rows(project.indicators, None, 9)
    header = [Cell("绩效指标", rowspan=1 + len(indicator_rows), bold=True),
              *_head("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"),
              Cell("偏差原因分析及改进措施", colspan=2, bold=True)]
    rows.append(header)
    first_indicator = len(rows)
    rows += indicator_rows
    # The execution part (年度资金总额 row: 分值 in column 6, 得分 in column 8) and the indicators'
    # (分值 in column 6, 得分 in column 7) make up the 总分.
    weight_at, score_at = _indicator_positions(rows, first_indicator, 6, 7)
    weights, scores, grade = _totals(rows, [(3, 6)] + weight_at, [(3, 8)] + score_at, rules.full_marks,
                                     rules.grade_bands)
    rows.append([Cell("总分", colspan=6, bold=True, align=Align.CENTER), weights, scores, Cell(None, colspan=2)])
    rows.append([Cell("评价等级", colspan=6, bold=True, align=Align.CENTER),
                 Cell(grade or "—", colspan=4, bold=True, align=Align.CENTER)])
    rows += _scoring_rows(report, project.indicators, 1, 9)
    # The project's name row repeats on every page the form runs onto: a reader always knows whose it is.
    return Table(widths=[1.5, 1, 1, 1.6, 1, 1, 0.7, 0.8, 0.8, 1.2], rows=rows, header_rows=1,
                 name="project_evaluation", caption="项目支出绩效自评表", note=f"（{report.fiscal_year}年度）")


TABLES: dict[str, TableBuilder] = {
    "income_expenditure": income_expenditure,
    "projects": projects,
    "department_evaluation": department_evaluation_table,
    "project_evaluation": project_evaluation_table,
}

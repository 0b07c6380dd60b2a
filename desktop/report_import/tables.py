"""Tables of an old report read into figures: the 收支表 (rows named by their item), the 项目支出表 and
the 部门整体支出绩效自评表 (分值 / 得分). A figure the text already gave is only compared: a
difference is a finding, the text's value stays. Amounts follow the table's unit (万元 or 元)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Optional

from ..domain import fieldpath
from ..domain.model import FundColumn, IncomeLine, Indicator, Project, STANDARD_INCOME_SOURCES
from ..domain.money import format_wan
from .source import SourceTable
from .text import compact

# Row label → (where the figure goes: a field path, its name). Income sources are matched against the standard list.
FINANCE_ROWS = {
    "本年收入合计": ("report.finance.income_total", "本年收入总计"),
    "本年收入总计": ("report.finance.income_total", "本年收入总计"),
    "收入合计": ("report.finance.income_total", "本年收入总计"),
    "本年支出合计": ("report.finance.expenditure.total", "本年支出合计"),
    "支出合计": ("report.finance.expenditure.total", "本年支出合计"),
    "基本支出": ("report.finance.expenditure.basic", "基本支出"),
    "人员经费": ("report.finance.expenditure.personnel", "人员经费"),
    "公用经费": ("report.finance.expenditure.public", "公用经费"),
    "项目支出": ("report.finance.expenditure.project", "项目支出"),
    "年初结转结余": ("report.finance.carry_over_start", "年初结转结余"),
    "年末结转结余": ("report.finance.carry_over_end", "年末结转结余"),
    "年初预算数": ("report.finance.budget.initial", "年初预算数"),
    "全年预算数": ("report.finance.budget.adjusted", "全年预算数"),
    "全年执行数": ("report.finance.budget.executed", "全年执行数"),
}


def _number(text: str) -> Optional[Decimal]:
    cleaned = text.replace(",", "").replace("，", "").strip()
    if not re.fullmatch(r"-?\d+(?:\.\d+)?", cleaned):
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def _unit(rows: list[list[str]], caption: str = "") -> str:
    """万元 unless the header or the line above says 元 alone: reports print their tables in 万元."""
    header = "".join(rows[0]) if rows else ""
    for text in (header, caption):
        if "万元" in text:
            return "万元"
        if re.search(r"单位[：:]\s*元|[（(]元[）)]", text):
            return "元"
    return "万元"


def _to_yuan(value: Decimal, unit: str) -> Decimal:
    return (value * (10000 if unit == "万元" else 1)).quantize(Decimal("0.01"))


def read_table(table: SourceTable, sink, caption: str = "") -> bool:
    """`caption`: the paragraph above the table ("单位：万元")."""
    rows = [[cell.strip() for cell in row] for row in table.rows if any(cell.strip() for cell in row)]
    if not rows:
        return False
    header = [compact(c) for c in rows[0]]
    if "项目名称" in header and "年初预算数" in header:
        return _projects(table, rows, header, sink, caption)
    if "三级指标" in header and "分值" in header:
        return _evaluation(table, rows, header, sink)
    labels = {compact(row[0]) for row in rows[1:]}
    if labels & set(FINANCE_ROWS) or labels & {compact(s) for s in STANDARD_INCOME_SOURCES}:
        return _finance(table, rows, sink, caption)
    return False


def _put(sink, table: SourceTable, path: str, label: str, value: Decimal) -> None:
    current = fieldpath.get(sink.report, path)
    sink._current_text = f"{label} {format_wan(value)}"
    if current is None:
        fieldpath.set_value(sink.report, path, value)
        sink.fields.append(_recognised(label, format_wan(value), table))
    elif current != value:
        sink.findings.append(f"表格中“{label}”为 {format_wan(value)}，正文写的是 {format_wan(current)}，请核对（{table.where}）。")


def _recognised(label: str, value: str, table: SourceTable):
    from .preview import Recognised

    return Recognised(label, value, f"表格：{label}", table.where)


def _finance(table: SourceTable, rows: list[list[str]], sink, caption: str) -> bool:
    unit = _unit(rows, caption)
    standard = {compact(s): s for s in STANDARD_INCOME_SOURCES}
    lines: list[IncomeLine] = []
    for row in rows[1:]:
        if len(row) < 2:
            continue
        label = compact(row[0])
        value = _number(row[1])
        if value is None:
            continue
        amount = _to_yuan(value, unit)
        if label in FINANCE_ROWS:
            path, name = FINANCE_ROWS[label]
            _put(sink, table, path, name, amount)
        elif label in standard:
            lines.append(IncomeLine(standard[label], amount))
    finance = sink.report.finance
    if lines:
        if not finance.income_lines:
            finance.income_lines = lines
            for line in lines:
                sink.fields.append(_recognised(f"收入：{line.source}", format_wan(line.amount), table))
        else:
            known = {line.source: line.amount for line in finance.income_lines}
            for line in lines:
                if line.source in known and known[line.source] != line.amount:
                    sink.findings.append(f"表格中“{line.source}”为 {format_wan(line.amount)}，正文写的是 "
                                         f"{format_wan(known[line.source])}，请核对（{table.where}）。")
    return True


def _projects(table: SourceTable, rows: list[list[str]], header: list[str], sink, caption: str) -> bool:
    unit = _unit(rows, caption)
    column = {name: header.index(name) for name in ("项目名称", "年初预算数", "全年预算数", "全年执行数", "自评得分") if name in header}
    known = {p.name: p for p in sink.report.projects}
    for row in rows[1:]:
        name = row[column["项目名称"]] if column["项目名称"] < len(row) else ""
        if not name or name in ("合计", "总计") or name.startswith("（"):
            continue

        def value(key: str) -> Optional[Decimal]:
            index = column.get(key)
            return _number(row[index]) if index is not None and index < len(row) else None

        initial, adjusted, executed, score = (value(k) for k in ("年初预算数", "全年预算数", "全年执行数", "自评得分"))
        project = known.get(name)
        if project is None:
            project = Project(name=name)
            sink.report.projects.append(project)
            known[name] = project
        if initial is not None:
            amount = _to_yuan(initial, unit)
            if project.initial.total is None:
                project.initial = FundColumn(total=amount)
            elif project.initial.total != amount:
                sink.findings.append(f"项目“{name}”的年初预算数表格中为 {format_wan(amount)}，正文写的是 "
                                     f"{format_wan(project.initial.total)}，请核对（{table.where}）。")
        # 全年预算数 equal to 年初 is the table's repeat of it, not an adjustment.
        if adjusted is not None and _to_yuan(adjusted, unit) != project.initial.total:
            project.adjusted = FundColumn(total=_to_yuan(adjusted, unit))
        if executed is not None:
            project.executed = FundColumn(total=_to_yuan(executed, unit))
        if score is not None:
            project.self_score = score
        sink.fields.append(_recognised(f"项目：{name}", "、".join(
            f"{label}{format_wan(_to_yuan(v, unit))}" for label, v in (("年初", initial), ("全年", adjusted), ("执行", executed))
            if v is not None) or "（无金额）", table))
    return True


def _evaluation(table: SourceTable, rows: list[list[str]], header: list[str], sink) -> bool:
    col = {name: header.index(name) for name in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                                                  "偏差原因分析及改进措施") if name in header}

    def cell(row: list[str], key: str) -> str:
        index = col.get(key)
        return row[index] if index is not None and index < len(row) else ""

    evaluation = sink.report.self_evaluation
    indicators: list[Indicator] = []
    for row in rows[1:]:
        name = cell(row, "三级指标")
        if compact(row[0]).startswith("总分") or compact(name) == "总分":
            total = _number(cell(row, "得分"))
            if total is not None:
                if evaluation.entered_total is None:
                    evaluation.entered_total = total
                    sink.fields.append(_recognised("自评得分", f"{total} 分", table))
                elif evaluation.entered_total != total:
                    sink.findings.append(f"自评表总分为 {total} 分，正文写的是 {evaluation.entered_total} 分，请核对（{table.where}）。")
            continue
        if compact(name) == "预算执行率":
            weight = _number(cell(row, "分值"))
            if weight is not None:
                evaluation.execution_weight = weight
            continue
        if not name:
            continue
        indicator = Indicator(name=name, level1=cell(row, "一级指标"), level2=cell(row, "二级指标"),
                              target_text=cell(row, "年度指标值"), actual_text=cell(row, "实际完成值"),
                              weight=_number(cell(row, "分值")), score=_number(cell(row, "得分")),
                              deviation_reason=cell(row, "偏差原因分析及改进措施"))
        indicators.append(indicator)
        sink.fields.append(_recognised(f"自评指标：{name}", f"分值 {indicator.weight or '—'}，得分 {indicator.score or '—'}", table))
    if indicators and not evaluation.indicators:
        evaluation.indicators = indicators
    return True

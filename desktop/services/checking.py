"""Validation as the front-ends use it: a report's issues in the order they are shown, their counts, the
marks beside the fields, and the 校验 text and JSON of the command line.

The values are validation's own (`Issue`, `Summary`): nothing is copied into look-alike classes. The
rules live in desktop.validation and are imported when a report is first checked, not when the window
or the command line starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.model import Report

if TYPE_CHECKING:
    from ..validation.issue import Issue, Summary

OUTLINE_NAMES = {"sichuan": "四川格式", "guangdong": "广东格式"}
NOTHING_FOUND = "校验通过，未发现问题"


def check(report: Report) -> list[Issue]:
    """The issues, in display order: by report part, then severity (the catalogue's order within)."""
    from ..validation import validate
    from ..validation.issue import sort_key

    return sorted(validate(report), key=sort_key)


def count(issues: list[Issue]) -> Summary:
    """How many errors, warnings and hints (`.ok`: nothing blocks submission; `.text` in Chinese)."""
    from ..validation import summarize

    return summarize(issues)


def summary_text(issues: list[Issue]) -> str:
    """The status line: "2 个错误，1 个警告，0 条提示", or that the report passed."""
    return count(issues).text if issues else NOTHING_FOUND


def issue_text(issue: Issue) -> str:
    """What is wrong and, in brackets, what to do: the text shown under a field."""
    return issue.message + (f"（{issue.hint}）" if issue.hint else "")


def marks(issues: list[Issue]) -> list[tuple[str, str, str]]:
    """(field path, severity "error"/"warning"/"info", text) for marking fields in place."""
    return [(i.field, i.severity.value, issue_text(i)) for i in issues]


def report_document(report: Report, issues: list[Issue]) -> dict:
    """The result as JSON-ready data, for other programs (`fulian validate --json`)."""
    from ..validation.context import enum_value

    summary = count(issues)
    return {
        "unit": report.unit.name,
        "fiscal_year": report.fiscal_year,
        "outline": enum_value(report.outline),
        "rule_set": enum_value(report.rule_set),
        "overlays": list(report.overlays),
        "summary": {"errors": summary.errors, "warnings": summary.warnings, "infos": summary.infos, "ok": summary.ok},
        "issues": [issue.to_dict() for issue in issues],
    }


def report_text(report: Report, issues: list[Issue]) -> str:
    """Chinese, grouped by report part: what is wrong, where, and what to do."""
    from ..validation.context import enum_value
    from ..validation.engine import build_context
    from ..validation.issue import SECTION_ORDER

    summary = count(issues)
    ctx = build_context(report)
    outline = OUTLINE_NAMES.get(enum_value(report.outline), enum_value(report.outline))
    overlays = "、".join(ctx.overlays.names[o] for o in sorted(ctx.active_overlays)) or "无"
    lines = [
        f"校验：{report.unit.name} {report.fiscal_year} 年度（{outline}；评分规则：{ctx.rule_set.name}；地方规则：{overlays}）",
        f"结果：{summary.text}",
    ]
    if not issues:
        lines.append("未发现评审会退回的问题。")
        return "\n".join(lines)
    groups: dict[str, list[Issue]] = {}
    for issue in issues:
        groups.setdefault(issue.section, []).append(issue)
    for section in sorted(groups, key=lambda s: SECTION_ORDER.index(s) if s in SECTION_ORDER else len(SECTION_ORDER)):
        lines.append("")
        lines.append(f"【{section}】")
        for issue in groups[section]:
            lines.append(f"  [{issue.severity.label}] {issue.code}  位置：{issue.field}")
            lines.append(f"    {issue.message}")
            if issue.hint:
                lines.append(f"    处理：{issue.hint}")
    if not summary.ok:
        lines.append("")
        lines.append("请先改正全部“错误”再导出提交；“警告”请逐条核对。")
    return "\n".join(lines)

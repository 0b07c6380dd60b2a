"""`fulian validate`: the reviewer's checks from a terminal, grouped by report part, or as JSON."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..exchange import read_file
from ..validation import validate
from ..validation.context import enum_value
from ..validation.engine import build_context
from ..validation.issue import SECTION_ORDER, Issue, summarize
from .common import EXIT_FAILED, EXIT_OK, CliError, add_report_source, load_report

OUTLINE_NAMES = {"sichuan": "四川格式", "guangdong": "广东格式"}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("validate", help="校验报告：找出评审会退回的问题（有错误时退出码为 1）")
    add_report_source(parser)
    parser.add_argument("--json", action="store_true", help="以 JSON 输出，供其他程序读取")
    parser.set_defaults(run=cmd_validate)


def _load(args: argparse.Namespace):
    # An exchange file is read directly: checking a file must not need the database.
    if args.file and not (args.unit or args.year):
        return read_file(Path(args.file))
    if not (args.file or args.unit or args.year):
        raise CliError("请指定数据文件，或用 --unit 单位名称 --year 年度 指定数据库中的报告。")
    try:
        return load_report(args)
    except ImportError:
        raise CliError("本程序的数据库部分不可用，请改为指定数据文件：fulian validate 文件.fulian.json") from None


def cmd_validate(args: argparse.Namespace) -> int:
    report = _load(args)
    issues = validate(report)
    summary = summarize(issues)
    if args.json:
        document = {
            "unit": report.unit.name,
            "fiscal_year": report.fiscal_year,
            "outline": enum_value(report.outline),
            "rule_set": enum_value(report.rule_set),
            "overlays": list(report.overlays),
            "summary": {"errors": summary.errors, "warnings": summary.warnings, "infos": summary.infos, "ok": summary.ok},
            "issues": [issue.to_dict() for issue in issues],
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        print(render_text(report, issues))
    return EXIT_OK if summary.ok else EXIT_FAILED


def render_text(report, issues: list[Issue]) -> str:
    """Chinese, grouped by report part: what is wrong, where, and what to do."""
    summary = summarize(issues)
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

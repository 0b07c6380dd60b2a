"""`fulian validate`: the reviewer's checks from a terminal, grouped by report part, or as JSON."""

from __future__ import annotations

import argparse
import json

from .common import EXIT_FAILED, EXIT_OK, CliError, add_report_source, load_report, open_workspace


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("validate", help="校验报告：找出评审会退回的问题（有错误时退出码为 1）")
    add_report_source(parser)
    parser.add_argument("--json", action="store_true", help="以 JSON 输出，供其他程序读取")
    parser.set_defaults(run=cmd_validate)


def _load(args: argparse.Namespace):
    """The report as it would be printed: from the database (--unit) with what the database adds —
    last year's totals for a typed "比上年…", a district's collected figures — as `export` checks it;
    an exchange file as it is, without the database: checking a file must not need it."""
    from ..services.exporting import as_printed

    try:
        workspace = open_workspace(args) if args.unit else None
        report = load_report(args, workspace)
    except ImportError:
        raise CliError("本程序的数据库部分不可用，请改为指定数据文件：fulian validate 文件.fulian.json") from None
    return report if workspace is None else as_printed(workspace, report)


def cmd_validate(args: argparse.Namespace) -> int:
    from ..services import checking

    report = _load(args)
    issues = checking.check(report)
    if args.json:
        print(json.dumps(checking.report_document(report, issues), ensure_ascii=False, indent=2))
    else:
        print(checking.report_text(report, issues))
    return EXIT_OK if checking.count(issues).ok else EXIT_FAILED

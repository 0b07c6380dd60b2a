"""`fulian export`: write the report (or, with --project, one project's 自评表) in the bureau's layout."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_OK, add_report_source, load_report, open_workspace


def register(sub) -> None:
    p = sub.add_parser("export", help="导出自评报告（Word / PDF）")
    add_report_source(p)
    p.add_argument("--format", default="docx,pdf", help="导出格式，逗号分隔：docx,pdf,xlsx（默认导出 docx 和 pdf）")
    p.add_argument("--outline", help="报告提纲，如 sichuan、guangdong（默认用报告自己的提纲）")
    p.add_argument("--out", required=True, help="导出到的文件夹")
    p.add_argument("--project", metavar="名称",
                   help="只导出这个项目的项目支出绩效自评表（docx/pdf/xlsx），只按该项目的内容校验")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--draft", action="store_true", help="按草稿导出（每页标“草稿”）")
    mode.add_argument("--force-final", action="store_true",
                      help="即使校验有错误也按正式稿导出（不标“草稿”），请确认后再使用")
    p.set_defaults(run=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from ..services import exporting

    formats = exporting.chosen_formats(args.format)
    # A report in the database is printed with what the database adds (exporting.as_printed); a file is
    # exported as it is, without opening any database.
    workspace = open_workspace(args) if args.unit else None
    report = load_report(args, workspace)
    if args.project:
        printed = report if workspace is None else exporting.as_printed(workspace, report)
        return _export_project(args, printed, formats)
    outcome = exporting.export(report, Path(args.out), formats, args.outline, final=not args.draft,
                               force_final=args.force_final, workspace=workspace)
    if outcome.draft and outcome.errors and not args.draft:
        print(f"报告有 {outcome.errors} 处校验错误，已按草稿导出（每页标“草稿”）。改正错误后再导出正式稿；"
              "如确需报送，可加 --force-final。")
    for path in outcome.paths:
        print(f"已导出：{path}")
    return EXIT_OK


def _export_project(args: argparse.Namespace, report, formats) -> int:
    from ..services import exporting

    outcome = exporting.export_project(report, Path(args.out), args.project, formats, final=not args.draft,
                                       force_final=args.force_final)
    if outcome.draft and outcome.errors and not args.draft:
        print(f"项目“{args.project}”有 {outcome.errors} 处校验错误，已按草稿导出（每页标“草稿”）。改正后再导出正式稿；"
              "如确需报送，可加 --force-final。")
    for path in outcome.paths:
        print(f"已导出：{path}")
    return EXIT_OK

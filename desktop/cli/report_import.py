"""`fulian import-report`: last year's 自评报告 (.docx or .pdf) read into a draft, after a preview."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_OK, open_workspace


def register(sub) -> None:
    p = sub.add_parser("import-report", help="从往年的自评报告（Word .docx 或带文字的 PDF）导入，生成草稿（先预览）")
    p.add_argument("file", help="往年报告文件（.docx 或 .pdf）")
    p.add_argument("--year", type=int, help="导入到的年度；与报告本身的年度不同时只保留文字，清空上年的数字")
    p.add_argument("--unit", help="单位全称（报告中读不出或要改用数据库中已有的单位时指定）")
    p.add_argument("--dry-run", action="store_true", help="只预览，不导入")
    p.add_argument("--replace", action="store_true", help="覆盖数据库中同一单位同一年度的报告")
    p.set_defaults(run=cmd_import_report)


def cmd_import_report(args: argparse.Namespace) -> int:
    from ..services import report_import

    workspace = open_workspace(args)
    preview = report_import.preview_file(workspace, Path(args.file), year=args.year, unit=args.unit)
    for line in preview.lines():
        print(line)
    if args.dry_run:
        print("（仅预览，未导入。去掉 --dry-run 即可导入为草稿。）")
        return EXIT_OK
    report = report_import.save(workspace, preview, replace_existing=args.replace)
    dropped = f"；未归入栏目的 {len(preview.unplaced)} 段没有导入" if preview.unplaced else ""
    print(f"已导入为草稿：{report.unit.name} {report.fiscal_year} 年度{dropped}。")
    return EXIT_OK

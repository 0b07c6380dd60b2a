"""`fulian import` and `fulian export-data`: exchange files (.fulian.json) in and out of the database."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_OK, open_workspace


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="导入数据文件（全部成功或全部不导入）")
    p.add_argument("file", help="数据文件（.fulian.json）")
    p.add_argument("--replace", action="store_true", help="覆盖数据库中同一单位同一年度的报告")
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("export-data", help="把一个单位一年的数据导出为数据文件")
    p.add_argument("--unit", required=True, help="单位名称")
    p.add_argument("--year", type=int, required=True, help="年度")
    p.add_argument("file", help="导出到的文件")
    p.set_defaults(run=cmd_export_data)


def cmd_import(args: argparse.Namespace) -> int:
    report = open_workspace(args).import_file(Path(args.file), replace=args.replace)
    print(f"已导入：{report.unit.name} {report.fiscal_year} 年度（活动 {len(report.activities)} 条，项目 {len(report.projects)} 个）。")
    return EXIT_OK


def cmd_export_data(args: argparse.Namespace) -> int:
    path = open_workspace(args).export_file(args.unit, args.year, Path(args.file))
    print(f"已导出数据文件：{path}")
    return EXIT_OK

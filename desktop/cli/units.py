"""`fulian list`: the units and years in the database."""

from __future__ import annotations

import argparse

from .common import EXIT_OK, open_workspace


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="列出数据库中的单位和年度")
    p.set_defaults(run=cmd_list)


def cmd_list(args: argparse.Namespace) -> int:
    from ..domain.model import ReportStatus
    from ..services.summary import STATUS_NAMES

    workspace = open_workspace(args)
    entries = workspace.entries()
    units = workspace.units()
    if not units:
        print("数据库中还没有单位。可用 fulian import 文件 导入数据文件。")
        return EXIT_OK
    for unit in units:
        print(f"{unit.name}（{unit.level.value}）")
        years = [e for e in entries if e.unit.id == unit.id]
        for entry in years:
            print(f"  {entry.fiscal_year} 年度  {STATUS_NAMES[ReportStatus(entry.status)]}")
        if not years:
            print("  （尚无报告）")
    return EXIT_OK

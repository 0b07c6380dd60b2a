"""`fulian copy-db`: a whole database from a file to a server or back (every unit and year)."""

from __future__ import annotations

import argparse

from .common import EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "copy-db",
        help="把整个数据库复制到另一处：本机文件 → 共用数据库（postgresql://…），或反过来",
        description="复制全部单位和年度。目标必须是空的（新文件，或服务器上新建的空数据库）；中途出错时目标恢复为空。",
    )
    p.add_argument("--from", dest="source", required=True, help="来源：数据库文件路径或 postgresql://用户名@服务器:5432/数据库名")
    p.add_argument("--to", dest="target", required=True, help="目标：数据库文件路径或 postgresql://用户名@服务器:5432/数据库名")
    p.set_defaults(run=cmd_copy_db)


def cmd_copy_db(args: argparse.Namespace) -> int:
    from ..services.copying import copy_database

    result = copy_database(args.source, args.target, progress=print)
    print(f"已复制：单位 {result.units} 个，报告 {result.reports} 份，活动 {result.activities} 条。")
    return EXIT_OK

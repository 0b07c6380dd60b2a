"""`fulian`: the workspace's services from a terminal (the same services the GUI calls).

Each command lives in its own module of this package with a `register(sub)` that adds its parser and
sets `run`. Commands raise `desktop.errors.UserError` (or let a service's subclass of it pass): `main`
catches it once, prints the Chinese message on stderr and exits with its status (2 by default).
"""

from __future__ import annotations

import argparse
import sys

from .. import APP_TITLE, __version__
from ..errors import UserError
from .common import EXIT_FAILED, EXIT_INPUT, EXIT_OK, CliError

__all__ = ["main", "build_parser", "EXIT_OK", "EXIT_FAILED", "EXIT_INPUT", "CliError"]


def _command_modules():
    # The order is the order of `fulian --help`.
    from . import copy_db, data_files, district, excel, export, report_import, units, validate

    return (units, data_files, validate, export, excel, report_import, copy_db, district)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fulian", description=f"{APP_TITLE}（命令行）")
    parser.add_argument("--version", action="version", version=f"fulian-desk {__version__}")
    parser.add_argument(
        "--db", help="数据库文件路径（默认在用户数据文件夹中），或共用数据库的地址 postgresql://用户名@服务器:5432/数据库名"
    )
    parser.add_argument("--self-test", action="store_true", help="自检：在临时数据库（或 --db 给出的空的共用数据库）上导入、校验并导出示例报告")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    for module in _command_modules():
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from ..services.selftest import run_self_test

        return EXIT_OK if run_self_test(db=args.db) else EXIT_FAILED
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_INPUT
    try:
        return args.run(args)
    except UserError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return exc.exit_status

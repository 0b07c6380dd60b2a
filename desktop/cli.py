"""`fulian`: the workspace's services from a terminal (the same services the GUI calls)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable

from . import APP_TITLE, __version__
from .exchange import ExchangeError, read_file
from .fileio import FileWriteError
from .paths import default_database_path

EXIT_OK = 0
EXIT_FAILED = 1  # the command ran and found errors (e.g. validation errors)
EXIT_INPUT = 2  # the input could not be read or the request cannot be carried out


class CliError(Exception):
    """A failure to report on stderr in Chinese with an exit status, never as a traceback."""

    def __init__(self, message: str, status: int = EXIT_INPUT):
        super().__init__(message)
        self.message = message
        self.status = status


# ------------------------------------------------------------------ shared plumbing


def open_workspace(args: argparse.Namespace):
    """The workspace on --db (or the default database), migrated to the current schema."""
    from .services.workspace import Workspace
    from .storage import StorageError, open_database

    try:
        database = open_database(Path(args.db) if args.db else default_database_path())
    except StorageError as exc:
        raise CliError(exc.message) from None
    return Workspace(database)


def add_report_source(parser: argparse.ArgumentParser) -> None:
    """Every command that works on a report takes an exchange FILE or --unit U --year Y."""
    parser.add_argument("file", nargs="?", help="数据文件（.fulian.json）")
    parser.add_argument("--unit", help="数据库中的单位名称")
    parser.add_argument("--year", type=int, help="年度，如 2024")


def load_report(args: argparse.Namespace):
    """The report named by FILE or by --unit/--year."""
    from .services.workspace import WorkspaceError

    if args.file and (args.unit or args.year):
        raise CliError("请只指定数据文件，或只指定 --unit 和 --year，不要同时指定。")
    if args.file:
        try:
            return read_file(Path(args.file))
        except ExchangeError as exc:
            raise CliError(exc.message) from None
    if not (args.unit and args.year):
        raise CliError("请指定数据文件，或用 --unit 单位名称 --year 年度 指定数据库中的报告。")
    try:
        return open_workspace(args).open_report(args.unit, args.year)
    except WorkspaceError as exc:
        raise CliError(exc.message) from None


# ------------------------------------------------------------------ commands


def cmd_list(args: argparse.Namespace) -> int:
    from .domain.model import ReportStatus
    from .services.summary import STATUS_NAMES

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


def cmd_import(args: argparse.Namespace) -> int:
    from .services.workspace import WorkspaceError

    workspace = open_workspace(args)
    try:
        report = workspace.import_file(Path(args.file), replace=args.replace)
    except (ExchangeError, WorkspaceError) as exc:
        raise CliError(exc.message) from None
    print(f"已导入：{report.unit.name} {report.fiscal_year} 年度（活动 {len(report.activities)} 条，项目 {len(report.projects)} 个）。")
    return EXIT_OK


def cmd_export_data(args: argparse.Namespace) -> int:
    from .services.workspace import WorkspaceError

    workspace = open_workspace(args)
    try:
        path = workspace.export_file(args.unit, args.year, Path(args.file))
    except WorkspaceError as exc:
        raise CliError(exc.message) from None
    except FileWriteError as exc:
        raise CliError(exc.message) from None
    print(f"已导出数据文件：{path}")
    return EXIT_OK


Command = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fulian", description=f"{APP_TITLE}（命令行）")
    parser.add_argument("--version", action="version", version=f"fulian-desk {__version__}")
    parser.add_argument("--db", help="数据库文件路径（默认在用户数据文件夹中）")
    parser.add_argument("--self-test", action="store_true", help="自检：在临时数据库上导入、校验并导出示例报告")
    sub = parser.add_subparsers(dest="command", metavar="命令")

    p = sub.add_parser("list", help="列出数据库中的单位和年度")
    p.set_defaults(run=cmd_list)

    p = sub.add_parser("import", help="导入数据文件（全部成功或全部不导入）")
    p.add_argument("file", help="数据文件（.fulian.json）")
    p.add_argument("--replace", action="store_true", help="覆盖数据库中同一单位同一年度的报告")
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("export-data", help="把一个单位一年的数据导出为数据文件")
    p.add_argument("--unit", required=True, help="单位名称")
    p.add_argument("--year", type=int, required=True, help="年度")
    p.add_argument("file", help="导出到的文件")
    p.set_defaults(run=cmd_export_data)

    for register in _extensions():
        register(sub)
    return parser


def _extensions() -> list[Callable[[argparse._SubParsersAction], None]]:
    """Commands that live beside the feature they drive (validate, export …), each a `register(sub)`."""
    from .excel.cli import register as register_excel
    from .reports.cli import register as register_export
    from .validation.cli import register as register_validate

    return [register_validate, register_export, register_excel]


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from .services.selftest import run_self_test

        return EXIT_OK if run_self_test() else EXIT_FAILED
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_INPUT
    try:
        return args.run(args)
    except CliError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return exc.status
    except FileWriteError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return EXIT_INPUT


if __name__ == "__main__":
    # Run through the package module, not this __main__ copy, so that exception classes raised by
    # the command modules (which import desktop.cli) are the ones main() catches.
    from desktop.cli import main as package_main

    sys.exit(package_main())

"""What every command shares: exit statuses, the CLI's own error, and the report a command works on."""

from __future__ import annotations

import argparse

from ..errors import EXIT_INPUT, UserError

EXIT_OK = 0
EXIT_FAILED = 1  # the command ran and found errors (e.g. validation errors)
__all__ = ["EXIT_OK", "EXIT_FAILED", "EXIT_INPUT", "CliError", "open_workspace", "add_report_source", "load_report"]


class CliError(UserError):
    """A request on the command line that cannot be carried out (wrong or missing arguments)."""


def open_workspace(args: argparse.Namespace):
    """The workspace on --db (or the default database), migrated to the current schema."""
    from ..paths import default_database_path
    from ..services.workspace import open_workspace as open_at

    # --db is a file path or a server URL (postgresql://…); storage tells them apart.
    return open_at(args.db or default_database_path())


def add_report_source(parser: argparse.ArgumentParser) -> None:
    """Every command that works on a report takes an exchange FILE or --unit U --year Y."""
    parser.add_argument("file", nargs="?", help="数据文件（.fulian.json）")
    parser.add_argument("--unit", help="数据库中的单位名称")
    parser.add_argument("--year", type=int, help="年度，如 2024")


def load_report(args: argparse.Namespace, workspace=None):
    """The report named by FILE or by --unit/--year (in `workspace` when the command has opened it)."""
    from ..services.report_files import read_report_file

    if args.file and (args.unit or args.year):
        raise CliError("请只指定数据文件，或只指定 --unit 和 --year，不要同时指定。")
    if args.file:
        return read_report_file(args.file)
    if not (args.unit and args.year):
        raise CliError("请指定数据文件，或用 --unit 单位名称 --year 年度 指定数据库中的报告。")
    return (workspace if workspace is not None else open_workspace(args)).open_report(args.unit, args.year)

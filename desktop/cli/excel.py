"""`fulian import-ledger`, `fulian import-budget`, `fulian template`: the Excel commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_FAILED, EXIT_INPUT, EXIT_OK, CliError, open_workspace


def register(sub) -> None:
    for name, what, run in (("import-ledger", "活动台账", cmd_import_ledger), ("import-budget", "预算表", cmd_import_budget)):
        p = sub.add_parser(name, help=f"从 Excel（.xlsx）导入{what}到数据库中的报告（先预览；全部成功或全部不导入）")
        p.add_argument("file", help=f"{what}文件（.xlsx）")
        p.add_argument("--unit", required=True, help="数据库中的单位名称")
        p.add_argument("--year", type=int, required=True, help="年度，如 2024")
        p.add_argument("--dry-run", action="store_true", help="只预览，不导入")
        p.set_defaults(run=run)

    p = sub.add_parser("template", help="生成可填写的 Excel 模板：活动台账（ledger）或预算表（budget）")
    p.add_argument("kind", choices=["ledger", "budget"], help="ledger：活动台账模板；budget：预算表模板")
    p.add_argument("out", help="保存到的文件（.xlsx）")
    p.add_argument("--unit", help="单位名称：下拉列表和已有金额取自该单位的报告")
    p.add_argument("--year", type=int, help="年度（与 --unit 一起使用）")
    p.set_defaults(run=cmd_template)


def _import(args: argparse.Namespace, kind: str) -> int:
    from ..services import spreadsheets

    workspace = open_workspace(args)
    report = workspace.open_report(args.unit, args.year)
    preview = spreadsheets.preview(kind, Path(args.file), report)
    for line in preview.lines():
        print(line)
    if not preview.ok:
        # A file that cannot be read at all is bad input (2, as for every command); problems found in
        # its rows are findings (1), as validation errors are.
        return EXIT_INPUT if any(problem.unreadable for problem in preview.problems) else EXIT_FAILED
    if args.dry_run:
        print("（仅预览，未导入。去掉 --dry-run 即可导入。）")
        return EXIT_OK
    spreadsheets.apply_and_save(workspace, preview, report)  # one transaction: the whole file or nothing
    print("已导入，数据已保存。")
    return EXIT_OK


def cmd_import_ledger(args: argparse.Namespace) -> int:
    return _import(args, "ledger")


def cmd_import_budget(args: argparse.Namespace) -> int:
    return _import(args, "budget")


def cmd_template(args: argparse.Namespace) -> int:
    from ..services import spreadsheets

    if bool(args.unit) != bool(args.year):
        raise CliError("--unit 和 --year 需要一起指定；都不指定则生成通用模板。")
    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise CliError(f"模板文件名应以 .xlsx 结尾，例如 {out.stem or '模板'}.xlsx。")
    report = None
    if args.unit:
        report = open_workspace(args).open_report(args.unit, args.year)
    path = spreadsheets.write_template(args.kind, out, report)
    print(f"已生成{spreadsheets.KIND_NAMES[args.kind]}模板：{path}")
    return EXIT_OK

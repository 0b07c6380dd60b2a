"""`fulian import-ledger`, `fulian import-budget`, `fulian template`: the Excel commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import UserError
from .common import EXIT_FAILED, EXIT_OK, CliError, open_workspace


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


def _import(args: argparse.Namespace, preview_fn, apply_fn) -> int:
    workspace = open_workspace(args)
    report = workspace.open_report(args.unit, args.year)
    preview = preview_fn(Path(args.file), report)
    for line in preview.lines():
        print(line)
    if not preview.ok:
        return EXIT_FAILED
    if args.dry_run:
        print("（仅预览，未导入。去掉 --dry-run 即可导入。）")
        return EXIT_OK
    updated = apply_fn(preview, report)
    try:
        workspace.save(updated)  # one transaction: the whole file or nothing
    except UserError as exc:
        raise CliError(f"{exc.message}（文件未导入，数据库未改变）") from None
    print("已导入，数据已保存。")
    return EXIT_OK


def cmd_import_ledger(args: argparse.Namespace) -> int:
    from ..excel.ledger_import import apply, preview_ledger

    return _import(args, preview_ledger, apply)


def cmd_import_budget(args: argparse.Namespace) -> int:
    from ..excel.budget_import import apply, preview_budget

    return _import(args, preview_budget, apply)


def cmd_template(args: argparse.Namespace) -> int:
    from ..excel.templates import write_budget_template, write_ledger_template

    if bool(args.unit) != bool(args.year):
        raise CliError("--unit 和 --year 需要一起指定；都不指定则生成通用模板。")
    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise CliError(f"模板文件名应以 .xlsx 结尾，例如 {out.stem or '模板'}.xlsx。")
    report = None
    if args.unit:
        report = open_workspace(args).open_report(args.unit, args.year)
    if args.kind == "ledger":
        path = write_ledger_template(out, report)
        print(f"已生成活动台账模板：{path}")
    else:
        path = write_budget_template(out, report)
        print(f"已生成预算表模板：{path}")
    return EXIT_OK

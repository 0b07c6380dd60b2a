"""`fulian collect`, `status`, `summary`, `township`: the district collects its townships' data files."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_FAILED, EXIT_OK, open_workspace


def _district_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--district", required=True, help="本区（县）妇联的单位名称")
    p.add_argument("--year", type=int, required=True, help="年度，如 2024")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("collect", help="收集各乡镇（街道）的报送文件（文件夹、zip 压缩包或文件）")
    p.add_argument("paths", nargs="+", help="文件夹、.zip 或 .fulian.json 文件")
    _district_args(p)
    p.add_argument("--dry-run", action="store_true", help="只检查并显示将要做的事，不导入")
    p.set_defaults(run=cmd_collect)

    p = sub.add_parser("status", help="各乡镇（街道）的报送情况")
    _district_args(p)
    p.add_argument("--out", help="另存为 Excel 表格（.xlsx）")
    p.set_defaults(run=cmd_status)

    p = sub.add_parser("summary", help="全区汇总表（Excel，含合计公式）和可引用的汇总语句")
    _district_args(p)
    p.add_argument("--out", required=True, help="汇总表文件（.xlsx）")
    p.set_defaults(run=cmd_summary)

    p = sub.add_parser("township", help="管理本区的乡镇（街道）：列出、新增、改名、撤销")
    p.add_argument("action", choices=["list", "add", "rename", "retire", "restore"], help="list 列出 / add 新增 / rename 改名 / retire 撤销 / restore 恢复")
    p.add_argument("names", nargs="*", help="乡镇（街道）妇联名称；改名时为 原名称 新名称")
    p.add_argument("--district", required=True, help="本区（县）妇联的单位名称")
    p.set_defaults(run=cmd_township)


def cmd_collect(args: argparse.Namespace) -> int:
    from ..services.collect import CollectError, Outcome, apply_collection, gather, plan_collection

    workspace = open_workspace(args)
    files = gather(Path(p) for p in args.paths)
    if not files:
        raise CollectError("在指定位置没有找到报送文件（.fulian.json 或 .zip）。")
    plan = plan_collection(workspace, args.district, args.year, files)
    for item in plan.files:
        print(item.describe())
        for change in item.changes:
            print(f"    {change.label}：{change.before} → {change.after}")
    if args.dry_run:
        print(f"（试运行：未导入任何文件。共 {len(plan.files)} 个文件。）")
        return EXIT_OK
    result = apply_collection(workspace, plan)
    for item in result.imported:
        if item.outcome is Outcome.NEW_TOWNSHIP:
            print(f"已新增乡镇（街道）：{item.township}")
    for item, message in result.failed:
        print(f"未能导入 {item.source}：{message}")
    refused = [f for f in result.skipped if f.outcome is Outcome.REFUSED]
    print(f"收集完成：导入 {len(result.imported)} 个，未导入 {len(result.skipped)} 个（其中拒收 {len(refused)} 个），失败 {len(result.failed)} 个。")
    return EXIT_FAILED if refused or result.failed else EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    from ..services.district import STATUS_HEADERS, district_status, export_status, status_values

    workspace = open_workspace(args)
    rows = district_status(workspace, args.district, args.year)
    if not rows:
        print(f"“{args.district}”还没有乡镇（街道）。请先用 fulian township add 新增，或直接收集报送文件。")
        return EXIT_OK
    shown = [0, 1, 2, 4, 6, 7, 8, 10, 11, 12, 14, 15]
    print("\t".join(STATUS_HEADERS[i] for i in shown))
    for row in rows:
        values = status_values(row)
        print("\t".join("" if values[i] is None else str(values[i]) for i in shown))
    if args.out:
        print(f"已保存：{export_status(workspace, args.district, args.year, Path(args.out))}")
    return EXIT_OK


def cmd_summary(args: argparse.Namespace) -> int:
    from ..reports.district_prose import summary_sentences
    from ..services.district import district_summary, export_summary

    workspace = open_workspace(args)
    path = export_summary(workspace, args.district, args.year, Path(args.out))
    for sentence in summary_sentences(district_summary(workspace, args.district, args.year)):
        print(sentence)
    print(f"已保存汇总表：{path}")
    return EXIT_OK


def cmd_township(args: argparse.Namespace) -> int:
    from ..services import district as d
    from .common import CliError

    workspace = open_workspace(args)
    needed = {"list": 0, "add": 1, "rename": 2, "retire": 1, "restore": 1}[args.action]
    if len(args.names) != needed:
        raise CliError({0: "列出时不需要名称。", 1: "请给出一个乡镇（街道）妇联名称。", 2: "改名时请给出原名称和新名称。"}[needed])
    if args.action == "add":
        print(f"已新增：{d.add_township(workspace, args.district, args.names[0]).name}")
    elif args.action == "rename":
        print(f"已改名为：{d.rename_township(workspace, args.district, *args.names).name}")
    elif args.action in ("retire", "restore"):
        d.retire_township(workspace, args.district, args.names[0], retired=args.action == "retire")
        print(f"已{'撤销' if args.action == 'retire' else '恢复'}：{args.names[0]}（历年报告保留）")
    for township in d.townships(workspace, args.district):
        print(township.name + ("（已撤销）" if township.retired else ""))
    return EXIT_OK

"""`fulian export`: write the report as Word and/or PDF in the bureau's layout."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_OK, add_report_source, load_report


def register(sub) -> None:
    p = sub.add_parser("export", help="导出自评报告（Word / PDF）")
    add_report_source(p)
    p.add_argument("--format", default="docx,pdf", help="导出格式，逗号分隔：docx,pdf,xlsx（默认导出 docx 和 pdf）")
    p.add_argument("--outline", help="报告提纲，如 sichuan、guangdong（默认用报告自己的提纲）")
    p.add_argument("--out", required=True, help="导出到的文件夹")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--draft", action="store_true", help="按草稿导出（每页标“草稿”）")
    mode.add_argument("--force-final", action="store_true",
                      help="即使校验有错误也按正式稿导出（不标“草稿”），请确认后再使用")
    p.set_defaults(run=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from ..services import exporting

    formats = exporting.chosen_formats(args.format)
    report = load_report(args)
    outcome = exporting.export(report, Path(args.out), formats, args.outline, final=not args.draft,
                               force_final=args.force_final)
    if outcome.draft and outcome.errors and not args.draft:
        print(f"报告有 {outcome.errors} 处校验错误，已按草稿导出（每页标“草稿”）。改正错误后再导出正式稿；"
              "如确需报送，可加 --force-final。")
    for path in outcome.paths:
        print(f"已导出：{path}")
    return EXIT_OK

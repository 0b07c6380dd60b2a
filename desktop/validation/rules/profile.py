"""Rules on the unit profile: name, establishment and actual staff (在职人员控制率)."""

from __future__ import annotations

from typing import Iterator

from ...domain.field_labels import label_of
from ..context import Context, is_blank
from ..issue import Issue, error, warning

KINDS = tuple((attr, label_of(f"profile.establishment.{attr}"))
              for attr in ("administrative", "institutional", "political_legal", "worker"))


def unit_named(ctx: Context) -> Iterator[Issue]:
    """UNT-001 单位名称不能为空."""
    if is_blank(ctx.report.unit.name):
        yield error("UNT-001", "report.unit.name", "没有填写单位名称。", "请填写单位全称，如“乐山市金口河区妇女联合会”。")


def staff_checks(ctx: Context) -> Iterator[Issue]:
    """STF-001 在职人数超编；STF-002 人数为负；STF-003 提纲打印编制和在职人数时须填写."""
    profile = ctx.report.profile
    establishment = profile.establishment
    negative = False
    for attr, name in KINDS:
        value = getattr(establishment, attr)
        if value < 0:
            negative = True
            yield error("STF-002", f"report.profile.establishment.{attr}", f"{name}为负数（{value}）。", "编制数应为 0 或正数。")
    if profile.actual_staff is not None and profile.actual_staff < 0:
        negative = True
        yield error("STF-002", "report.profile.actual_staff", f"年末在职人数为负数（{profile.actual_staff}）。", "年末在职人数应为 0 或正数。")
    if negative:
        return
    total = establishment.total
    if profile.actual_staff is not None and total > 0 and profile.actual_staff > total:
        yield warning("STF-001", "report.profile.actual_staff",
                      f"年末在职人数 {profile.actual_staff} 人，超过核定编制 {total} 个（在职人员控制率 "
                      f"{profile.actual_staff * 100 // total}%）。",
                      "请核对编制数和在职人数；确属超编的，请在报告中说明原因。")
    if ctx.requires("staff"):
        if total == 0:
            yield error("STF-003", "report.profile.establishment", "报告要写“现有编制 … 个”，但还没有填写核定编制。",
                        "请按“三定”方案填写行政、事业、政法、工勤编制数。")
        if profile.actual_staff is None:
            yield error("STF-003", "report.profile.actual_staff", "报告要写“年末财政实际供养在职人数 … 人”，但还没有填写。",
                        "请填写年末在职人数。")


RULES = [unit_named, staff_checks]

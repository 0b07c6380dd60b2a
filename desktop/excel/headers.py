"""Column headers of the ledger and budget sheets, and recognising them in the variants clerks type."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

from .parse import cell_text, normalise_text


@dataclass(frozen=True)
class Column:
    """One column a sheet may have: the field it fills, the header templates print, what else it may be called."""

    field: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    money: bool = False
    hint: str = ""  # the input hint templates show on the cell
    width: int = 12

    def names(self) -> tuple[str, ...]:
        return (self.header, *self.aliases)


LEDGER_COLUMNS: tuple[Column, ...] = (
    Column("date", "日期", ("活动日期", "时间", "活动时间", "开展日期", "开展时间", "日期(年月日)"), True,
           hint="活动开展的日期，如 2024-03-08、2024.3.8 或 2024年3月8日", width=12),
    Column("kind", "活动类型", ("类型", "活动类别", "类别", "活动种类", "种类", "活动形式"),
           hint="从下拉列表中选择，如 培训、宣讲、慰问", width=10),
    Column("title", "活动名称", ("名称", "活动内容", "活动主题", "活动标题", "活动名", "活动项目", "内容", "主题"), True,
           hint="简要写明活动，如 “三八”节巾帼宣讲", width=30),
    Column("sessions", "场次", ("场次/期", "场次(期)", "期数", "场(期)次", "次数", "期次", "场数"),
           hint="整数：开展了几场（期）", width=8),
    Column("participants", "参与人次", ("人次", "参加人次", "参与人数", "参加人数", "参训人次", "参与人员人次"),
           hint="整数：参加的总人次", width=10),
    Column("beneficiaries", "受益人数", ("受益人次", "受益人", "受益户数", "受益户", "受益个数", "受益集体数",
                                        "受益对象", "受益对象数", "受益人数(人/户)", "受益人(户)数"),
           hint="整数：受益的人数、人次、户数或集体个数；单位填在“受益单位”列", width=10),
    Column("beneficiary_unit", "受益单位", ("计量单位", "受益计量单位", "受益人数单位", "受益数单位", "受益单位(人/人次/户/个)"),
           hint="从下拉列表中选择：人、人次、户或个（集体、基地等）；不同单位的受益数不会相加", width=8),
    Column("money", "金额", ("金额(元)", "支出金额", "经费", "支出", "资金", "金额数", "使用资金", "活动经费"), money=True,
           hint="活动花费的金额，只填数字；单位以表头为准（元）", width=12),
    Column("task", "关联工作任务", ("工作任务", "任务", "所属任务", "重点工作任务", "年度主要工作任务", "对应任务"),
           hint="从下拉列表中选择本活动属于的年度工作任务，可不填", width=24),
    Column("project", "关联项目", ("项目", "所属项目", "项目名称", "对应项目", "资金项目", "经费来源项目"),
           hint="从下拉列表中选择本活动使用经费的项目，可不填", width=20),
    Column("notes", "备注", ("说明", "备注说明", "情况说明"), hint="其他说明，可不填", width=20),
)

# Printed header of the money column: the unit is part of it, so a file always says what it holds.
LEDGER_MONEY_HEADER = "金额（元）"

BUDGET_ITEM_COLUMNS: tuple[Column, ...] = (
    Column("item", "项目", ("科目", "名称", "收支项目", "项目名称", "类别", "内容"), True, width=28),
    Column("amount", "金额", ("数额", "金额数", "合计", "本年数", "决算数", "数值"), True, money=True,
           hint="只填数字，单位以表头为准", width=16),
    Column("notes", "说明", ("备注",), width=40),
)

PROJECT_COLUMNS: tuple[Column, ...] = (
    Column("name", "项目名称", ("项目", "名称", "项目名"), True, hint="与报告中的项目名称一致；新名称将新增项目", width=28),
    Column("department", "实施单位", ("项目实施单位", "主管部门", "实施部门"), width=18),
    Column("initial", "年初预算数", ("年初预算", "年初数", "预算数(年初)"), money=True, hint="只填数字，单位以表头为准", width=14),
    Column("adjusted", "全年预算数", ("全年预算", "调整后预算数", "调整后预算", "全年预算数(调整后)", "预算数"), money=True,
           hint="调整后的全年预算；没有调整时与年初预算相同", width=14),
    Column("executed", "全年执行数", ("执行数", "全年执行", "实际支出", "实际执行数", "支出数", "决算数"), money=True,
           hint="全年实际支出", width=14),
    Column("notes", "备注", ("说明",), width=20),
)

THREE_PUBLIC_COLUMNS: tuple[Column, ...] = (
    Column("item", "项目", ("科目", "名称", "三公经费项目", "类别"), True, width=24),
    Column("budget", "预算数", ("预算", "全年预算数", "年初预算数"), money=True, hint="只填数字，单位以表头为准", width=14),
    Column("actual", "实际支出数", ("实际数", "实际支出", "决算数", "执行数", "支出数"), money=True, hint="只填数字，单位以表头为准", width=14),
    Column("notes", "说明", ("备注",), width=30),
)

# A 受益 header that names its unit of count ("受益户数") gives that unit to the lines of a sheet without a
# 受益单位 column (a clerk's own ledger); where the sheet has that column, it alone says the unit.
# "受益人数(人/户)" names two units and so none.
_COUNT_UNIT_HEADERS = {"受益人数": "人", "受益人": "人", "受益人次": "人次", "受益户数": "户", "受益户": "户",
                       "受益个数": "个", "受益集体数": "个"}


def count_unit_named(text: str) -> Optional[str]:
    """The unit of count (人/人次/户/个) a 受益 header names, or None."""
    return _COUNT_UNIT_HEADERS.get(header_key(text))


_IGNORED = {"序号", "编号", "no", "no.", "行号"}
_BRACKETS = str.maketrans({"【": "(", "】": ")", "[": "(", "]": ")", "〔": "(", "〕": ")"})
_UNIT_RE = re.compile(r"^(.*)\(([^()]*)\)$")
_SHEET_UNIT_RE = re.compile(r"(?:金额)?单位[:：]?(万元|元)")


def header_key(text: str) -> str:
    """The comparable form of a header: 半角, no spaces, no required-field stars, lower case."""
    key = normalise_text(text).translate(_BRACKETS).lower()
    return key.strip("*:").replace("*", "")


def split_unit(text: str) -> tuple[str, Optional[str]]:
    """("金额", "万元") from "金额（万元）", "金额/万元", "金额(单位:万元)", "金额万元"; no unit → None."""
    key = header_key(text)
    unit = None
    match = _UNIT_RE.match(key)
    if match:
        key, inner = match.group(1), match.group(2)
        unit = _unit_of(inner)
        if unit is None:
            key = key + "(" + inner + ")"
    else:
        for sep in ("/", "-", "_"):
            if sep in key:
                head, _, tail = key.rpartition(sep)
                if _unit_of(tail):
                    key, unit = head, _unit_of(tail)
                    break
        else:
            for suffix, name in (("万元", "万元"), ("元", "元")):
                if key.endswith(suffix) and len(key) > len(suffix):
                    key, unit = key[: -len(suffix)], name
                    break
    return key, unit


def _unit_of(text: str) -> Optional[str]:
    text = text.replace("单位", "").strip(":")
    if text in ("万元", "万"):
        return "万元"
    if text in ("元", "人民币元", "元人民币"):
        return "元"
    return None


def _alias_index(columns: Sequence[Column]) -> dict[str, Column]:
    index: dict[str, Column] = {}
    for column in columns:
        for name in column.names():
            index.setdefault(header_key(name), column)
    return index


def recognise(text: str, columns: Sequence[Column]) -> tuple[Optional[Column], Optional[str]]:
    """The column a header names, with the unit it states (for money columns)."""
    index = _alias_index(columns)
    key = header_key(text)
    if key in index:
        column = index[key]
        # "金额(元)" is itself an alias; its unit still counts.
        return column, (split_unit(text)[1] if column.money else None)
    base, unit = split_unit(text)
    column = index.get(base)
    if column is None:
        return None, None
    return column, (unit if column.money else None)


@dataclass
class HeaderMatch:
    """Where the header row is and what each column holds."""

    row: int  # 1-based sheet row of the header
    columns: dict[int, Column] = field(default_factory=dict)  # 0-based column index → column
    units: dict[int, Optional[str]] = field(default_factory=dict)  # money columns: the unit the header states
    unknown: list[tuple[int, str]] = field(default_factory=list)  # headers not recognised (ignored)
    repeated: list[tuple[int, Column]] = field(default_factory=list)  # a second column for the same field
    sheet_unit: Optional[str] = None  # "单位：万元" written above the header
    count_units: dict[int, str] = field(default_factory=dict)  # 受益 column: the unit of count its header names

    def index_of(self, field_name: str) -> Optional[int]:
        return next((i for i, c in self.columns.items() if c.field == field_name), None)

    def missing(self, columns: Sequence[Column]) -> list[Column]:
        present = {c.field for c in self.columns.values()}
        return [c for c in columns if c.required and c.field not in present]

    def unit_of(self, index: int) -> str:
        return self.units.get(index) or self.sheet_unit or "元"


def find_header(rows: Sequence[tuple[int, Sequence]], columns: Sequence[Column], scan: int = 10) -> Optional[HeaderMatch]:
    """The header among the first rows (a title or a unit note may sit above it): the row naming most columns.

    `rows` are (sheet row number, values). Needs at least two recognised columns, so that a title such as
    "活动台账" is not taken for a header.
    """
    best: Optional[HeaderMatch] = None
    sheet_unit: Optional[str] = None
    for number, values in rows[:scan]:
        match = HeaderMatch(row=number, sheet_unit=sheet_unit)
        for index, value in enumerate(values):
            text = cell_text(value)
            if not text:
                continue
            unit_note = _SHEET_UNIT_RE.search(normalise_text(text))
            if unit_note:
                sheet_unit = unit_note.group(1)
            column, unit = recognise(text, columns)
            if column is None:
                if header_key(text) not in _IGNORED:
                    match.unknown.append((index, text))
                continue
            if column in match.columns.values():
                match.repeated.append((index, column))
                continue
            match.columns[index] = column
            if column.money:
                match.units[index] = unit
            elif count_unit_named(text):
                match.count_units[index] = count_unit_named(text)
        if len(match.columns) >= 2 and (best is None or len(match.columns) > len(best.columns)):
            best = match
    return best

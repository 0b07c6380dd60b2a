"""Rules on the clerk-written text: sections the outline prints, 存在问题/改进措施, numbering gaps."""

from __future__ import annotations

import re
from typing import Iterator

from ...domain import fieldpath
from ...domain.model import NarrativeBlock
from ...domain.field_labels import label_of
from ..context import Context, is_blank
from ..issue import Issue, error, warning

# What a clerk types to mean "nothing to say"; reviewers send such reports back.
PLACEHOLDERS = {"无", "暂无", "没有", "无问题", "暂无问题", "略", "/", "-", "—", "／", "不适用", "无。", "暂无。", "无；"}
_STRIP = " \t\u3000。．.；;，,、:：\n"


def is_placeholder(text: str) -> bool:
    return text.strip(_STRIP) in {p.strip(_STRIP) for p in PLACEHOLDERS}


def has_content(value) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip()) and not is_placeholder(value)
    if isinstance(value, NarrativeBlock):
        return has_content(value.title) or has_content(value.text) or any(has_content(b) for b in value.blocks)
    if isinstance(value, list):
        return any(has_content(item) for item in value)
    return True  # any other filled object (an indicator, a task)


def required_sections(ctx: Context) -> Iterator[Issue]:
    """NAR-001 提纲打印的文字部分为空；NAR-004 只写了“无”."""
    if ctx.requirements is None:
        return
    for section in ctx.requirements.sections:
        values = [fieldpath.get(ctx.report, fieldpath.under_report(p)) for p in section.any_of]
        if any(has_content(v) for v in values):
            continue
        if any(isinstance(v, list) and any(isinstance(i, str) and i.strip() for i in v) for v in values):
            continue  # a list of “无” items: NAR-002/NAR-003 name each item
        path = fieldpath.under_report(section.any_of[0])
        placeholder = any(isinstance(v, str) and v.strip() for v in values)
        # Named as the form labels the field (主要职能), with the report's own heading when it differs (机构职能).
        name = label_of(path, section.label)
        part = "这一部分" if name == section.label else f"“{section.label}”这一部分"
        if placeholder:
            yield error("NAR-004", path, f"“{name}”只写了“{next(v for v in values if isinstance(v, str) and v.strip()).strip()}”。",
                        f"{ctx.requirements.name}报告要打印{part}，请在“{name}”中写出实际情况。")
        else:
            yield error("NAR-001", path, f"“{name}”还没有填写，{ctx.requirements.name}报告要打印{part}。",
                        f"请填写“{name}”。")


def problems_and_measures(ctx: Context) -> Iterator[Issue]:
    """NAR-002 存在问题写“无”；NAR-003 改进措施写“无”."""
    for code, attr in (("NAR-002", "problems"), ("NAR-003", "measures")):
        label = label_of(attr)
        items = getattr(ctx.report, attr)
        for i, item in enumerate(items):
            if isinstance(item, str) and item.strip() and is_placeholder(item):
                yield error(code, f"report.{attr}[{i}]", f"{label}第 {i + 1} 条只写了“{item.strip()}”。",
                            f"评审不接受“无”“暂无”。请写出实际的{label}，哪怕是较小的方面（如预算编制精细度、绩效目标设置）。")
            elif is_blank(item):
                yield warning(code, f"report.{attr}[{i}]", f"{label}第 {i + 1} 条是空的。", "请填写内容或删除这一条。")


def tasks_filled(ctx: Context) -> Iterator[Issue]:
    """NAR-005 工作任务没有标题；工作任务没有叙述."""
    printed = ctx.requires("task_narratives")  # Guangdong lists the tasks' titles only
    for i, task in enumerate(ctx.report.tasks):
        if is_blank(task.title):
            yield error("NAR-005", f"report.tasks[{i}].title", f"第 {i + 1} 项工作任务没有标题。", f"请填写“{label_of('tasks[].title')}”。")
        elif printed and is_blank(task.narrative):
            yield warning("NAR-005", f"report.tasks[{i}].narrative", f"工作任务“{task.title.strip()}”的“{label_of('tasks[].narrative')}”还没有填写。",
                          "请写明完成情况和主要数字（场次、人次、金额）。")


CHINESE_DIGITS = "一二三四五六七八九十"
_ORDINAL_PATTERNS = [
    # (regex capturing an ordinal at the start of a paragraph or item, value of the capture)
    re.compile(r"^[（(]([一二三四五六七八九十]{1,3})[）)]"),
    re.compile(r"^([一二三四五六七八九十]{1,3})是"),
    re.compile(r"^(\d{1,2})[、.．]"),
]
_INLINE_SHI = re.compile(r"(?:^|[。；;！!\n])\s*([一二三四五六七八九十]{1,3})是")


def chinese_number(text: str) -> int | None:
    """一 → 1, 十 → 10, 十二 → 12, 二十一 → 21; None for anything else."""
    if text.isdigit():
        return int(text)
    digits = {c: i + 1 for i, c in enumerate("一二三四五六七八九")}
    if text == "十":
        return 10
    if len(text) == 1:
        return digits.get(text)
    if text[0] == "十" and len(text) == 2:
        return 10 + digits.get(text[1], -100)
    if len(text) >= 2 and text[1] == "十":
        tens = digits.get(text[0])
        ones = digits.get(text[2]) if len(text) == 3 else 0
        if tens is None or ones is None:
            return None
        return tens * 10 + ones
    return None


def _gap(numbers: list[int]) -> tuple[int, int] | None:
    """The first place where an ordinal sequence 1, 2, 3 … skips or repeats: (expected, found)."""
    expected = 1
    for found in numbers:
        if found == 1:
            expected = 1  # a new list begins (numbered points under the next heading)
        if found != expected:
            return expected, found
        expected += 1
    return None


def _leading_ordinals(lines: list[str]) -> list[list[int]]:
    """Ordinal sequences per pattern, from lines that start with an ordinal."""
    sequences = []
    for pattern in _ORDINAL_PATTERNS:
        found = []
        for line in lines:
            match = pattern.match(line.strip())
            if match:
                value = chinese_number(match.group(1))
                if value is not None:
                    found.append(value)
        if len(found) >= 2:
            sequences.append(found)
    return sequences


def _texts(ctx: Context) -> Iterator[tuple[str, str]]:
    from .numbers import narrative_texts  # the same walk over every text the clerk writes

    yield from narrative_texts(ctx.report)


def numbering_gaps(ctx: Context) -> Iterator[Issue]:
    """NAR-006 手写编号不连续（如（五）之后是（七），或两个“三是”）."""
    for attr, label in (("problems", "存在问题"), ("measures", "改进措施")):
        for sequence in _leading_ordinals(getattr(ctx.report, attr)):
            gap = _gap(sequence)
            if gap:
                yield warning("NAR-006", f"report.{attr}", f"{label}的手写编号不连续：第 {gap[0]} 条编为 {gap[1]}。",
                              "编号由程序自动生成，建议删去条目开头的手写编号；或改正编号。")
    for path, text in _texts(ctx):
        lines = text.split("\n")
        sequences = _leading_ordinals(lines)
        inline = [chinese_number(m.group(1)) for m in _INLINE_SHI.finditer(text)]
        if len(inline) >= 2 and None not in inline:
            sequences.append(inline)
        for sequence in sequences:
            gap = _gap(sequence)
            if gap:
                yield warning("NAR-006", path, f"这段文字的编号不连续：第 {gap[0]} 处编为 {gap[1]}。",
                              "请改正编号（如“一是、二是、三是”或“（一）（二）（三）”应依次连续）。")
                break


RULES = [required_sections, problems_and_measures, tasks_filled, numbering_gaps]

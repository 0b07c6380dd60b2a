"""Paragraphs → a draft report: headings found by their numbers, mapped onto the outline's sections by
title, each section's text put where the outline binds it (a narrative, a list, the tasks, the blocks),
standard sentences read into figures, and everything else listed as unplaced, never dropped unseen.

Tolerated faults of hand-numbered reports: skipped or repeated numbers, "。" after headings, mixed
full-/half-width forms, tasks numbered at the level of their own section (seed 000's "（一）…（七）"
under "（三）年度主要工作任务"). They are reported as findings; the program numbers its own export.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from ..domain import fieldpath
from ..domain.model import NarrativeBlock, Outline as OutlineId, Report, RuleSet, Unit, WorkTask
from ..reports.numbering import level_number
from ..reports.outline import ContentBlock, Outline, Section
from . import figures, tables
from .errors import ReportImportError
from .outline_match import best_section, choose_outline
from .preview import ImportPreview, Recognised, Unplaced, flatten_blocks
from .source import SourceDocument, SourceParagraph, SourceTable
from .text import Numbered, sentences, split_number, tidy, title_text

MAX_TITLE_CHARS = 40  # longer numbered paragraphs are text that starts with a number, not headings
MIN_MATCHED_SECTIONS = 3  # fewer recognised headings than this: the file is not a 自评报告
_UNIT_END = ("妇女联合会", "妇联")
_FUNCTIONS_LEAD = re.compile(r"^.{0,20}?(?:的)?(?:主要)?职能(?:职责)?(?:是|为|包括)?[：:]")
_ATTACHMENT_LIST = re.compile(r"^附件[：:]")
_ATTACHMENT_ITEM = re.compile(r"^\d+[.．、]\S*(?:表|附件)")
_TITLE = re.compile(r"(?:自评|评价)报告$")
_YEAR = re.compile(r"(20\d{2})\s*年")


@dataclass
class _Heading:
    paragraph: SourceParagraph
    numbered: Optional[Numbered]
    level: int
    title: str


@dataclass
class _Context:
    """Where the walk is: the outline section (None under an unknown heading) and its heading's level."""

    section: Optional[Section]
    level: int
    heading: str
    kinds: set = field(default_factory=set)


class _Assembler:
    def __init__(self, document: SourceDocument):
        self.document = document
        self.report = Report(unit=Unit(name=""), fiscal_year=0)
        self.fields: list[Recognised] = []
        self.unplaced: list[Unplaced] = []
        self.findings: list[str] = []
        self._current: Optional[SourceParagraph] = None
        self._current_text = ""
        self.title = ""
        self.title_unit = ""
        self.title_year: Optional[int] = None
        self.signature_unit = ""
        self.report_date: Optional[date] = None
        self._attachment_list = False  # inside "附件：1.…  2.…" after the body

    # ------------------------------------------------------------ the Sink the recognisers fill

    def took(self, label: str, value: str) -> None:
        where = self._current.where if self._current is not None else ""
        self.fields.append(Recognised(label, value, self._current_text, where))

    def finding(self, message: str) -> None:
        where = f"（{self._current.where}）" if self._current is not None else ""
        self.findings.append(message + where)

    def _at(self, paragraph: SourceParagraph, text: str) -> None:
        self._current, self._current_text = paragraph, text

    # ------------------------------------------------------------ headings

    def heading_of(self, paragraph: SourceParagraph) -> Optional[_Heading]:
        text = tidy(paragraph.text.replace("\n", ""))
        numbered = split_number(text)
        rest = numbered.rest if numbered else text
        title = title_text(rest)
        if not title or len(title) > MAX_TITLE_CHARS:
            return None
        # A stop inside means a run-in title followed by its text: a numbered paragraph, not a heading.
        if re.search(r"[。！？]", rest.rstrip("。．. \u3000")):
            return None
        if numbered is not None:
            return _Heading(paragraph, numbered, numbered.level, title)
        if paragraph.heading_level is not None and paragraph.heading_level <= 5:
            return _Heading(paragraph, None, paragraph.heading_level, title)
        return None

    # ------------------------------------------------------------ the walk

    def run(self) -> ImportPreview:
        blocks = self.document.blocks
        headings = [self.heading_of(b) if isinstance(b, SourceParagraph) else None for b in blocks]
        outline, _score = choose_outline([h.title for h in headings if h is not None])
        self.outline = outline
        self.report.outline = OutlineId(outline.id)
        self.report.rule_set = RuleSet.SICHUAN if outline.id == "sichuan" else RuleSet.NATIONAL

        matched = 0
        context: Optional[_Context] = None
        after = -1
        seen_sections: dict[int, int] = {}  # outline level → last number seen, for numbering findings
        pending: list[tuple[SourceParagraph, str]] = []  # paragraphs of the current section
        in_appendix = False
        caption = caption_before = ""
        tables_seen: list[tuple[SourceTable, str]] = []
        for block, heading in zip(blocks, headings):
            if isinstance(block, SourceTable):
                if pending and pending[-1][1] == caption and len(caption) <= 30 and "。" not in caption:
                    pending.pop()  # the table's caption ("单位：万元"), not prose
                tables_seen.append((block, caption))  # read after the text: a sentence's figure comes first
                continue
            text = tidy(block.text)
            if not text:
                continue
            caption = text
            if in_appendix:
                continue  # attachment titles, units and years around the tables
            if context is not None and re.fullmatch(r"附件\s*\d+", text):
                self._close(context, pending)
                pending = []
                context = None
                in_appendix = True
                continue
            if block.table:
                if pending and pending[-1][1] == caption_before and len(caption_before) <= 30 and "。" not in caption_before:
                    caption_block, caption_text = pending.pop()
                    self.unplaced.append(Unplaced(caption_text, caption_block.where, "PDF 中表格的标题"))
                # The cells keep the spaces between them (tidy would run "219.7 100%" together).
                self.unplaced.append(Unplaced(block.text.strip(), block.where, "PDF 中的表格，其中的数字没有读取，请核对"))
                continue
            caption_before = text
            if self._outside_body(block, text, context):
                continue
            if heading is not None:
                match = best_section(outline, heading.title, after)
                if match is not None and (context is None or not self._is_item(context, heading, match.score)):
                    if context is not None:
                        self._close(context, pending)
                    pending = []
                    matched += 1
                    after = match.index
                    self._check_number(seen_sections, heading, match.level)
                    context = _Context(match.section, heading.level, heading.title,
                                       {b.kind for b in flatten_blocks(match.section.content)})
                    continue
                if context is None:
                    self._before_body(block, text)
                    continue
                if self._belongs_to(context, heading):
                    pending.append((block, text))
                    continue
                # An unknown heading at the level of a section or above: its text has no home.
                self._close(context, pending)
                pending = []
                context = _Context(None, heading.level, heading.title)
                self.unplaced.append(Unplaced(text, block.where, "标题在提纲中找不到对应栏目"))
                continue
            if context is None:
                if not in_appendix:
                    self._before_body(block, text)
                continue
            pending.append((block, text))
        if context is not None:
            self._close(context, pending)
        for table, table_caption in tables_seen:
            self._table(table, table_caption)
        self.matched = matched
        if matched < MIN_MATCHED_SECTIONS:
            raise ReportImportError(
                f"“{self.document.name}”看起来不是部门整体支出绩效自评报告：只认出 {matched} 个报告栏目标题"
                "（如“部门基本情况”“存在问题”）。请选择往年的自评报告文件。"
            )
        return self._finish()

    def _is_item(self, context: _Context, heading: _Heading, score: float) -> bool:
        """A heading deeper than a task or list section that only loosely resembles an outline title
        ("（二）预算执行…" as a task) stays in its section."""
        if context.section is None or score >= 0.9:
            return False
        if "tasks" in context.kinds:
            return heading.level >= context.level
        return bool(context.kinds & {"blocks", "list"}) and heading.level > context.level

    def _belongs_to(self, context: _Context, heading: _Heading) -> bool:
        if context.section is None:
            return heading.level > context.level
        if "tasks" in context.kinds:
            # Tasks numbered at their own section's level are a fault, not a new section (seed 000).
            return heading.level >= context.level
        return heading.level > context.level

    def _check_number(self, seen: dict[int, int], heading: _Heading, level: int) -> None:
        if heading.numbered is None:
            return
        for deeper in [k for k in seen if k > level]:
            del seen[deeper]
        previous = seen.get(level, 0)
        value = heading.numbered.value
        self._at(heading.paragraph, heading.paragraph.text)
        if value == previous:
            self.finding(f"标题编号“{heading.numbered.number.strip()}”重复出现：“{heading.title}”")
        elif value > previous + 1:
            missing = "、".join(level_number(heading.level, n) for n in range(previous + 1, value))
            self.finding(f"标题“{heading.numbered.number.strip()}{heading.title}”之前缺少编号 {missing}")
        seen[level] = value

    # ------------------------------------------------------------ outside the body

    def _outside_body(self, block: SourceParagraph, text: str, context: Optional[_Context]) -> bool:
        """Date lines, the signature's unit, the list of attachments: read here, in any position."""
        when = figures.date_line(text)
        if when is not None:
            self.report_date = when
            self._at(block, text)
            self.took("报告日期", f"{when.year}年{when.month}月{when.day}日")
            return True
        if context is not None and _ATTACHMENT_LIST.match(text):
            self._attachment_list = True
            return True
        if self._attachment_list and _ATTACHMENT_ITEM.match(text):
            return True
        self._attachment_list = False
        if context is not None and len(text) <= 30 and text.endswith(_UNIT_END) and not re.search(r"[，。；：]", text):
            self.signature_unit = text
            self._at(block, text)
            self.took("落款单位", text)
            return True
        return False

    def _before_body(self, block: SourceParagraph, text: str) -> None:
        """Above the first section: the title (its unit and year), else unplaced."""
        joined = re.sub(r"\s+", "", text)
        if _TITLE.search(joined) and not self.title:
            self.title = joined
            self._at(block, text)
            year = _YEAR.search(joined)
            if year:
                self.title_year = int(year.group(1))
            body = _YEAR.sub("", joined)
            body = re.sub(r"度?(?:部门)?整体(?:支出)?绩效(?:自评|评价)报告$", "", body)
            body = body.removeprefix("度")
            if body.endswith(_UNIT_END) and len(body) > 4:
                self.title_unit = body
            self.took("报告标题", joined)
            return
        self.unplaced.append(Unplaced(text, block.where, "正文第一个标题之前"))

    # ------------------------------------------------------------ sections

    def _close(self, context: _Context, pending: list[tuple[SourceParagraph, str]]) -> None:
        if context.section is None:
            for block, text in pending:
                self.unplaced.append(Unplaced(text, block.where, f"在提纲中没有的标题“{context.heading}”下"))
            return
        content = flatten_blocks(context.section.content)
        kinds = {b.kind for b in content}
        if "tasks" in kinds:
            self._tasks(context, content, pending)
            return
        if "blocks" in kinds:
            self._blocks(context, content, pending)
            return
        if "list" in kinds:
            path = next(b.ref for b in content if b.kind == "list")
            self._list(context, path, pending)
            return
        prose: list[tuple[SourceParagraph, str]] = []
        for block, text in pending:
            rest = self._read_sentences(block, text)
            if rest:
                prose.append((block, rest))
        narratives = [b.ref for b in content if b.kind == "narrative"]
        if not narratives:
            for block, text in prose:
                self.unplaced.append(Unplaced(text, block.where, f"“{context.section.title}”一节只印程序生成的句子"))
            return
        self._narrative(narratives[0], prose, context)

    def _read_sentences(self, block: SourceParagraph, text: str) -> str:
        """Take the standard sentences out of a paragraph; what remains is the clerk's prose."""
        rest = []
        for sentence in sentences(text):
            self._at(block, sentence)
            if figures.recognise(sentence, self) is None:
                rest.append(sentence)
        return "".join(rest)

    def _narrative(self, ref: str, prose: list[tuple[SourceParagraph, str]], context: _Context) -> None:
        lines = [text for _block, text in prose]
        if not lines:
            return
        if ref == "profile.functions":
            lines[0] = _FUNCTIONS_LEAD.sub("", lines[0], count=1)
        text = "\n".join(lines)
        _set(self.report, ref, text)
        self._at(prose[0][0], text)
        self.took(context.section.title, text)
        if ref == "department_target.text":
            self.report.department_target.indicators = figures.target_indicators(text)
            for indicator in self.report.department_target.indicators:
                self.took("绩效指标", f"{indicator.name}{indicator.kind.symbol}{indicator.target}{indicator.unit}")

    def _list(self, context: _Context, ref: str, pending: list[tuple[SourceParagraph, str]]) -> None:
        items: list[str] = []
        for block, text in pending:
            numbered = split_number(text)
            item = tidy(numbered.rest) if numbered else text
            items.append(item)
            self._at(block, text)
            self.took(f"{context.section.title}（第 {len(items)} 条）", item)
        _set(self.report, ref, items)

    def _tasks(self, context: _Context, content: list[ContentBlock], pending: list[tuple[SourceParagraph, str]]) -> None:
        sentence_mode = any(b.kind == "tasks" and b.ref == "sentence" for b in content)
        intro: list[str] = []
        tasks: list[WorkTask] = []
        texts: dict[int, list[str]] = {}
        numbers: list[Numbered] = []
        for block, text in pending:
            heading = self.heading_of(block)
            numbered = split_number(text)
            if heading is not None or (numbered is not None and numbered.level >= context.level):
                # A task: a heading of its own, or a run-in title ("（一）学习教育，常抓不懈。在……").
                if heading is not None:
                    title, narrative = heading.title, ""
                else:
                    title, narrative = _run_in(block, numbered)
                tasks.append(WorkTask(title=title))
                texts[len(tasks) - 1] = [narrative] if narrative else []
                if numbered is not None:
                    numbers.append(numbered)
                self._at(block, text)
                self.took(f"工作任务 {len(tasks)}", title)
                continue
            if figures.ledger_sentence(text, self):
                self._at(block, text)
                self.took("活动台账合计", "不导入（由本年的活动台账重新统计）")
                continue
            if tasks:
                texts[len(tasks) - 1].append(text)
            elif sentence_mode and "；" in text and not intro_is_tasks(intro):
                for part in [p for p in text.rstrip("。").split("；") if p.strip()]:
                    tasks.append(WorkTask(title=part.strip()))
                    texts[len(tasks) - 1] = []
                    self._at(block, text)
                    self.took(f"工作任务 {len(tasks)}", part.strip())
                intro.append("\0")  # the task sentence is taken; later text is not an introduction
            else:
                intro.append(text)
        for index, task in enumerate(tasks):
            task.narrative = "\n".join(texts.get(index, []))
        self._task_numbers(numbers, context)
        real_intro = [t for t in intro if t != "\0"]
        if sentence_mode and tasks and any(t == "\0" for t in intro):
            # In the sentence form, text after the task sentence belongs to no single task.
            after = intro[intro.index("\0") + 1:]
            real_intro = intro[: intro.index("\0")]
            for text in after:
                self.unplaced.append(Unplaced(text, pending[0][0].where, f"“{context.section.title}”中任务句之后的文字"))
        if real_intro:
            self.report.narratives.overall_work = "\n".join(real_intro)
            self._at(pending[0][0], self.report.narratives.overall_work)
            self.took("年度总体工作", self.report.narratives.overall_work)
        self.report.tasks = tasks

    def _task_numbers(self, numbers: list[Numbered], context: _Context) -> None:
        previous = 0
        for numbered in numbers:
            self._current = None
            if numbered.value == previous:
                self.finding(f"工作任务编号“{numbered.number.strip()}”重复")
            elif numbered.value > previous + 1:
                missing = "、".join(level_number(numbered.level, n) for n in range(previous + 1, numbered.value))
                self.finding(f"工作任务编号跳过了 {missing}（在“{numbered.number.strip()}{title_text(numbered.rest)}”之前）")
            previous = numbered.value
        if numbers and numbers[0].level <= context.level:
            self.finding(
                f"工作任务的编号与上级标题“{context.heading}”同级，导出时程序会按下一级重新编号"
            )

    def _blocks(self, context: _Context, content: list[ContentBlock], pending: list[tuple[SourceParagraph, str]]) -> None:
        ref = next(b.ref for b in content if b.kind == "blocks")
        roots: list[NarrativeBlock] = []
        stack: list[tuple[int, NarrativeBlock]] = []
        for block, text in pending:
            heading = self.heading_of(block)
            numbered = split_number(text)
            if heading is not None or numbered is not None:
                if heading is not None:
                    level, title, rest = heading.level, heading.title, ""
                else:
                    level = numbered.level
                    title, rest = _run_in(block, numbered)
                item = NarrativeBlock(title=title, text=rest)
                while stack and stack[-1][0] >= level:
                    stack.pop()
                (stack[-1][1].blocks if stack else roots).append(item)
                stack.append((level, item))
                self._at(block, text)
                self.took(context.section.title, title)
                continue
            if stack:
                current = stack[-1][1]
                current.text = f"{current.text}\n{text}" if current.text else text
            else:
                item = NarrativeBlock(text=text)
                roots.append(item)
                stack.append((99, item))
        _set(self.report, ref, roots)

    # ------------------------------------------------------------ tables

    def _table(self, table: SourceTable, caption: str) -> None:
        self._current = None
        tables.read_table(table, self, caption)

    # ------------------------------------------------------------ the end

    def _finish(self) -> ImportPreview:
        report = self.report
        report.title = self.title
        report.report_date = self.report_date
        profile = report.profile
        year_source = ""
        year = self.title_year
        if year:
            year_source = "报告标题"
        if not year:
            for item in self.fields:
                found = re.match(r"^(20\d{2})年(?:度)?本年(?:收入|支出)", item.source) or re.match(r"^截[止至](20\d{2})年", item.source)
                if found:
                    year, year_source = int(found.group(1)), "收支情况中的年份"
                    break
        if not year and self.report_date is not None:
            year, year_source = self.report_date.year - 1, f"报告日期 {self.report_date.isoformat()} 的上一年"
        report.fiscal_year = year or 0

        unit, unit_source = "", ""
        for candidate, source in ((self.title_unit, "报告标题"), (self.signature_unit, "落款"),
                                  (profile.full_name, "部门概况")):
            if candidate:
                unit, unit_source = candidate, source
                break
        if not unit and profile.short_name:
            unit = profile.short_name
            if unit.endswith("妇联"):
                unit = unit[:-2] + "妇女联合会"
            unit_source = f"由简称“{profile.short_name}”推断，请核对全称"
        report.unit = Unit(name=unit)
        if not profile.full_name and unit and not unit_source.startswith("由简称"):
            profile.full_name = unit
        return ImportPreview(
            source_name=self.document.name,
            source_kind=self.document.kind,
            report=report,
            outline_name=self.outline.name,
            year_source=year_source or "未能识别",
            unit_source=unit_source or "未能识别",
            fields=self.fields,
            unplaced=self.unplaced,
            findings=self.findings,
            read_year=report.fiscal_year or None,
        )


def intro_is_tasks(intro: list[str]) -> bool:
    return "\0" in intro


def _run_in(block: SourceParagraph, numbered: Numbered) -> tuple[str, str]:
    """A numbered paragraph's run-in title and its text: the bold part when there is one, else the
    first sentence when it is short enough to be a title."""
    rest = tidy(numbered.rest)
    bold = tidy(split_number(tidy(block.bold_prefix)).rest) if block.bold_prefix and split_number(tidy(block.bold_prefix)) else ""
    if bold and rest.startswith(bold):
        return title_text(bold), rest[len(bold):].strip()
    first = re.match(r"^[^。！？]{1,40}[。！？]", rest)
    if first:
        return title_text(first.group(0)), rest[first.end():].strip()
    if len(rest) <= MAX_TITLE_CHARS:
        return title_text(rest), ""
    return "", rest


def _set(report: Report, ref: str, value) -> None:
    """Put what was read at the outline block's field (a path under the report)."""
    fieldpath.set_value(report, fieldpath.under_report(ref), value)


def assemble(document: SourceDocument) -> ImportPreview:
    return _Assembler(document).run()

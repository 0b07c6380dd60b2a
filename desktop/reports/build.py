"""Report + outline → Document: walks the outline, numbers the headings, fills each section from the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..domain.attachments import attachment_gaps, project_form_filled
from ..domain.model import NarrativeBlock, Report
from .document import Align, Block, Document, Font, Heading, Layout, PageBreak, Paragraph, Run, Table
from .numbering import Counter, level_number
from .outline import ContentBlock, Outline, Section, resolve
from .prose import GENERATORS, paragraphs, task_paragraphs, unit_full_name, unit_short_name
from .tables import TABLES


def body(text: str, bold_prefix: str = "", bold: bool = False) -> Paragraph:
    runs = [Run(bold_prefix, bold=True)] if bold_prefix else []
    runs.append(Run(text, bold=bold))
    return Paragraph(runs)


@dataclass
class _Pending:
    """A heading not yet numbered: numbers are given only once we know the section is not left out."""

    level: int
    title: str
    blocks: list = field(default_factory=list)


TITLE_CHARS_PER_LINE = 20  # 2号 characters across the 156 mm text block


def title_of(report: Report, outline: Outline) -> str:
    """The title, broken into lines; a clerk's one-line title that is too long breaks before 部门整体."""
    title = report.title.strip()
    if title:
        at = title.find("部门整体")
        if "\n" not in title and len(title) > TITLE_CHARS_PER_LINE and at > 0:
            title = title[:at] + "\n" + title[at:]
        return title
    return outline.title.format(
        unit=unit_short_name(report), short_name=unit_short_name(report), full_name=unit_full_name(report),
        year=report.fiscal_year,
    )


def build_document(report: Report, outline: Outline, draft: bool = False, layout: Optional[Layout] = None) -> Document:
    """The whole report in the outline's order, headings numbered per level, appendices after the signature."""
    if layout is None:
        layout = Layout(**outline.layout)
    builder = _Builder(report, layout)
    blocks: list[Block] = []
    counter = Counter()
    for section in outline.sections:
        blocks += builder.section(section, 1, counter)

    appendices = builder.appendices(outline)
    if appendices:
        # GB/T 9704: the list of attachments follows the body, before the signature.
        names = [title for title, _ in appendices]
        # GB/T 9704 7.3.4: the items are numbered with a full-width stop, "1．".
        blocks.append(Paragraph([Run("附件：" + (f"1．{names[0]}" if len(names) > 1 else names[0]))]))
        for n, name in enumerate(names[1:], start=2):
            # Three ideographic spaces: the width of "附件：", so the items align under the first.
            blocks.append(Paragraph([Run(f"　　　{n}．{name}")], align=Align.LEFT))
    appendix_blocks: list[Block] = []
    for n, (title, table) in enumerate(appendices, start=1):
        appendix_blocks.append(PageBreak())
        appendix_blocks.append(Paragraph([Run(f"附件{n}")], font=Font.HEADING1, align=Align.LEFT, indent=False))
        appendix_blocks.append(Paragraph([Run(title)], font=Font.TITLE, align=Align.CENTER, indent=False,
                                         size=18, keep_with_next=True))
        appendix_blocks.append(table)

    return Document(
        title=title_of(report, outline),
        blocks=blocks,
        signature_unit=unit_full_name(report),
        signature_date=report.report_date,
        appendices=appendix_blocks,
        draft=draft,
        layout=layout,
        author=unit_full_name(report),
    )


def build_project_form(report: Report, project_index: int, draft: bool = False,
                       layout: Optional[Layout] = None) -> Document:
    """One project's 项目支出绩效自评表 as a document of its own (submitted by itself). The form names the
    unit in its 主管部门 row; it carries no signature block that could fall onto a page of its own."""
    project = report.projects[project_index]
    layout = layout or Layout()
    table = TABLES["project_evaluation"](report, project)
    return Document(
        title=f"项目支出绩效自评表\n（{project.name}）",
        blocks=[table],
        draft=draft,
        layout=layout,
        author=unit_full_name(report),
    )


class _Builder:
    def __init__(self, report: Report, layout: Layout):
        self.report = report
        self.layout = layout

    # ------------------------------------------------------------ sections

    def section(self, section: Section, level: int, counter: Counter) -> list[Block]:
        """The section's heading, its content and its children; [] when an optional section is empty."""
        content: list[Block] = []
        for block in section.content:
            content += self.content(block, level)
        # Children are built first without numbers so an empty optional child leaves no gap.
        children = [(child, self._section_has_content(child)) for child in section.children]
        if section.optional and not content and not any(has for _, has in children):
            return []
        number = counter.next(level)
        result: list[Block] = [Heading(level, number, section.title)]
        result += self._numbered_subsections(content, level, counter)
        for child, has in children:
            if child.optional and not has:
                continue
            result += self.section(child, level + 1, counter)
        return result

    def _section_has_content(self, section: Section) -> bool:
        if any(self.content(block, 1) for block in section.content):
            return True
        return any(not c.optional or self._section_has_content(c) for c in section.children)

    def _numbered_subsections(self, content: list, level: int, counter: Counter) -> list[Block]:
        """Task subsections come back as _Pending and are numbered here, under the current heading."""
        result: list[Block] = []
        for block in content:
            if isinstance(block, _Pending):
                result.append(Heading(level + 1, counter.next(level + 1), block.title))
                result += block.blocks
            else:
                result.append(block)
        return result

    # ------------------------------------------------------------ content blocks

    def content(self, block: ContentBlock, level: int) -> list:
        kind, ref = block.kind, block.ref
        if kind == "generated":
            return [body(text) for text in GENERATORS[ref](self.report)]
        if kind == "narrative":
            return [body(text) for text in paragraphs(resolve(self.report, ref) or "")]
        if kind == "list":
            return self.items([str(x) for x in resolve(self.report, ref) if str(x).strip()], level)
        if kind == "blocks":
            return self.narrative_blocks(resolve(self.report, ref), level + 1)
        if kind == "tasks" and ref == "sentence":
            titles = [t.title.rstrip("。；") for t in self.report.tasks if t.title.strip()]
            result: list = [body("；".join(titles) + "。")] if titles else []
            for task in self.report.tasks:
                result += [body(t) for t in paragraphs(task.narrative)]
            return result
        if kind == "tasks":
            return [
                _Pending(level + 1, task.title, [body(t) for t in task_paragraphs(self.report, task)])
                for task in self.report.tasks
            ]
        if kind == "table":
            if ref == "projects" and not self.report.projects and self.report.finance.expenditure.project != 0:
                return []  # a list not yet entered is a validation finding, never a placeholder in print
            return [TABLES[ref](self.report, None)]
        if kind == "numbered":
            result: list = []
            for n, item in enumerate(ref, start=1):
                produced: list = []
                for inner in item:
                    produced += self.content(inner, level)
                if not produced:
                    continue
                first = produced[0]
                if isinstance(first, Paragraph):
                    first.runs.insert(0, Run(level_number(3, n)))
                result += produced
            return result
        raise ValueError(f"unknown content kind {kind}")

    def items(self, items: list[str], level: int) -> list[Paragraph]:
        """A clerk's list: one item stays plain; several are numbered one level below the heading."""
        if len(items) == 1:
            return [body(t) for t in paragraphs(items[0])]
        result = []
        for n, item in enumerate(items, start=1):
            lines = paragraphs(item)
            if not lines:
                continue
            result.append(Paragraph([Run(level_number(level + 1, n)), Run(lines[0])]))
            result += [body(t) for t in lines[1:]]
        return result

    def narrative_blocks(self, blocks: list[NarrativeBlock], level: int) -> list[Paragraph]:
        """主要工作成效: each block a run-in heading (bold per the layout) followed by its text."""
        result: list[Paragraph] = []
        bold = self.layout.bold_lower_headings
        for n, block in enumerate(blocks, start=1):
            number = level_number(level, n)
            lines = paragraphs(block.text)
            # Titles are kept without their closing stop; a run-in title needs one before its text.
            title = block.title.rstrip("。")
            head = Run(number + (title + "。" if lines else title), bold=bold)
            if lines:
                result.append(Paragraph([head, Run(lines[0])]))
                result += [body(t) for t in lines[1:]]
            else:
                result.append(Paragraph([head]))
            result += self.narrative_blocks(block.blocks, level + 1)
        return result

    # ------------------------------------------------------------ appendices

    def appendices(self, outline: Outline) -> list[tuple[str, Table]]:
        """The attachments that have their data, in the outline's order. One without it — a form
        without indicator rows, a project list without projects — is left out, never printed as an empty
        skeleton; where the outline requires it, validation says what is missing (ATT-003)."""
        found: list[tuple[str, Table]] = []
        for appendix in outline.appendices:
            builder = TABLES[appendix.table]
            if appendix.each_project:
                for project in self.report.projects:
                    if project_form_filled(project):
                        found.append((f"{appendix.title}（{project.name}）", builder(self.report, project)))
            elif appendix.table == "projects" and not self.report.projects:
                continue  # none in the year (项目支出 0), or not yet entered: nothing to list
            elif not attachment_gaps(self.report, appendix.table):
                found.append((appendix.title, builder(self.report, None)))
        return found

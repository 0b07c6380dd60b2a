"""The preview of an import: the draft it would create, what each field was read from, the paragraphs
no section took, and the findings — and the one function that turns it, with the clerk's choices for
the loose paragraphs, into the report to save."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Optional

from ..domain.model import NarrativeBlock, Report


def _steps(path: str) -> list:
    """report.tasks[2].narrative → ["tasks", 2, "narrative"] (the same paths the forms and checks use)."""
    return [int(i) if i else name for name, i in re.findall(r"\.([A-Za-z_]\w*)|\[(\d+)\]", path)]


def get_path(report: Report, path: str):
    value = report
    for step in _steps(path):
        value = value[step] if isinstance(step, int) else getattr(value, step)
    return value


def set_value(report: Report, path: str, new) -> None:
    *head, last = _steps(path)
    parent = report
    for step in head:
        parent = parent[step] if isinstance(step, int) else getattr(parent, step)
    if isinstance(last, int):
        parent[last] = new
    else:
        setattr(parent, last, new)


@dataclass(frozen=True)
class Recognised:
    """One field filled from the document: its name, the value as the clerk will see it, and the source."""

    label: str
    value: str
    source: str  # the sentence or heading it came from
    where: str  # 第 12 段 / 第 3 页 / 表格


@dataclass(frozen=True)
class Unplaced:
    """A paragraph that no section took; the clerk assigns it to a target or lets it drop."""

    text: str
    where: str
    context: str  # the heading it stood under, or why it was left


@dataclass(frozen=True)
class Target:
    """Where a loose paragraph can go: a text field or a list of the report."""

    path: str  # report.narratives.conclusion / report.problems / report.tasks[2].narrative
    label: str


@dataclass
class ImportPreview:
    source_name: str
    source_kind: str  # docx / pdf
    report: Report  # the draft as read (unit and year resolved)
    outline_name: str
    year_source: str  # what the fiscal year was read from
    unit_source: str  # what the unit's name was read from
    fields: list[Recognised] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    cleared: list[str] = field(default_factory=list)  # figures dropped when importing into another year
    read_year: Optional[int] = None  # the year the document is about, before any --year

    def targets(self) -> list[Target]:
        """Every text field and list the draft's outline prints, then each task's narrative."""
        from ..reports.outline import load_outline

        found: list[Target] = []
        seen = set()
        outline = load_outline(self.report.outline.value)
        for _level, section in outline.walk():
            for block in flatten_blocks(section.content):
                if block.kind in ("narrative", "list", "blocks") and block.ref not in seen:
                    seen.add(block.ref)
                    found.append(Target(f"report.{block.ref}", section.title))
        for index, task in enumerate(self.report.tasks):
            found.append(Target(f"report.tasks[{index}].narrative", f"工作任务：{task.title}"))
        return found

    def lines(self) -> list[str]:
        """The preview as text (the command line prints it; the dialog shows the same facts)."""
        report = self.report
        out = [
            f"文件：{self.source_name}",
            f"单位：{report.unit.name}（{self.unit_source}）",
            f"年度：{report.fiscal_year}（{self.year_source}）",
            f"提纲：{self.outline_name}",
            f"识别出的内容（{len(self.fields)} 项）：",
        ]
        for item in self.fields:
            value = item.value if len(item.value) <= 60 else item.value[:58] + "……"
            out.append(f"  {item.label}：{value}    ← {item.where}")
        out.append(f"工作任务 {len(report.tasks)} 项，存在问题 {len(report.problems)} 条，改进措施 {len(report.measures)} 条，"
                   f"项目 {len(report.projects)} 个。")
        if self.cleared:
            out.append(f"导入到 {report.fiscal_year} 年度，以下上年数字已清空（文字保留作为起草参考）：")
            out += [f"  {text}" for text in self.cleared]
        if self.findings:
            out.append(f"需要核对的地方（{len(self.findings)} 处，未自动改正）：")
            out += [f"  {n}. {text}" for n, text in enumerate(self.findings, start=1)]
        if self.unplaced:
            out.append(f"未能归入任何栏目的段落（{len(self.unplaced)} 段，导入时不会写入；可在程序中指定去处）：")
            for item in self.unplaced:
                text = item.text if len(item.text) <= 50 else item.text[:48] + "……"
                out.append(f"  {item.where}（{item.context}）：{text}")
        else:
            out.append("所有段落都已归入相应栏目。")
        return out


def flatten_blocks(blocks) -> list:
    """An outline section's content blocks with numbered groups opened into their items, in order."""
    found = []
    for block in blocks:
        if block.kind == "numbered":
            for item in block.ref:
                found += flatten_blocks(item)
        else:
            found.append(block)
    return found


def apply_choices(preview: ImportPreview, choices: Optional[dict[int, str]] = None) -> Report:
    """The draft with each chosen loose paragraph added to its target (index into `unplaced` → path).

    Paragraphs not chosen are dropped. The preview itself is not changed.
    """
    report = copy.deepcopy(preview.report)
    for index, path in sorted((choices or {}).items()):
        text = preview.unplaced[index].text
        value = get_path(report, path)
        if isinstance(value, str):
            set_value(report, path, f"{value}\n{text}" if value.strip() else text)
        elif isinstance(value, list) and path.endswith("achievements"):
            value.append(NarrativeBlock(text=text))
        elif isinstance(value, list):
            value.append(text)
        else:
            raise ValueError(f"cannot add a paragraph to {path}")
    return report

"""Report outlines as data: a province's ordered tree of sections, loaded from resources/outlines/*.json.

Each section has a title (numbered by the program), and content blocks bound to the report:
  {"generated": NAME}     sentences that follow from the data (prose.GENERATORS)
  {"narrative": PATH}     a clerk-written text field of the report, e.g. "narratives.conclusion"
  {"list": PATH}          a list of clerk-written items (存在问题), numbered when more than one
  {"blocks": PATH}        titled narrative blocks (主要工作成效), numbered as run-in headings
  {"tasks": "sections"}   one subsection per work task: the clerk's narrative + the ledger's totals
  {"tasks": "sentence"}   the tasks' titles as one sentence joined by "；" (then any task narratives)
  {"table": NAME}         a table of the report (tables.TABLES)
  {"numbered": [[…], …]}  items numbered 1. 2. in the text, each a list of blocks
A section marked "optional" is left out (and not counted) when it has no content. "aliases" lists
other titles clerks give the section ("存在的问题" for 存在问题): reading an old report uses them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain import fieldpath
from ..errors import UserError
from ..paths import resources_dir

OUTLINE_FORMAT = "fulian-desk/outline"
BLOCK_KINDS = ("generated", "narrative", "list", "blocks", "tasks", "table", "numbered")
LAYOUT_KEYS = ("bold_lower_headings",)


class OutlineError(UserError):
    """An outline file that cannot be used; `message` says which file and what is wrong, in Chinese."""


@dataclass(frozen=True)
class ContentBlock:
    kind: str  # one of BLOCK_KINDS
    ref: Any  # the generator/table name, the field path, or nested block lists for "numbered"


@dataclass
class Section:
    title: str
    content: list[ContentBlock] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)
    optional: bool = False
    aliases: tuple[str, ...] = ()  # other titles of the section, for reading a clerk's old report


@dataclass(frozen=True)
class Appendix:
    title: str
    table: str
    each_project: bool = False  # one appendix per project (项目支出绩效自评表)
    # Required: missing data is a validation error (the export becomes a draft). Not required: printed
    # when the clerk has filled it, otherwise left out.
    required: bool = False


@dataclass
class Outline:
    id: str
    name: str
    title: str  # template: {unit} {short_name} {full_name} {year}; "\n" breaks the title line
    sections: list[Section]
    appendices: list[Appendix] = field(default_factory=list)
    layout: dict[str, Any] = field(default_factory=dict)

    def walk(self) -> list[tuple[int, Section]]:
        """(level, section) in document order."""
        found: list[tuple[int, Section]] = []

        def visit(sections: list[Section], level: int) -> None:
            for section in sections:
                found.append((level, section))
                visit(section.children, level + 1)

        visit(self.sections, 1)
        return found


def outlines_dir() -> Path:
    return resources_dir() / "outlines"


def available_outlines(folder: Path | None = None) -> list[str]:
    """The ids of the outlines shipped (file names without .json)."""
    folder = folder or outlines_dir()
    return sorted(p.stem for p in folder.glob("*.json"))


def load_outline(outline_id: str, folder: Path | None = None) -> Outline:
    folder = folder or outlines_dir()
    path = folder / f"{outline_id}.json"
    if not path.is_file():
        names = "、".join(available_outlines(folder)) or "（无）"
        raise OutlineError(f"没有名为“{outline_id}”的报告提纲。可用的提纲有：{names}")
    return load_outline_file(path)


def load_outline_file(path: Path) -> Outline:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise OutlineError(f"报告提纲文件“{Path(path).name}”无法读取：{exc}") from None
    return parse_outline(data, Path(path).name)


def parse_outline(data: Any, source: str = "提纲") -> Outline:
    """Check an outline document strictly: a typo in a province's file must not pass silently."""
    from .prose import GENERATORS
    from .tables import TABLES

    def fail(where: str, what: str) -> OutlineError:
        return OutlineError(f"报告提纲“{source}”有误（{where}）：{what}")

    if not isinstance(data, dict) or data.get("format") != OUTLINE_FORMAT:
        raise fail("文件头", f"不是报告提纲文件（format 应为 {OUTLINE_FORMAT}）")
    for key in ("id", "name", "title"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise fail(key, "缺少或不是文字")
    layout = data.get("layout", {})
    if not isinstance(layout, dict) or any(k not in LAYOUT_KEYS for k in layout):
        raise fail("layout", f"只能包含 {', '.join(LAYOUT_KEYS)}")

    def block(raw: Any, where: str) -> ContentBlock:
        if not isinstance(raw, dict) or len(raw) != 1:
            raise fail(where, "每个内容块必须是只有一个键的对象")
        (kind, ref), = raw.items()
        if kind not in BLOCK_KINDS:
            raise fail(where, f"未知的内容类型“{kind}”")
        if kind == "generated" and ref not in GENERATORS:
            raise fail(where, f"未知的生成内容“{ref}”")
        if kind == "table" and ref not in TABLES:
            raise fail(where, f"未知的表格“{ref}”")
        if kind in ("narrative", "list", "blocks"):
            if not isinstance(ref, str) or not _path_exists(ref):
                raise fail(where, f"报告中没有字段“{ref}”")
        if kind == "tasks" and ref not in ("sections", "sentence"):
            raise fail(where, "tasks 的值应为 sections 或 sentence")
        if kind == "numbered":
            if not isinstance(ref, list) or not all(isinstance(item, list) for item in ref):
                raise fail(where, "numbered 应为内容块列表的列表")
            ref = tuple(tuple(block(b, f"{where}.numbered[{i}]") for b in item) for i, item in enumerate(ref))
        return ContentBlock(kind, ref)

    def section(raw: Any, where: str, depth: int) -> Section:
        if not isinstance(raw, dict) or not isinstance(raw.get("title"), str) or not raw["title"].strip():
            raise fail(where, "每一节都要有标题 title")
        unknown = set(raw) - {"title", "content", "children", "optional", "aliases"}
        if unknown:
            raise fail(where, f"未知的键 {', '.join(sorted(unknown))}")
        if depth > 4:
            raise fail(where, "标题层级最多四级（一、（一）1.（1））")
        aliases = raw.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise fail(where, "aliases 应为标题文字的列表")
        return Section(
            title=raw["title"].strip(),
            content=[block(b, f"{where}.content[{i}]") for i, b in enumerate(raw.get("content", []))],
            children=[section(c, f"{where}.children[{i}]", depth + 1) for i, c in enumerate(raw.get("children", []))],
            optional=bool(raw.get("optional", False)),
            aliases=tuple(a.strip() for a in aliases),
        )

    sections_raw = data.get("sections")
    if not isinstance(sections_raw, list) or not sections_raw:
        raise fail("sections", "至少要有一节")
    sections = [section(s, f"sections[{i}]", 1) for i, s in enumerate(sections_raw)]

    appendices = []
    for i, raw in enumerate(data.get("appendices", [])):
        where = f"appendices[{i}]"
        if not isinstance(raw, dict) or raw.get("table") not in TABLES or not isinstance(raw.get("title"), str):
            raise fail(where, "附件需要标题 title 和已知的表格 table")
        appendices.append(Appendix(raw["title"], raw["table"], bool(raw.get("each_project", False)),
                                   bool(raw.get("required", False))))
    return Outline(
        id=data["id"], name=data["name"], title=data["title"], sections=sections,
        appendices=appendices, layout=dict(layout),
    )


def _path_exists(path: str) -> bool:
    """Whether a path under the report names a field of Report (checked on the dataclasses, not an instance)."""
    try:
        fieldpath.check_names_a_field(fieldpath.under_report(path))
    except fieldpath.FieldPathError:
        return False
    return True


def resolve(report: Any, path: str) -> Any:
    """The value at a field path under the report ("narratives.conclusion")."""
    return fieldpath.get(report, fieldpath.under_report(path))

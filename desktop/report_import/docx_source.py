"""A .docx (Word or WPS) read as paragraphs and tables: text, bold, heading styles, list numbers.

The package is checked with the Excel import's zip and XML limits before any XML is parsed, and the
parser resolves no entities and fetches nothing. Word's automatic list numbers are not in the text;
they are rendered from numbering.xml and put in front, so that a heading reads "（一）机构组成" whether
the clerk typed its number or let Word count it.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Optional

from lxml import etree

from ..excel.safety import UnsafeFileError, check_members, scan_member
from ..reports.numbering import chinese_number
from .errors import ReportImportError
from .source import SourceDocument, SourceParagraph, SourceTable

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
DOCUMENT = "word/document.xml"
RESAVE = "请在 Word 或 WPS 中打开它，“另存为”一个新的 .docx 文件后再导入"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def _on(element: Optional[etree._Element]) -> Optional[bool]:
    """A Word on/off property: present means on unless its val says otherwise."""
    if element is None:
        return None
    return element.get(f"{_W}val", "true").lower() not in ("0", "false", "off", "none")


class _Styles:
    """Bold, heading level and alignment that paragraph styles pass on (following basedOn)."""

    def __init__(self, root: Optional[etree._Element]):
        self._styles: dict[str, etree._Element] = {}
        if root is not None:
            for style in root.iter(f"{_W}style"):
                sid = style.get(f"{_W}styleId")
                if sid:
                    self._styles[sid] = style

    def _chain(self, sid: Optional[str]):
        seen = set()
        while sid and sid in self._styles and sid not in seen:
            seen.add(sid)
            style = self._styles[sid]
            yield style
            based = style.find(f"{_W}basedOn")
            sid = based.get(f"{_W}val") if based is not None else None

    def bold(self, sid: Optional[str]) -> bool:
        for style in self._chain(sid):
            value = _on(style.find(f"{_W}rPr/{_W}b"))
            if value is not None:
                return value
        return False

    def heading_level(self, sid: Optional[str]) -> Optional[int]:
        for style in self._chain(sid):
            name_el = style.find(f"{_W}name")
            name = (name_el.get(f"{_W}val") if name_el is not None else "").lower()
            match = re.fullmatch(r"(?:heading|标题)\s*([1-9])", name)
            if match:
                return int(match.group(1))
            outline = style.find(f"{_W}pPr/{_W}outlineLvl")
            if outline is not None and outline.get(f"{_W}val", "").isdigit():
                level = int(outline.get(f"{_W}val")) + 1
                return level if level <= 9 else None
        return None


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"


def _format(value: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting"):
        return chinese_number(value) if 0 < value < 100 else str(value)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < value <= len(_CIRCLED):
        return _CIRCLED[value - 1]
    if fmt == "ideographTraditional" and 0 < value <= len(_TIANGAN):
        return _TIANGAN[value - 1]
    if fmt == "decimalFullWidth":
        return str(value).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("lowerLetter", "upperLetter") and 0 < value <= 26:
        letter = chr(ord("a") + value - 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("bullet", "none"):
        return ""
    return str(value)


class _Numbering:
    """Word's list counters, rendered as the text Word would show before each list paragraph."""

    def __init__(self, root: Optional[etree._Element]):
        self._levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId → ilvl → (start, fmt, text)
        self._counts: dict[str, dict[int, int]] = {}
        if root is None:
            return
        abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        for node in root.iter(f"{_W}abstractNum"):
            levels = {}
            for lvl in node.iter(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl", "0"))
                start_el, fmt_el, text_el = lvl.find(f"{_W}start"), lvl.find(f"{_W}numFmt"), lvl.find(f"{_W}lvlText")
                start = int(start_el.get(f"{_W}val", "1")) if start_el is not None else 1
                fmt = fmt_el.get(f"{_W}val", "decimal") if fmt_el is not None else "decimal"
                text = text_el.get(f"{_W}val", "") if text_el is not None else ""
                levels[ilvl] = (start, fmt, text)
            abstract[node.get(f"{_W}abstractNumId")] = levels
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            levels = dict(abstract.get(ref.get(f"{_W}val"), {}))
            for override in num.iter(f"{_W}lvlOverride"):
                ilvl = int(override.get(f"{_W}ilvl", "0"))
                start_el = override.find(f"{_W}startOverride")
                if start_el is not None and ilvl in levels:
                    _start, fmt, text = levels[ilvl]
                    levels[ilvl] = (int(start_el.get(f"{_W}val", "1")), fmt, text)
            self._levels[num.get(f"{_W}numId")] = levels

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self._levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counts = self._counts.setdefault(num_id, {})
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        counts[ilvl] = counts.get(ilvl, levels[ilvl][0] - 1) + 1

        def value(match: re.Match) -> str:
            level = int(match.group(1)) - 1
            start, fmt, _text = levels.get(level, (1, "decimal", ""))
            return _format(counts.get(level, start), fmt)

        return re.sub(r"%([1-9])", value, levels[ilvl][2])


def read_docx(path: Path) -> SourceDocument:
    path = Path(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ReportImportError(
            f"“{path.name}”已损坏或不完整（可能没有下载或复制完），无法打开。{RESAVE}。"
        ) from None
    try:
        with archive:
            infos = archive.infolist()
            check_members(path, infos, RESAVE)
            names = {info.filename for info in infos}
            if DOCUMENT not in names:
                if "xl/workbook.xml" in names:
                    raise ReportImportError(f"“{path.name}”是 Excel 表格，不是 Word 报告。请选择往年报告的 .docx 文件。")
                raise ReportImportError(f"“{path.name}”不是 Word 文档（.docx）。请选择往年报告的 .docx 或 .pdf 文件。")
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    scan_member(path, archive, info, RESAVE, worksheet=False)
            document = etree.fromstring(archive.read(DOCUMENT), _parser())
            styles = etree.fromstring(archive.read("word/styles.xml"), _parser()) if "word/styles.xml" in names else None
            numbering = (etree.fromstring(archive.read("word/numbering.xml"), _parser())
                         if "word/numbering.xml" in names else None)
    except UnsafeFileError as exc:
        raise ReportImportError(exc.message) from None
    except ReportImportError:
        raise
    except (zipfile.BadZipFile, etree.XMLSyntaxError, EOFError, OSError, ValueError, KeyError):
        # zlib and zipfile errors of a file cut short, or XML that is not well formed
        raise ReportImportError(f"“{path.name}”已损坏或不完整，无法读取其中的文字。{RESAVE}。") from None
    except Exception as exc:  # noqa: BLE001 - zlib.error and struct.error alike: a damaged package
        if type(exc).__module__ in ("zlib", "struct") or exc.__class__.__name__ == "error":
            raise ReportImportError(f"“{path.name}”已损坏或不完整，无法读取其中的文字。{RESAVE}。") from None
        raise
    return _Reader(path.name, _Styles(styles), _Numbering(numbering)).read(document)


class _Reader:
    def __init__(self, name: str, styles: _Styles, numbering: _Numbering):
        self.name = name
        self.styles = styles
        self.numbering = numbering
        self.count = 0

    def read(self, root: etree._Element) -> SourceDocument:
        doc = SourceDocument(self.name, "docx")
        body = root.find(f"{_W}body")
        if body is None:
            raise ReportImportError(f"“{self.name}”中没有正文。请选择往年报告的 .docx 文件。")
        self._children(body, doc)
        return doc

    def _children(self, parent: etree._Element, doc: SourceDocument) -> None:
        for child in parent:
            tag = child.tag
            if tag == f"{_W}p":
                paragraph = self._paragraph(child)
                if paragraph is not None:
                    doc.blocks.append(paragraph)
            elif tag == f"{_W}tbl":
                doc.blocks.append(self._table(child))
            elif tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    self._children(content, doc)

    def _paragraph(self, p: etree._Element) -> Optional[SourceParagraph]:
        self.count += 1
        ppr = p.find(f"{_W}pPr")
        style_id = None
        label = ""
        centered = False
        outline_level = None
        if ppr is not None:
            style_el = ppr.find(f"{_W}pStyle")
            style_id = style_el.get(f"{_W}val") if style_el is not None else None
            num = ppr.find(f"{_W}numPr")
            if num is not None:
                num_id = num.find(f"{_W}numId")
                ilvl = num.find(f"{_W}ilvl")
                if num_id is not None and num_id.get(f"{_W}val", "0") != "0":
                    label = self.numbering.label(num_id.get(f"{_W}val"), int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0)
            jc = ppr.find(f"{_W}jc")
            centered = jc is not None and jc.get(f"{_W}val") == "center"
            outline = ppr.find(f"{_W}outlineLvl")
            if outline is not None and outline.get(f"{_W}val", "").isdigit() and int(outline.get(f"{_W}val")) < 9:
                outline_level = int(outline.get(f"{_W}val")) + 1
        style_bold = self.styles.bold(style_id)
        runs: list[tuple[str, bool]] = []
        for run in p.iter(f"{_W}r"):
            # Deleted text (tracked changes) is in w:delText and never read; text boxes are skipped.
            if any(a.tag in (f"{_W}del", f"{_W}txbxContent") for a in run.iterancestors()):
                continue
            rpr = run.find(f"{_W}rPr")
            bold = _on(rpr.find(f"{_W}b")) if rpr is not None else None
            bold = style_bold if bold is None else bold
            text = []
            for node in run:
                if node.tag == f"{_W}t":
                    text.append(node.text or "")
                elif node.tag == f"{_W}tab":
                    text.append("\t")
                elif node.tag in (f"{_W}br", f"{_W}cr"):
                    if node.get(f"{_W}type") not in ("page", "column"):
                        text.append("\n")
            if text:
                runs.append(("".join(text), bool(bold)))
        text = label + "".join(t for t, _ in runs)
        if not text.strip(" \u3000\t\n"):
            return None
        visible = [(t, b) for t, b in runs if t.strip(" \u3000\t\n")]
        all_bold = bool(visible) and all(b for _, b in visible)
        prefix = ""
        if visible and not all_bold and runs:
            for t, b in runs:
                if not b:
                    break
                prefix += t
            prefix = label + prefix if prefix.strip() else ""
        level = self.styles.heading_level(style_id) or outline_level
        return SourceParagraph(text=text, where=f"第 {self.count} 段", bold=all_bold, bold_prefix=prefix,
                               heading_level=level, centered=centered)

    def _table(self, tbl: etree._Element) -> SourceTable:
        rows = []
        for tr in tbl.iter(f"{_W}tr"):
            if next(tr.iterancestors(f"{_W}tbl")) is not tbl:
                continue  # a nested table's rows
            cells = []
            for tc in tr.findall(f"{_W}tc"):
                merge = tc.find(f"{_W}tcPr/{_W}vMerge")
                continued = merge is not None and merge.get(f"{_W}val", "continue") == "continue"
                text = "".join(t.text or "" for t in tc.iter(f"{_W}t"))
                span = tc.find(f"{_W}tcPr/{_W}gridSpan")
                width = int(span.get(f"{_W}val", "1")) if span is not None and span.get(f"{_W}val", "").isdigit() else 1
                # A cell merged across columns stands in each grid column, as the header counts them.
                cells.extend(["" if continued else text.strip()] * max(1, min(width, 64)))
            rows.append(cells)
        return SourceTable(rows=rows, where=f"第 {self.count} 段后的表格")

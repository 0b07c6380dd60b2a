"""A PDF's text layer read back into paragraphs (pypdfium2): lines from the characters' boxes, then
paragraphs from the page geometry — a first-line indent or a line ending short starts a new one.

Page numbers ("— 1 —") and the draft mark are dropped; a paragraph running over a page break is
joined again. Tables are not rebuilt from a PDF: everything after the attachment pages' first
"附件N" line is left out and said so, since its cells would come back as loose words.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from pathlib import Path

from .errors import ReportImportError
from .source import SourceDocument, SourceParagraph
from .text import split_number

MAX_PAGES = 300
_PAGE_NUMBER = re.compile(r"^[—\-–－\s]*\d{1,3}[—\-–－\s]*$|^第\s*\d+\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?$")
_DRAFT_MARK = re.compile(r"^草稿（仅供核对")
_APPENDIX = re.compile(r"^附件\s*\d+$")


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    size: float
    page: int
    y: float = 0.0
    table: bool = False  # shares its baseline with another line: a cell of a table


def _lead_em(text: str) -> float:
    """How wide (in character widths) the start of a line is that could not have been broken off:
    a run of digits or Latin letters, or one Chinese character with the punctuation that must follow it."""
    width = 0.0
    for n, ch in enumerate(text):
        if ch.isascii() and (ch.isalnum() or ch in ".%-"):
            width += 0.55
            continue
        if n == 0 or width == 0:
            width += 1.0
            continue
        if ch in "，。、；：？！”’）》〕】%":
            width += 1.0
            continue
        break
    return width


def read_pdf(path: Path) -> SourceDocument:
    import pypdfium2 as pdfium

    path = Path(path)
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        text = str(exc).lower()
        if "password" in text:
            raise ReportImportError(
                f"“{path.name}”设置了打开密码，无法读取。请用原来的 Word 文件（.docx）导入，"
                "或在 PDF 阅读器中取消密码、另存一份后再导入。"
            ) from None
        raise ReportImportError(
            f"“{path.name}”已损坏或不完整（可能没有下载或复制完），无法打开。请重新获取该文件，或改用原来的 Word 文件（.docx）。"
        ) from None
    try:
        pages = len(pdf)
        if pages == 0:
            raise ReportImportError(f"“{path.name}”中没有页面，无法导入。请选择往年报告的 PDF 或 Word 文件。")
        if pages > MAX_PAGES:
            raise ReportImportError(
                f"“{path.name}”有 {pages} 页，超过了 {MAX_PAGES} 页的上限，不像是一份自评报告。请选择报告本身的文件。"
            )
        lines: list[_Line] = []
        for number in range(pages):
            lines += _page_lines(pdf, number)
    except pdfium.PdfiumError:
        raise ReportImportError(
            f"“{path.name}”已损坏或不完整，无法读取其中的文字。请重新获取该文件，或改用原来的 Word 文件（.docx）。"
        ) from None
    finally:
        pdf.close()
    if sum(len(line.text) for line in lines) < 20:
        raise ReportImportError(
            f"“{path.name}”是扫描件或图片，没有可读取的文字。请改用原来的 Word 文件（.docx）导入；"
            "如果只有扫描件，请先在 WPS 或 Word 中用“图片转文字”转成 Word 文档并核对后再导入。"
        )
    document = SourceDocument(path.name, "pdf", pages=pages)
    document.blocks.extend(_paragraphs(lines))
    return document


def _page_lines(pdf, number: int) -> list[_Line]:
    import pypdfium2.raw as raw

    page = pdf[number]
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        lines: list[_Line] = []
        chars: list[tuple[str, float, float, float, bool, float]] = []  # char, left, right, height, guessed space, bottom

        def close() -> None:
            visible = [c for c in chars if not c[0].isspace()]
            if visible:
                size = statistics.median(c[3] for c in visible)
                gaps = [b[1] - a[2] for a, b in zip(visible, visible[1:])]
                usual = statistics.median(gaps) if gaps else 0.0
                wide = bool(gaps) and max(gaps) > 2.5 * size  # cells of a table row read as one line
                kept = []
                for n, c in enumerate(chars):
                    if c[4] and not wide:
                        # pdfium guesses spaces from gaps; a gap clearly wider than the line's usual
                        # spacing is a space the clerk typed ("嘉帼情怀 嘉幼成长"), the rest is justification.
                        before = next((x for x in reversed(chars[:n]) if not x[0].isspace()), None)
                        after = next((x for x in chars[n + 1:] if not x[0].isspace()), None)
                        if before is None or after is None or after[1] - before[2] < max(0.2 * size, 2 * usual + 0.5):
                            continue
                    kept.append(c[0])
                # A space the clerk typed at the end of a line is kept: the next line continues after it.
                joined = "".join(kept).lstrip()
                joined = joined.rstrip() + (" " if joined.endswith(" ") and not chars[-1][4] else "")
                lines.append(_Line(joined, visible[0][1], visible[-1][2], size, number + 1,
                                   y=statistics.median(c[5] for c in visible), table=wide))
            chars.clear()

        # get_text_range gives one code unit per character index here (CJK is in the BMP).
        for index in range(min(count, len(text))):
            ch = text[index]
            if ch in "\r\n":
                close()
                continue
            left, bottom, right, top = textpage.get_charbox(index, loose=True)
            guessed = ch.isspace() and raw.FPDFText_IsGenerated(textpage.raw, index) == 1
            chars.append((ch, left, right, top - bottom, guessed, bottom))
        close()
        return [line for line in lines if not _PAGE_NUMBER.match(line.text) and not _DRAFT_MARK.match(line.text)]
    finally:
        textpage.close()
        page.close()


def _mark_tables(page_lines: list[_Line], left: float, right: float) -> None:
    """Lines sharing a baseline side by side are table cells; a short line between cells is one too."""
    for line in page_lines:
        line.table = line.table or any(other is not line and abs(other.y - line.y) < 0.3 * line.size
                         and (other.x0 >= line.x1 or other.x1 <= line.x0) for other in page_lines)
    for n in range(1, len(page_lines) - 1):
        line = page_lines[n]
        if not line.table and page_lines[n - 1].table and page_lines[n + 1].table \
                and line.x1 - line.x0 < 0.5 * (right - left):
            line.table = True


def _paragraphs(lines: list[_Line]) -> list[SourceParagraph]:
    """Join lines into paragraphs page by page, carrying a paragraph over a page break."""
    result: list[SourceParagraph] = []
    by_page: dict[int, list[_Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    current: list[_Line] = []
    ended = True  # the previous line ended its paragraph (short of the margin by more than the next start)
    previous: _Line | None = None

    def flush() -> None:
        if current:
            first = current[0]
            if first.table:
                text = " ".join(line.text for line in current)
            else:
                text = "".join(line.text for line in current)
            result.append(SourceParagraph(text=text, where=f"第 {first.page} 页", centered=getattr(first, "centered", False),
                                          table=first.table))
            current.clear()

    for page in sorted(by_page):
        page_lines = by_page[page]
        # The text block's edges: most lines start at the left margin and run to the right one.
        size = statistics.median(line.size for line in page_lines) or 12.0
        body = [line for line in page_lines] or page_lines
        left = min(line.x0 for line in body)
        right = max(line.x1 for line in body)
        _mark_tables(page_lines, left, right)
        for line in page_lines:
            if _APPENDIX.match(line.text) and result and page > 1:
                flush()
                result.append(SourceParagraph(text=line.text, where=f"第 {page} 页"))
                return result  # attachment tables are not read from a PDF
            if previous is not None:
                gap = right - previous.x1
                # Left-aligned text (Word's default) ends lines ragged: only a gap wider than the next
                # line's unbreakable start plus a few characters ends the paragraph.
                ended = gap > max(_lead_em(line.text) + 1.0, 4.0) * size
            indented = line.x0 > left + 0.7 * size
            line.centered = indented and abs((line.x0 - left) - (right - line.x1)) < 1.5 * size  # type: ignore[attr-defined]
            numbered = split_number(line.text) is not None and (not current or current[-1].text.endswith(("。", "：", ":")))
            same_kind = current and current[-1].table == line.table
            if line.table and same_kind:
                pass  # the cells of one table stay together
            elif indented or ended or numbered or not same_kind:
                if not (line.centered and current and getattr(current[-1], "centered", False)):  # a title's lines stay together
                    flush()
            current.append(line)
            previous = line
    flush()
    return result

"""The PDF writer: the same Document as the Word file, laid out by reportlab with embedded TrueType faces."""

from __future__ import annotations

from html import escape as _html_escape
from pathlib import Path
from typing import Optional

from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Spacer
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.flowables import CondPageBreak

from . import cjkwrap
from .column_widths import balanced_label, fit_widths
from .document import Align, Document, Font, Heading, Layout, PageBreak, Paragraph, Table, chinese_date
from .fonts import Face, glyph_fallbacks, register_pdf_fonts, resolve_faces, with_fallback
from .pdf_table import Placed, SplittingTable
from .pdf_text import Closing, TextBlock


def escape(text: str) -> str:
    """&, < and > as entities (what xml.sax.saxutils.escape does, without its import of urllib)."""
    return _html_escape(text, quote=False)


cjkwrap.install()

_ALIGN = {Align.LEFT: TA_LEFT, Align.CENTER: TA_CENTER, Align.RIGHT: TA_RIGHT, Align.JUSTIFY: TA_JUSTIFY}
HEADING_FONTS = {1: Font.HEADING1, 2: Font.HEADING2, 3: Font.BODY, 4: Font.BODY}
DRAFT_MARK = "草稿"
DRAFT_NOTE = "草稿（仅供核对，不得报送）"


class PdfWriter:
    def __init__(self, faces: Optional[dict[Font, Face]] = None):
        self.faces = faces or resolve_faces()
        fallbacks = glyph_fallbacks()
        self.names = register_pdf_fonts(self.faces, fallbacks)
        self.fallbacks = [face.pdf_name for face in fallbacks]

    def _text(self, runs: list[tuple[str, str]], size: float, leading: float, align: Align = Align.JUSTIFY,
              first_indent: float = 0.0, right_indent: float = 0.0) -> TextBlock:
        """A body-text block whose characters missing from their face are set in the fallback face."""
        return TextBlock(with_fallback(runs, self.fallbacks), size, leading, align, first_indent, right_indent)

    # ------------------------------------------------------------ styles

    def _style(self, layout: Layout, font: Font, size: float, align: Align = Align.JUSTIFY,
               indent: bool = True, leading: Optional[float] = None, **extra) -> ParagraphStyle:
        return ParagraphStyle(
            name=f"{font.value}-{size}-{align.value}-{indent}",
            fontName=self.names[font], fontSize=size, leading=leading or layout.line_pitch,
            alignment=_ALIGN[align], firstLineIndent=2 * size if indent else 0,
            wordWrap="CJK", spaceBefore=0, spaceAfter=0, **extra,
        )

    def _face(self, font: Font, bold: bool) -> str:
        # The official faces have no bold; bold runs are set in 黑体, the customary emphasis in 公文.
        return self.names[Font.HEADING1] if bold else self.names[font]

    def _markup(self, text: str, bold: bool = False) -> str:
        # The official faces have no bold; bold runs are set in 黑体, the customary emphasis in 公文.
        font = self.names[Font.HEADING1] if bold else self.names[Font.BODY]
        parts = []
        for chunk, face in with_fallback([(text, font)], self.fallbacks):
            parts.append(escape(chunk) if face == self.names[Font.BODY] else f'<font name="{face}">{escape(chunk)}</font>')
        return "".join(parts)

    # ------------------------------------------------------------ document

    def write(self, document: Document, path: Path) -> None:
        layout = document.layout
        width, height = A4
        frame = Frame(
            layout.margin_left_mm * mm, layout.margin_bottom_mm * mm,
            width - (layout.margin_left_mm + layout.margin_right_mm) * mm,
            height - (layout.margin_top_mm + layout.margin_bottom_mm) * mm,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
        )
        template = BaseDocTemplate(
            str(path), pagesize=A4, title=document.title.replace("\n", ""), author=document.author,
            creator="fulian-desk", leftMargin=layout.margin_left_mm * mm, rightMargin=layout.margin_right_mm * mm,
            topMargin=layout.margin_top_mm * mm, bottomMargin=layout.margin_bottom_mm * mm,
            # Without this every page names Helvetica, a font that is not embedded.
            initialFontName=self.names[Font.BODY], initialFontSize=layout.body_size,
        )
        template.addPageTemplates([PageTemplate(id="page", frames=[frame],
                                                onPage=lambda c, d: self._decorate(c, d, document))])
        story = [self._text([(document.title, self.names[Font.TITLE])], layout.title_size, layout.line_pitch,
                            Align.CENTER), Spacer(0, layout.line_pitch)]
        blocks = document.blocks
        for n, block in enumerate(blocks):
            if isinstance(block, Heading):
                # Word's keep-with-next: a heading (and the headings right under it) never ends a page;
                # at least the first line of the text that follows stands beside it.
                chain = 1
                while n + chain < len(blocks) and isinstance(blocks[n + chain], Heading):
                    chain += 1
                story.append(CondPageBreak(layout.line_pitch * (chain + 1) - 1e-3))
            story += self._block(block, layout)
        story += self._signature(document, story)
        for block in document.appendices:
            story += self._block(block, layout)
        template.build(story)

    def _decorate(self, canvas, doc, document: Document) -> None:
        """Page number "— N —" (odd right, even left, one character in) and the draft mark."""
        layout = document.layout
        width, _ = A4
        size = layout.page_number_size
        number = canvas.getPageNumber()
        text = f"— {number} —"
        canvas.saveState()
        canvas.setFont(self.names[Font.NUMBER], size)
        canvas.setFillColor(black)
        # The number's line sits 7 mm below the text block (GB/T 9704 7.5).
        baseline = layout.margin_bottom_mm * mm - 7 * mm - size * 0.85
        if number % 2:
            canvas.drawRightString(width - layout.margin_right_mm * mm - size, baseline, text)
        else:
            canvas.drawString(layout.margin_left_mm * mm + size, baseline, text)
        if document.draft:
            canvas.setFillColor(Color(0.75, 0, 0))
            canvas.setFont(self.names[Font.HEADING1], 16)
            canvas.drawCentredString(width / 2, A4[1] - 20 * mm, DRAFT_NOTE)
            canvas.setFillColor(Color(0.75, 0, 0, alpha=0.12))
            canvas.translate(width / 2, A4[1] / 2)
            canvas.rotate(35)
            canvas.setFont(self.names[Font.HEADING1], 120)
            canvas.drawCentredString(0, -40, DRAFT_MARK)
        canvas.restoreState()

    # ------------------------------------------------------------ blocks

    def _block(self, block, layout: Layout) -> list:
        if isinstance(block, Heading):
            level = min(block.level, 4)
            bold = level >= 3 and layout.bold_lower_headings
            font = Font.HEADING1 if bold else HEADING_FONTS[level]
            return [self._text([(block.full_text, self.names[font])], layout.body_size, layout.line_pitch,
                               Align.JUSTIFY, 2 * layout.body_size)]
        if isinstance(block, Paragraph):
            size = block.size or layout.body_size
            leading = layout.line_pitch * 2 if size > layout.body_size else layout.line_pitch
            runs = [(run.text, self._face(run.font or block.font, run.bold)) for run in block.runs]
            return [self._text(runs, size, leading, block.align, 2 * size if block.indent else 0.0)]
        if isinstance(block, Table):
            return self._table(block, layout)
        if isinstance(block, PageBreak):
            return [RLPageBreak()]
        raise TypeError(f"unknown block {block!r}")

    def _signature(self, document: Document, story: list) -> list:
        """Unit and date, right-aligned 4 characters in, after two blank lines; the body's last paragraph
        is taken from `story` into one closing block so the signature never stands alone on a page."""
        layout = document.layout
        if not (document.signature_unit or document.signature_date):
            return []
        lines = [document.signature_unit, chinese_date(document.signature_date) if document.signature_date else ""]
        body = self.names[Font.BODY]
        signature = [self._text([(line, body)], layout.body_size, layout.line_pitch, Align.RIGHT,
                                right_indent=4 * layout.body_size) for line in lines if line]
        if story and isinstance(story[-1], TextBlock):
            return [Closing(story.pop(), 2, signature)]
        return [CondPageBreak(layout.line_pitch * 4), Spacer(0, layout.line_pitch * 2)] + signature

    def _table(self, table: Table, layout: Layout) -> list:
        size = layout.table_size
        leading = size * 1.4
        result = []
        if table.note:
            align = Align.RIGHT if table.note.startswith("单位") else Align.CENTER
            result.append(RLParagraph(escape(table.note), self._style(layout, Font.BODY, size + 1.5, align,
                                                                       indent=False, leading=leading * 1.3)))
        commands = [
            ("GRID", (0, 0), (-1, -1), 0.6, black),
            ("BOX", (0, 0), (-1, -1), 1.0, black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            # The table sets its cells' font even for paragraphs; the default would be Helvetica, not embedded.
            ("FONTNAME", (0, 0), (-1, -1), self.names[Font.BODY]),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        styles: dict[tuple, ParagraphStyle] = {}
        markup: dict[tuple[int, int], tuple[str, ParagraphStyle]] = {}
        cells: list[Placed] = []
        widths = fit_widths(table, layout.text_width_pt, size)
        for r, c, cell in table.placed():
            align = cell.alignment(r < table.header_rows)
            key = (align, cell.bold)
            if key not in styles:
                styles[key] = self._style(layout, Font.BODY, size, align, indent=False, leading=leading)
            text = balanced_label(cell.text, sum(widths[c:c + cell.colspan]), size)
            markup[r, c] = ("<br/>".join(self._markup(line, cell.bold) for line in text.split("\n")), styles[key])
            cells.append(Placed(r, c, cell.rowspan, cell.colspan))
        result.append(SplittingTable(cells, len(table.rows), table.column_count,
                                     lambda r, c: RLParagraph(*markup[r, c]), widths, commands,
                                     table.header_rows, layout.text_height_pt))
        result.append(GapAfterTable(0, layout.line_pitch / 2))
        return result


class GapAfterTable(Spacer):
    """Half a line after a table — or nothing when the table ends at the foot of a page: carried over,
    the gap would open a page of its own, left blank by the next attachment's page break."""

    _ZEROSIZE = True  # wrapped even where no room is left, so that it can shrink to nothing there

    def wrap(self, available_width, available_height):
        return self.width, (self.height if available_height >= self.height else 0)


def write_pdf(document: Document, path: Path, faces: Optional[dict[Font, Face]] = None) -> None:
    PdfWriter(faces).write(document, path)

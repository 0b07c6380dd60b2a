"""The PDF writer: the same Document as the Word file, set on reportlab's canvas with embedded TrueType faces.

The layout is the writer's own (pdf_flow fills the pages, pdf_text sets the text, pdf_table draws the
tables): reportlab's platypus layer would cost every export its import and layout time for features a
report does not use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .column_widths import balanced_label, fit_widths
from .document import (DRAFT_MARK, DRAFT_NOTE, HEADING_FONTS, Align, Document, Font, Heading, Layout, PageBreak,
                       Paragraph, Table, chinese_date)
from .fonts import Face, glyph_fallbacks, register_pdf_fonts, resolve_faces, with_fallback
from .pdf_flow import CondPageBreak, Frame, GapAfterTable, Spacer, fill_pages
from .pdf_flow import PageBreak as PageEnd
from .pdf_table import PAD_LEFT, PAD_RIGHT, CellText, Placed, Spec, SplittingTable, cell_width, column_edges
from .pdf_text import Closing, TextBlock, layout_lines


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

    def _face(self, font: Font, bold: bool) -> str:
        # The official faces have no bold; bold runs are set in 黑体, the customary emphasis in 公文.
        return self.names[Font.HEADING1] if bold else self.names[font]

    # ------------------------------------------------------------ document

    def write(self, document: Document, path: Path) -> None:
        layout = document.layout
        width, height = A4
        frame = Frame(layout.margin_left_mm * mm, layout.margin_bottom_mm * mm,
                      width - (layout.margin_left_mm + layout.margin_right_mm) * mm,
                      height - (layout.margin_top_mm + layout.margin_bottom_mm) * mm)
        story = [self._text([(document.title, self.names[Font.TITLE])], layout.title_size, layout.line_pitch,
                            Align.CENTER), Spacer(layout.line_pitch)]
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
        # Without the initial font every page would name Helvetica, a font that is not embedded.
        canvas = Canvas(str(path), pagesize=A4, initialFontName=self.names[Font.BODY],
                        initialFontSize=layout.body_size)
        canvas.setTitle(document.title.replace("\n", ""))
        canvas.setAuthor(document.author)
        canvas.setCreator("fulian-desk")
        canvas.setSubject(None)  # as before: "(unspecified)"
        fill_pages(canvas, story, frame, lambda c: self._decorate(c, document))
        canvas.save()

    def _decorate(self, canvas, document: Document) -> None:
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
            return [PageEnd()]
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
        return [CondPageBreak(layout.line_pitch * 4), Spacer(layout.line_pitch * 2)] + signature

    def _table(self, table: Table, layout: Layout) -> list:
        size = layout.table_size
        leading = size * 1.4
        result = []
        if table.note:
            align = Align.RIGHT if table.note.startswith("单位") else Align.CENTER
            note = self._text([(table.note, self.names[Font.BODY])], size + 1.5, leading * 1.3, align)
            note.drop = size + 1.5  # the line sits close above the table, one type size under its top
            result.append(note)
        widths = fit_widths(table, layout.text_width_pt, size)
        cells: list[Placed] = []
        texts: dict[tuple[int, int], CellText] = {}
        edges = column_edges(widths)
        for r, c, cell in table.placed():
            width = cell_width(widths, edges, c, cell.colspan)
            face = self._face(Font.BODY, cell.bold)
            lines = balanced_label(cell.text, sum(widths[c:c + cell.colspan]), size).split("\n")
            # Blank lines at the end of a cell take no room (nor does a cell of spaces only).
            while lines and not lines[-1].strip():
                lines.pop()
            runs = with_fallback([("\n".join(" ".join(line.split()) for line in lines), face)], self.fallbacks)
            texts[r, c] = CellText(layout_lines(runs, size, width - PAD_LEFT - PAD_RIGHT),
                                   cell.alignment(r < table.header_rows))
            cells.append(Placed(r, c, cell.rowspan, cell.colspan))
        spec = Spec(cells, texts, len(table.rows), widths, table.header_rows, size, leading, layout.text_height_pt)
        result.append(SplittingTable(spec))
        result.append(GapAfterTable(layout.line_pitch / 2))
        return result


def write_pdf(document: Document, path: Path, faces: Optional[dict[Font, Face]] = None) -> None:
    PdfWriter(faces).write(document, path)

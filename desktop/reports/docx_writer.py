"""The Word writer: a Document rendered as .docx to GB/T 9704-2012.

The body is written as WordprocessingML text (docx_package.py holds the parts around it). Paragraphs
are kept as small objects until the end, because later blocks change earlier ones: the signature
keeps the body's last paragraph with it, and a page break shrinks the gap after a table before it.
"""

from __future__ import annotations

from html import escape as _html_escape
from pathlib import Path
from typing import Optional

from ..domain.text import clean  # text stored before entry was checked must not break the XML
from . import docx_package as package
from .column_widths import balanced_label, fit_widths
from .docx_package import NS, XML_HEAD, exact_spacing, fonts, mm_twips, twips
from .document import (DRAFT_NOTE, HEADING_FONTS, Align, Document, Font, Heading, Layout, PageBreak, Paragraph,
                       Table, chinese_date)
from .fonts import Face, resolve_faces


def xml_escape(text: str) -> str:
    """&, < and > as entities (what xml.sax.saxutils.escape does, without its import of urllib)."""
    return _html_escape(text, quote=False)


_JC = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right", Align.JUSTIFY: "both"}
# The table's look as Word writes it for a new table (first row and column emphasised, no banding).
_TABLE_LOOK = ('<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
               'w:noHBand="0" w:noVBand="1"/>')


def text_runs(text: str, props: str = "") -> str:
    """One run of `text`: a line feed becomes a line break and a tab a tab, as Word shows them."""
    inner = []
    for n, line in enumerate(clean(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        if n:
            inner.append("<w:br/>")
        for m, piece in enumerate(line.split("\t")):
            if m:
                inner.append("<w:tab/>")
            if piece:
                inner.append(f'<w:t xml:space="preserve">{xml_escape(piece)}</w:t>')
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f"<w:r>{rpr}{''.join(inner)}</w:r>"


class P:
    """A body paragraph: its properties (in the schema's order when written) and its runs."""

    __slots__ = ("style", "keep_next", "break_before", "snap_off", "spacing", "ind", "jc", "runs")

    def __init__(self, style: str = "", runs: str = "", jc: str = "", ind: str = "", spacing: str = ""):
        self.style = style
        self.keep_next: Optional[bool] = None  # None: as the style says
        self.break_before = False
        self.snap_off = False
        self.spacing = spacing
        self.ind = ind
        self.jc = jc
        self.runs = runs

    def xml(self) -> str:
        props = (
            (f'<w:pStyle w:val="{self.style}"/>' if self.style else "")
            + ({True: "<w:keepNext/>", False: '<w:keepNext w:val="0"/>'}.get(self.keep_next, ""))
            + ("<w:pageBreakBefore/>" if self.break_before else "")
            + ('<w:snapToGrid w:val="0"/>' if self.snap_off else "")
            + self.spacing + self.ind
            + (f'<w:jc w:val="{self.jc}"/>' if self.jc else "")
        )
        return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{self.runs}</w:p>"


class DocxWriter:
    def __init__(self, faces: Optional[dict[Font, Face]] = None):
        self.faces = faces or resolve_faces()

    def family(self, font: Font) -> str:
        return self.faces[font].docx

    def write(self, document: Document, path: Path) -> None:
        layout = document.layout
        self._body: list = []  # P objects and finished table XML, in order
        self._break_before = False
        self._last_gap: Optional[P] = None
        self._title(document)
        for block in document.blocks:
            self._block(block, layout)
        self._signature(document)
        for block in document.appendices:
            self._block(block, layout)
        self._shrink_last_gap()
        body = "".join(item if isinstance(item, str) else item.xml() for item in self._body)
        document_xml = f"{XML_HEAD}<w:document {NS}><w:body>{body}{self._section(layout)}</w:body></w:document>"
        headings = tuple(self.family(HEADING_FONTS[level]) for level in range(1, 5))
        styles = package.StyleSet(
            body=self.family(Font.BODY), title=self.family(Font.TITLE), headings=headings,
            body_size=layout.body_size, title_size=layout.title_size, line_pitch=layout.line_pitch,
            bold_lower_headings=layout.bold_lower_headings,
        )
        package.save(package.Parts(
            document=document_xml,
            styles=package.styles_xml(styles),
            font_table=package.font_table_xml([self.family(font) for font in Font]),
            headers={kind: self._header(document.draft) for kind in ("default", "even")},
            footers={"default": self._page_number(layout, odd=True), "even": self._page_number(layout, odd=False)},
            title=document.title.replace("\n", ""),
            author=document.author,
        ), path)

    # ------------------------------------------------------------ page

    @staticmethod
    def _section(layout: Layout) -> str:
        refs = "".join(f'<w:headerReference w:type="{kind}" r:id="{rid}"/>'
                       for kind, rid in package.HEADER_IDS.items())
        refs += "".join(f'<w:footerReference w:type="{kind}" r:id="{rid}"/>'
                        for kind, rid in package.FOOTER_IDS.items())
        # Page number 7 mm below the text block (GB/T 9704 7.5), its line about 5 mm high.
        margins = (f'<w:pgMar w:top="{mm_twips(layout.margin_top_mm)}" w:right="{mm_twips(layout.margin_right_mm)}" '
                   f'w:bottom="{mm_twips(layout.margin_bottom_mm)}" w:left="{mm_twips(layout.margin_left_mm)}" '
                   f'w:header="{mm_twips(15)}" w:footer="{mm_twips(layout.margin_bottom_mm - 7 - 5)}" w:gutter="0"/>')
        return (f'<w:sectPr>{refs}<w:pgSz w:w="{mm_twips(210)}" w:h="{mm_twips(297)}"/>{margins}'
                f'<w:cols w:space="720"/><w:docGrid w:type="lines" w:linePitch="{twips(layout.line_pitch)}"/></w:sectPr>')

    def _header(self, draft: bool) -> str:
        runs, jc = "", ""
        if draft:
            jc = '<w:jc w:val="center"/>'
            runs = text_runs(DRAFT_NOTE,
                             f'{fonts(self.family(Font.HEADING1))}<w:b/><w:color w:val="C00000"/><w:sz w:val="32"/>')
        return f'{XML_HEAD}<w:hdr {NS}><w:p><w:pPr><w:pStyle w:val="Header"/>{jc}</w:pPr>{runs}</w:p></w:hdr>'

    def _page_number(self, layout: Layout, odd: bool) -> str:
        """"— N —" in 4号 宋体: odd pages right, even pages left, one character in from the edge."""
        size = layout.page_number_size
        side, jc = ("right", "right") if odd else ("left", "left")
        props = f'{fonts(self.family(Font.NUMBER))}<w:sz w:val="{round(size * 2)}"/>'

        def run(inner: str) -> str:
            return f"<w:r><w:rPr>{props}</w:rPr>{inner}</w:r>"

        field = (run('<w:fldChar w:fldCharType="begin"/>')
                 + run('<w:instrText xml:space="preserve"> PAGE </w:instrText>')
                 + run('<w:fldChar w:fldCharType="separate"/>')
                 + run("<w:t>1</w:t>")  # shown until the reader updates the field
                 + run('<w:fldChar w:fldCharType="end"/>'))
        paragraph = (f'<w:p><w:pPr><w:pStyle w:val="Footer"/><w:ind w:{side}="{twips(size)}"/><w:jc w:val="{jc}"/>'
                     f'</w:pPr>{text_runs("— ", props)}{field}{text_runs(" —", props)}</w:p>')
        return f"{XML_HEAD}<w:ftr {NS}>{paragraph}</w:ftr>"

    # ------------------------------------------------------------ blocks

    def _add(self, paragraph: P) -> P:
        self._body.append(paragraph)
        return paragraph

    def _title(self, document: Document) -> None:
        runs = "<w:r><w:br/></w:r>".join(text_runs(line) for line in document.title.split("\n"))
        self._add(P(style="Title", runs=runs))
        self._add(P())  # one empty line between title and body

    def _block(self, block, layout: Layout) -> None:
        if isinstance(block, Heading):
            paragraph = self._add(P(style=f"Heading{min(block.level, 4)}", runs=text_runs(block.full_text)))
            self._take_break(paragraph)
        elif isinstance(block, Paragraph):
            self._paragraph(block, layout)
        elif isinstance(block, Table):
            self._table(block, layout)
        elif isinstance(block, PageBreak):
            self._shrink_last_gap()
            # Carried by the next paragraph as "page break before": a paragraph holding only a break
            # leaves an empty line (or, after a table in LibreOffice, an empty page) behind.
            self._break_before = True
        else:
            raise TypeError(f"unknown block {block!r}")

    def _paragraph(self, block: Paragraph, layout: Layout) -> P:
        size = block.size or layout.body_size
        paragraph = P(jc=_JC[block.align])
        if block.indent:
            # First-line indent in characters (w:firstLineChars), with the point value for older readers.
            paragraph.ind = f'<w:ind w:firstLine="{twips(2 * size)}" w:firstLineChars="200"/>'
        if block.keep_with_next:
            paragraph.keep_next = True
        if block.size and block.size > layout.body_size:
            # A larger line (an appendix title) gets two grid lines, as Word's grid would give it.
            paragraph.spacing = f'<w:spacing w:line="{twips(layout.line_pitch * 2)}" w:lineRule="exact"/>'
        runs = []
        for item in block.runs:
            font = item.font or block.font
            props = ""
            if font is not Font.BODY or block.size:
                props += fonts(self.family(font))
            if item.bold:
                props += "<w:b/>"
            if font is not Font.BODY or block.size:
                props += f'<w:sz w:val="{round(size * 2)}"/>'
            runs.append(text_runs(item.text, props))
        paragraph.runs = "".join(runs)
        self._add(paragraph)
        self._take_break(paragraph)
        return paragraph

    def _take_break(self, paragraph: P) -> None:
        if self._break_before:
            paragraph.break_before = True
            self._break_before = False

    def _signature(self, document: Document) -> None:
        """Unit name and date at the end, right-aligned 4 characters in from the margin (GB/T 9704 7.3.5)."""
        if not (document.signature_unit or document.signature_date):
            return
        size = document.layout.body_size
        # The signature never stands alone on a page: the body's last lines go with it.
        paragraphs = [item for item in self._body if isinstance(item, P)]
        if paragraphs:
            paragraphs[-1].keep_next = True
        for _ in range(2):
            self._add(P()).keep_next = True
        lines = [t for t in (document.signature_unit,
                             chinese_date(document.signature_date) if document.signature_date else "") if t]
        for n, text in enumerate(lines):
            paragraph = self._add(P(runs=text_runs(text), jc="right", ind=f'<w:ind w:right="{twips(4 * size)}"/>'))
            paragraph.keep_next = n < len(lines) - 1

    def _table(self, table: Table, layout: Layout) -> None:
        size = layout.table_size
        if self._break_before:
            self._take_break(self._add(P()))
        if table.note:
            note = P(runs=text_runs(table.note, f'<w:sz w:val="{round((size + 1.5) * 2)}"/>'),
                     jc="right" if table.note.startswith("单位") else "center")
            self._off_grid(note, size * 1.4 * 1.3)  # the PDF's line for the note
            self._add(note)
        grid = table.grid()
        width = table.column_count
        widths_pt = fit_widths(table, layout.text_width_pt, size)
        widths = [int(w * 12700) for w in widths_pt]  # EMU, as the column widths were always reckoned
        line = round(size * 1.4 * 20)
        templates: dict[tuple, str] = {}
        rows = []
        for r, row in enumerate(grid):
            header = r < table.header_rows
            cells = []
            c = 0
            while c < width:
                cell, r0, c0 = row[c]
                span_width = sum(widths[c0:c0 + cell.colspan]) // 635  # EMU → twentieths of a point
                props = f'<w:tcW w:w="{span_width}" w:type="dxa"/>'
                if cell.colspan > 1:
                    props += f'<w:gridSpan w:val="{cell.colspan}"/>'
                if cell.rowspan > 1:
                    props += '<w:vMerge w:val="restart"/>' if r == r0 else "<w:vMerge/>"
                props += '<w:vAlign w:val="center"/>'
                content = ""
                if r == r0:
                    align = cell.alignment(r0 < table.header_rows)
                    key = (align, cell.bold)
                    if key not in templates:
                        templates[key] = (
                            # Cells keep their own line height: off the page's 22-line grid.
                            f'<w:pPr><w:snapToGrid w:val="0"/>{exact_spacing(line)}'
                            f'<w:ind w:firstLine="0"/><w:jc w:val="{_JC[align]}"/></w:pPr>'
                            f'<w:r><w:rPr>{"<w:b/>" if cell.bold else ""}<w:sz w:val="{round(size * 2)}"/></w:rPr>'
                            '<w:t xml:space="preserve">{text}</w:t></w:r>'
                        )
                    text = balanced_label(cell.text, sum(widths_pt[c0:c0 + cell.colspan]), size)
                    # A balanced label's lines are separated by line breaks inside its one run.
                    content = templates[key].replace("{text}", '</w:t><w:br/><w:t xml:space="preserve">'.join(
                        xml_escape(clean(part)) for part in text.split("\n")))
                if not content:
                    content = f'<w:pPr><w:snapToGrid w:val="0"/>{exact_spacing(line)}</w:pPr>'
                cells.append(f"<w:tc><w:tcPr>{props}</w:tcPr><w:p>{content}</w:p></w:tc>")
                c += cell.colspan
            row_props = "<w:cantSplit/>" + ("<w:tblHeader/>" if header else "")  # header rows repeat on each page
            rows.append(f'<w:tr><w:trPr>{row_props}</w:trPr>{"".join(cells)}</w:tr>')
        columns = "".join(f'<w:gridCol w:w="{round(w / 635)}"/>' for w in widths)
        self._body.append(
            '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>'
            f'<w:tblLayout w:type="fixed"/>{_TABLE_LOOK}</w:tblPr><w:tblGrid>{columns}</w:tblGrid>{"".join(rows)}</w:tbl>'
        )
        # Word needs a paragraph between a table and what follows. It is half a line high, as the PDF's
        # gap after a table, and kept off the document grid; before a page break or at the end it
        # shrinks to 1 pt so that a table ending at the foot of a page never pushes it onto a blank page.
        gap = P()
        self._off_grid(gap, layout.line_pitch / 2)
        self._last_gap = self._add(gap)

    @staticmethod
    def _off_grid(paragraph: P, height: float) -> None:
        paragraph.snap_off = True
        paragraph.spacing = exact_spacing(twips(height))

    def _shrink_last_gap(self) -> None:
        """The gap after a table is the last thing before a page break: 1 pt, so no blank page follows."""
        if self._last_gap is not None and self._body and self._body[-1] is self._last_gap:
            self._last_gap.spacing = exact_spacing(twips(1))
        self._last_gap = None


def write_docx(document: Document, path: Path, faces: Optional[dict[Font, Face]] = None) -> None:
    DocxWriter(faces).write(document, path)


__all__ = ["DocxWriter", "write_docx"]

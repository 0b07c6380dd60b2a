"""The Word writer: a Document rendered as .docx to GB/T 9704-2012 with python-docx."""

from __future__ import annotations

from html import escape as _html_escape
from pathlib import Path
from typing import Optional

from docx import Document as new_docx
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

from ..domain.text import clean  # text stored before entry was checked must not break the XML
from .column_widths import balanced_label, fit_widths
from .document import Align, Document, Font, Heading, Layout, PageBreak, Paragraph, Table, chinese_date
from .fonts import Face, resolve_faces


def xml_escape(text: str) -> str:
    """&, < and > as entities (what xml.sax.saxutils.escape does, without its import of urllib)."""
    return _html_escape(text, quote=False)


_ALIGN = {
    Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT,
    Align.CENTER: WD_ALIGN_PARAGRAPH.CENTER,
    Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
    Align.JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY,
}
_JC = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right", Align.JUSTIFY: "both"}
HEADING_FONTS = {1: Font.HEADING1, 2: Font.HEADING2, 3: Font.BODY, 4: Font.BODY}
DRAFT_MARK = "草稿"


def set_fonts(element, family: str) -> None:
    """Name the face for Latin and East Asian text alike; python-docx has no API for w:eastAsia.

    The theme-font attributes are removed, or Word would prefer the theme's face over ours.
    """
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), family)


def _fixed_lines(paragraph_format, pitch: float) -> None:
    paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph_format.line_spacing = Pt(pitch)
    paragraph_format.space_before = Pt(0)
    paragraph_format.space_after = Pt(0)


def _first_line_chars(paragraph_format, chars: int, size: float) -> None:
    """First-line indent in characters (w:firstLineChars), with the point value for older readers."""
    paragraph_format.first_line_indent = Pt(chars * size)
    ind = paragraph_format.element.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(chars * 100))



def styled_paragraph(doc, style):
    """A new paragraph in `style` (a style object looked up once).

    python-docx's `style=` compares the style with the template's default by scanning every style
    definition at each call (a third of the time of writing a report); the id is written directly.
    """
    paragraph = doc.add_paragraph()
    paragraph._p.style = style.style_id
    return paragraph


class DocxWriter:
    def __init__(self, faces: Optional[dict[Font, Face]] = None):
        self.faces = faces or resolve_faces()

    def family(self, font: Font) -> str:
        return self.faces[font].docx

    def write(self, document: Document, path: Path) -> None:
        doc = new_docx()
        self._break_before = False
        self._last_gap = None
        layout = document.layout
        self._page_setup(doc, layout, document.draft)
        self._styles(doc, layout, document)
        # Looked up once: python-docx finds a style by name by scanning every style.
        self._heading_styles = {level: doc.styles[f"Heading {level}"] for level in range(1, 5)}
        self._table_style = doc.styles["Table Grid"]
        props = doc.core_properties
        props.title = document.title.replace("\n", "")
        props.author = document.author
        props.comments = ""

        # The template's body starts with no paragraph; each block appends its own.
        self._title(doc, document)
        for block in document.blocks:
            self._block(doc, block, layout)
        self._signature(doc, document)
        for block in document.appendices:
            self._block(doc, block, layout)
        self._shrink_last_gap(doc)
        doc.save(str(path))

    # ------------------------------------------------------------ page and styles

    def _page_setup(self, doc, layout: Layout, draft: bool) -> None:
        section = doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = Mm(layout.margin_top_mm)
        section.bottom_margin = Mm(layout.margin_bottom_mm)
        section.left_margin = Mm(layout.margin_left_mm)
        section.right_margin = Mm(layout.margin_right_mm)
        # Page number 7 mm below the text block (GB/T 9704 7.5), its line about 5 mm high.
        section.footer_distance = Mm(layout.margin_bottom_mm - 7 - 5)
        section.header_distance = Mm(15)
        grid = section._sectPr.find(qn("w:docGrid"))
        if grid is None:
            grid = OxmlElement("w:docGrid")
            section._sectPr.append(grid)
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(round(layout.line_pitch * 20)))
        doc.settings.odd_and_even_pages_header_footer = True
        self._page_number(section.footer, layout, odd=True)
        self._page_number(section.even_page_footer, layout, odd=False)
        for header in (section.header, section.even_page_header):
            paragraph = header.paragraphs[0]
            if draft:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run = paragraph.add_run(DRAFT_MARK + "（仅供核对，不得报送）")
                run.bold = True
                run.font.size = Pt(16)
                run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
                set_fonts(run._r, self.family(Font.HEADING1))

    def _page_number(self, footer, layout: Layout, odd: bool) -> None:
        """"— N —" in 4号 宋体: odd pages right, even pages left, one character in from the edge."""
        paragraph = footer.paragraphs[0]
        fmt = paragraph.paragraph_format
        size = layout.page_number_size
        if odd:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            fmt.right_indent = Pt(size)
        else:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
            fmt.left_indent = Pt(size)
        family = self.family(Font.NUMBER)

        def run(text: str):
            r = paragraph.add_run(clean(text))
            r.font.size = Pt(size)
            set_fonts(r._r, family)
            return r

        run("— ")
        _field_char(run(""), "begin")
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = " PAGE "
        run("")._r.append(instr)
        _field_char(run(""), "separate")
        run("1")  # shown until the reader updates the field
        _field_char(run(""), "end")
        run(" —")

    def _styles(self, doc, layout: Layout, document: Document) -> None:
        styles = doc.styles
        normal = styles["Normal"]
        normal.font.size = Pt(layout.body_size)
        set_fonts(normal.element, self.family(Font.BODY))
        _fixed_lines(normal.paragraph_format, layout.line_pitch)
        # No single line of a paragraph alone at the foot or the head of a page (the PDF does the same).
        normal.paragraph_format.widow_control = True
        for level in range(1, 5):
            style = styles[f"Heading {level}"]
            style.base_style = normal
            style.font.size = Pt(layout.body_size)
            style.font.color.rgb = RGBColor(0, 0, 0)
            style.font.bold = level >= 3 and layout.bold_lower_headings
            style.font.italic = False
            set_fonts(style.element, self.family(HEADING_FONTS[level]))
            fmt = style.paragraph_format
            _fixed_lines(fmt, layout.line_pitch)
            fmt.keep_with_next = True
            _first_line_chars(fmt, 2, layout.body_size)
        title = styles["Title"]
        title.base_style = normal
        title.font.size = Pt(layout.title_size)
        title.font.color.rgb = RGBColor(0, 0, 0)
        title.font.bold = False
        set_fonts(title.element, self.family(Font.TITLE))
        title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _fixed_lines(title.paragraph_format, layout.line_pitch)
        # The template draws a rule under its Title style; a 公文 title has none.
        ppr = title.element.get_or_add_pPr()
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)

    # ------------------------------------------------------------ blocks

    def _title(self, doc, document: Document) -> None:
        paragraph = styled_paragraph(doc, doc.styles["Title"])
        for n, line in enumerate(document.title.split("\n")):
            if n:
                paragraph.add_run().add_break()
            paragraph.add_run(clean(line))
        doc.add_paragraph()  # one empty line between title and body

    def _block(self, doc, block, layout: Layout) -> None:
        if isinstance(block, Heading):
            paragraph = styled_paragraph(doc, self._heading_styles[min(block.level, 4)])
            paragraph.add_run(clean(block.full_text))
            self._take_break(paragraph)
        elif isinstance(block, Paragraph):
            self._paragraph(doc, block, layout)
        elif isinstance(block, Table):
            self._table(doc, block, layout)
        elif isinstance(block, PageBreak):
            self._shrink_last_gap(doc)
            # Carried by the next paragraph as "page break before": a paragraph holding only a break
            # leaves an empty line (or, after a table in LibreOffice, an empty page) behind.
            self._break_before = True
        else:
            raise TypeError(f"unknown block {block!r}")

    def _paragraph(self, doc, block: Paragraph, layout: Layout):
        paragraph = doc.add_paragraph()
        self._take_break(paragraph)
        fmt = paragraph.paragraph_format
        paragraph.alignment = _ALIGN[block.align]
        size = block.size or layout.body_size
        if block.indent:
            _first_line_chars(fmt, 2, size)
        if block.keep_with_next:
            fmt.keep_with_next = True
        if block.size and block.size > layout.body_size:
            # A larger line (an appendix title) gets two grid lines, as Word's grid would give it.
            fmt.line_spacing = Pt(layout.line_pitch * 2)
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        for item in block.runs:
            run = paragraph.add_run(clean(item.text))
            run.bold = item.bold or None
            font = item.font or block.font
            if font is not Font.BODY or block.size:
                set_fonts(run._r, self.family(font))
                run.font.size = Pt(size)
        return paragraph

    def _take_break(self, paragraph) -> None:
        if self._break_before:
            paragraph.paragraph_format.page_break_before = True
            self._break_before = False

    def _signature(self, doc, document: Document) -> None:
        """Unit name and date at the end, right-aligned 4 characters in from the margin (GB/T 9704 7.3.5)."""
        if not (document.signature_unit or document.signature_date):
            return
        size = document.layout.body_size
        # The signature never stands alone on a page: the body's last lines go with it.
        body = doc.paragraphs
        if body:
            body[-1].paragraph_format.keep_with_next = True
        for _ in range(2):
            doc.add_paragraph().paragraph_format.keep_with_next = True
        lines = [t for t in (document.signature_unit,
                             chinese_date(document.signature_date) if document.signature_date else "") if t]
        for n, text in enumerate(lines):
            paragraph = doc.add_paragraph(clean(text))
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.paragraph_format.right_indent = Pt(4 * size)
            paragraph.paragraph_format.keep_with_next = n < len(lines) - 1

    def _table(self, doc, table: Table, layout: Layout) -> None:
        size = layout.table_size
        if self._break_before:
            self._take_break(doc.add_paragraph())
        if table.note:
            note = doc.add_paragraph(clean(table.note))
            note.alignment = WD_ALIGN_PARAGRAPH.RIGHT if table.note.startswith("单位") else WD_ALIGN_PARAGRAPH.CENTER
            for run in note.runs:
                run.font.size = Pt(size + 1.5)
            self._off_grid(note, size * 1.4 * 1.3)  # the PDF's line for the note
        grid = table.grid()
        width = table.column_count
        out = doc.add_table(rows=0, cols=width)
        # The style's id written directly: python-docx's setter scans every style of the template.
        out._tbl.tblStyle_val = self._table_style.style_id
        out.alignment = WD_TABLE_ALIGNMENT.CENTER
        out.autofit = False
        widths_pt = fit_widths(table, layout.text_width_pt, size)
        widths = [int(Pt(w)) for w in widths_pt]
        for c, column in enumerate(out.columns):
            column.width = widths[c]
        # The rows are written as XML: python-docx finds a cell by walking the whole table and merges
        # by rebuilding rows, which costs seconds on the 自评表 forms; the markup itself is simple.
        line = round(size * 1.4 * 20)
        templates: dict[tuple, str] = {}
        tbl = out._tbl
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
                            f'<w:pPr><w:snapToGrid w:val="0"/>'
                            f'<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>'
                            f'<w:ind w:firstLine="0"/><w:jc w:val="{_JC[align]}"/></w:pPr>'
                            f'<w:r><w:rPr>{"<w:b/>" if cell.bold else ""}<w:sz w:val="{round(size * 2)}"/></w:rPr>'
                            '<w:t xml:space="preserve">{text}</w:t></w:r>'
                        )
                    text = balanced_label(cell.text, sum(widths_pt[c0:c0 + cell.colspan]), size)
                    # A balanced label's lines are separated by line breaks inside its one run.
                    content = templates[key].replace("{text}", '</w:t><w:br/><w:t xml:space="preserve">'.join(
                        xml_escape(clean(line)) for line in text.split("\n")))
                if not content:
                    content = f'<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/></w:pPr>'
                cells.append(f"<w:tc><w:tcPr>{props}</w:tcPr><w:p>{content}</w:p></w:tc>")
                c += cell.colspan
            row_props = "<w:cantSplit/>" + ("<w:tblHeader/>" if header else "")  # header rows repeat on each page
            tbl.append(parse_xml(f'<w:tr {nsdecls("w")}><w:trPr>{row_props}</w:trPr>{"".join(cells)}</w:tr>'))
        # Word needs a paragraph between a table and what follows. It is half a line high, as the PDF's
        # gap after a table, and kept off the document grid; before a page break or at the end it
        # shrinks to 1 pt so that a table ending at the foot of a page never pushes it onto a blank page.
        gap = doc.add_paragraph()
        self._off_grid(gap, layout.line_pitch / 2)
        self._last_gap = gap

    @staticmethod
    def _off_grid(paragraph, height: float) -> None:
        fmt = paragraph.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(height)
        fmt.space_before = fmt.space_after = Pt(0)
        ppr = paragraph._p.get_or_add_pPr()
        if ppr.find(qn("w:snapToGrid")) is None:
            snap = OxmlElement("w:snapToGrid")
            snap.set(qn("w:val"), "0")
            ppr.insert(0, snap)

    def _shrink_last_gap(self, doc) -> None:
        """The gap after a table is the last thing before a page break: 1 pt, so no blank page follows."""
        if self._last_gap is not None and doc.element.body[-2] is self._last_gap._p:
            self._last_gap.paragraph_format.line_spacing = Pt(1)
        self._last_gap = None


def _field_char(run, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run._r.append(char)


def write_docx(document: Document, path: Path, faces: Optional[dict[Font, Face]] = None) -> None:
    DocxWriter(faces).write(document, path)


__all__ = ["DocxWriter", "write_docx", "set_fonts", "DRAFT_MARK", "WD_SECTION"]

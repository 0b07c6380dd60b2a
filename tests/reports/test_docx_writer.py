"""The Word file read back with python-docx: layout to GB/T 9704 and the seed's headings and figures."""

from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.shared import Pt

from desktop.reports.build import build_document
from desktop.reports.docx_writer import write_docx
from desktop.reports.outline import load_outline

from .conftest import SEEDS, modules_loaded_by_export, seed_report
from .seed_expectations import GENERATED, figures_in, seed_figures, squeeze


def docx_text(path) -> str:
    doc = open_docx(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_text_has_every_heading_in_order_and_every_figure(exported, seed):
    text = squeeze(docx_text(exported[seed]["docx"]))
    document = build_document(seed_report(seed), load_outline(SEEDS[seed][1]))
    position = 0
    for heading in document.headings():
        found = text.find(squeeze(heading.full_text), position)
        assert found >= 0, heading.full_text
        position = found
    for sentence in GENERATED[seed]:
        assert sentence in text
    assert seed_figures(seed) <= figures_in(text)


def test_page_setup_and_fonts(exported):
    doc = open_docx(str(exported["000"]["docx"]))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                   section.right_margin)] == [37, 35, 28, 26]
    normal = doc.styles["Normal"]
    assert normal.font.size == Pt(16)
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋"
    assert normal.paragraph_format.line_spacing.pt * 22 <= 225 / 25.4 * 72
    assert round(normal.paragraph_format.line_spacing.pt, 2) == 28.95
    for level, face in ((1, "黑体"), (2, "楷体"), (3, "仿宋")):
        style = doc.styles[f"Heading {level}"]
        rfonts = style.element.rPr.find(qn("w:rFonts"))
        assert rfonts.get(qn("w:eastAsia")) == face
        assert rfonts.get(qn("w:asciiTheme")) is None and rfonts.get(qn("w:eastAsiaTheme")) is None
    title = doc.paragraphs[0]
    assert title.style.name == "Title" and title.style.font.size == Pt(22)
    assert doc.styles["Title"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) in ("方正小标宋简体", "宋体")
    body = next(p for p in doc.paragraphs if p.text.startswith("金口河区妇联设置主席"))
    assert body.paragraph_format.first_line_indent == Pt(32)


def test_page_numbers_odd_right_even_left(exported):
    doc = open_docx(str(exported["000"]["docx"]))
    assert doc.settings.odd_and_even_pages_header_footer
    section = doc.sections[0]
    for footer, alignment in ((section.footer, 2), (section.even_page_footer, 0)):
        paragraph = footer.paragraphs[0]
        xml = paragraph._p.xml
        assert "PAGE" in xml and 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        assert paragraph.alignment == alignment
        run = paragraph.runs[0]
        assert run.font.size == Pt(14)
        assert run._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "宋体"


def test_tables_repeat_their_header_rows_and_merge_cells(tmp_path):
    from .conftest import filled_seed

    path = tmp_path / "filled.docx"
    write_docx(build_document(filled_seed("000"), load_outline("sichuan")), path)
    doc = open_docx(str(path))
    projects = next(t for t in doc.tables if t.rows[0].cells[1].text == "项目名称")
    assert projects.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert projects.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
    assert [c.text for c in projects.rows[1].cells[:2]] == ["1", "春蕾行动计划经费"]
    form = next(t for t in doc.tables if t.rows[0].cells[0].text.replace("\n", "") == "项目名称")
    # 项目名称 spans the nine value columns; 项目资金（万元） spans its header and 年度资金总额 (the sources
    # of funds are not split in this report: their rows are left out, not printed empty).
    assert len({id(c._tc) for c in form.rows[0].cells}) == 2
    assert form.cell(2, 0).text == form.cell(3, 0).text == "项目资金（万元）"
    assert form.cell(2, 0)._tc is form.cell(3, 0)._tc
    assert "当年财政拨款" not in "".join(c.text for row in form.rows for c in row.cells)
    assert "tblBorders" in doc.styles["Table Grid"].element.xml


def test_signature_at_the_end_of_the_body(exported):
    text = [p.text for p in open_docx(str(exported["000"]["docx"])).paragraphs]
    at = text.index("乐山市金口河区妇女联合会")
    assert text[at + 1] == "2025年3月31日"
    assert text[at + 2:].count("附件1") == 1


def test_draft_mark_on_every_page(tmp_path):
    path = tmp_path / "draft.docx"
    write_docx(build_document(seed_report("004"), load_outline("guangdong"), draft=True), path)
    doc = open_docx(str(path))
    section = doc.sections[0]
    for header in (section.header, section.even_page_header):
        assert "草稿" in header.paragraphs[0].text
    final = tmp_path / "final.docx"
    write_docx(build_document(seed_report("004"), load_outline("guangdong")), final)
    assert "草稿" not in open_docx(str(final)).sections[0].header.paragraphs[0].text


W_LINE = qn("w:line")


def _body_elements(doc):
    return [e for e in doc.element.body if e.tag in (qn("w:p"), qn("w:tbl"))]


def test_no_empty_full_line_before_a_page_break(exported, seed):
    """A paragraph that starts a new page is never preceded by an empty line (LibreOffice's blank pages)."""
    doc = open_docx(str(exported[seed]["docx"]))
    elements = _body_elements(doc)
    breaks = 0
    for before, element in zip(elements, elements[1:]):
        ppr = element.find(qn("w:pPr"))
        if element.tag != qn("w:p") or ppr is None or ppr.find(qn("w:pageBreakBefore")) is None:
            continue
        breaks += 1
        if before.tag == qn("w:p") and not "".join(before.itertext()).strip():
            spacing = before.find(qn("w:pPr")).find(qn("w:spacing"))
            assert int(spacing.get(W_LINE)) <= 20, "an empty paragraph of a full line before a page break"
    assert breaks >= 1
    last = elements[-1]
    assert last.tag == qn("w:p")
    if not "".join(last.itertext()).strip():  # the paragraph Word needs after the last table
        assert int(last.find(qn("w:pPr")).find(qn("w:spacing")).get(W_LINE)) <= 20


def test_tables_stay_off_the_grid_and_paragraphs_keep_widows_and_headings(exported):
    doc = open_docx(str(exported["000"]["docx"]))
    for table in doc.tables:
        for p in table._tbl.iter(qn("w:p")):
            snap = p.find(qn("w:pPr")).find(qn("w:snapToGrid"))
            assert snap is not None and snap.get(qn("w:val")) == "0"
    assert doc.styles["Normal"].paragraph_format.widow_control is True
    assert all(doc.styles[f"Heading {n}"].paragraph_format.keep_with_next for n in (1, 2, 3))


def test_the_signature_is_kept_with_the_last_lines_of_the_body(exported, seed):
    doc = open_docx(str(exported[seed]["docx"]))
    paragraphs = doc.paragraphs
    document = build_document(seed_report(seed), load_outline(SEEDS[seed][1]))
    unit = max(n for n, p in enumerate(paragraphs) if p.text == document.signature_unit)
    # The last body paragraph and the two blank lines keep with the next, the unit with its date.
    assert all(p.paragraph_format.keep_with_next for p in paragraphs[unit - 3:unit])
    assert paragraphs[unit].paragraph_format.keep_with_next == bool(document.signature_date)
    assert paragraphs[unit - 3].text.strip()


def test_attachment_list_numbers_with_a_full_width_stop(exported):
    text = [p.text for p in open_docx(str(exported["000"]["docx"])).paragraphs]
    listing = [t for t in text if t.startswith("附件：") or t.startswith("　　　")]
    assert listing[0].startswith("附件：1．") and listing[1].startswith("　　　2．")
    assert not any("．" not in t[:6] for t in listing)


def test_markup_characters_line_feeds_and_tabs_come_back_as_typed(tmp_path):
    from desktop.reports.document import Cell, Document, Heading, Paragraph, Run, Table

    typed = '“A&B” <备注> \'单引号\'\t制表\n第二行'
    unit = '某区妇联 & <试点>'
    document = Document(
        title="标题 & <一>\n第二行", author=unit, signature_unit=unit,
        blocks=[Heading(level=1, number="一、", text="收入 & 支出 <说明>"), Paragraph([Run(typed)]),
                Table(widths=[1, 1], rows=[[Cell("项目"), Cell("说明")], [Cell("A&B"), Cell("<空>")]])],
    )
    path = tmp_path / "markup.docx"
    write_docx(document, path)
    doc = open_docx(str(path))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "标题 & <一>\n第二行"
    assert "一、收入 & 支出 <说明>" in texts
    assert typed in texts and unit in texts
    assert [c.text for c in doc.tables[0].rows[1].cells] == ["A&B", "<空>"]
    assert doc.core_properties.author == unit and doc.core_properties.title == "标题 & <一>第二行"


def test_a_word_export_does_not_load_python_docx(tmp_path):
    """python-docx is for reading Word files in; writing one needs none of it (it would cost the CLI a tenth)."""
    assert modules_loaded_by_export(tmp_path, "docx", ("docx", "lxml")) == []

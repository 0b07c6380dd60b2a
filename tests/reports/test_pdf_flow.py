"""The page loop of the PDF writer: blocks placed down the text block, split at the foot of a page,
conditional and hard page breaks; and that a PDF export never loads reportlab's platypus layer."""

import re

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop.reports.document import Align, Document, Font, Paragraph, Run
from desktop.reports.fonts import register_pdf_fonts, resolve_faces
from desktop.reports.pdf_flow import CondPageBreak, Frame, GapAfterTable, LayoutError, PageBreak, Spacer, fill_pages
from desktop.reports.pdf_text import TextBlock

from .conftest import modules_loaded_by_export, run

PITCH = 20.0
FRAME = Frame(72, 72, 400, 10 * PITCH)  # exactly ten lines


@pytest.fixture(scope="module")
def body() -> str:
    return register_pdf_fonts(resolve_faces())[Font.BODY]


def _lines(body: str, *texts: str) -> list[TextBlock]:
    return [TextBlock([(text, body)], 12, PITCH, Align.LEFT) for text in texts]


def _fill(tmp_path, story, body: str) -> list[str]:
    """The text of each page, with the number the decoration callback drew on it."""
    path = tmp_path / "flow.pdf"
    canvas = Canvas(str(path), pagesize=A4, initialFontName=body)

    def decorate(c):
        c.setFont(body, 10)
        c.drawString(72, 40, f"页{c.getPageNumber()}")

    count = fill_pages(canvas, story, FRAME, decorate)
    canvas.save()
    pages = ["".join(p.split()) for p in run("pdftotext", "-enc", "UTF-8", str(path), "-").split("\f")[:-1]]
    assert len(pages) == count
    return pages


def test_blocks_fill_a_page_and_go_on_on_the_next(tmp_path, body):
    pages = _fill(tmp_path, _lines(body, *(f"第{n}行" for n in range(1, 13))), body)
    assert len(pages) == 2
    assert "第10行" in pages[0] and "第11行" not in pages[0]
    assert pages[1].startswith("第11行第12行") and pages[1].endswith("页2")


def test_a_conditional_break_moves_on_only_when_too_little_is_left(tmp_path, body):
    story = _lines(body, *(f"第{n}行" for n in range(1, 9))) + [CondPageBreak(2 * PITCH)] + _lines(body, "标题")
    assert "标题" in _fill(tmp_path, story, body)[0]  # exactly two lines left: stays
    story = _lines(body, *(f"第{n}行" for n in range(1, 10))) + [CondPageBreak(2 * PITCH)] + _lines(body, "标题")
    pages = _fill(tmp_path, story, body)
    assert "标题" not in pages[0] and pages[1].startswith("标题")


def test_a_page_break_at_the_end_leaves_no_blank_page_but_two_in_a_row_do(tmp_path, body):
    assert len(_fill(tmp_path, _lines(body, "正文") + [PageBreak()], body)) == 1
    pages = _fill(tmp_path, _lines(body, "正文") + [PageBreak(), PageBreak()] + _lines(body, "附件"), body)
    assert pages == ["正文页1", "页2", "附件页3"]


def test_the_gap_after_a_table_shrinks_to_nothing_at_the_foot_of_a_page(tmp_path, body):
    story = _lines(body, *(f"第{n}行" for n in range(1, 11))) + [GapAfterTable(PITCH / 2), PageBreak()]
    assert len(_fill(tmp_path, story, body)) == 1
    # A spacer that no longer fits is carried over and takes its room at the top of the next page.
    story = _lines(body, *(f"第{n}行" for n in range(1, 10))) + [Spacer(2 * PITCH)] + _lines(body, "后")
    pages = _fill(tmp_path, story, body)
    assert pages[1] == "后页2"


def test_a_paragraph_splits_at_the_foot_of_the_page_keeping_two_lines_together(tmp_path, body):
    long = TextBlock([("段" * 33 * 5, body)], 12, PITCH, Align.JUSTIFY)  # five lines of 33 characters
    pages = _fill(tmp_path, _lines(body, *(f"第{n}行" for n in range(1, 7))) + [long], body)
    # Four lines left: three are taken, so that two go on together to the next page.
    assert pages[0].count("段") == 33 * 3 and pages[1].count("段") == 33 * 2


def test_a_block_that_fits_on_no_page_is_refused(tmp_path, body):
    with pytest.raises(LayoutError):
        _fill(tmp_path, [Spacer(11 * PITCH)], body)


def test_a_pdf_export_loads_no_platypus_module(tmp_path):
    """reportlab's platypus costs a PDF export its import time (a URL pattern compiled at import) and
    its layout time; the writer uses only the canvas and the font layer."""
    assert modules_loaded_by_export(tmp_path, "pdf", ("reportlab.platypus",)) == []


def test_document_metadata_and_no_helvetica(tmp_path):
    from desktop.reports.pdf_writer import write_pdf

    path = tmp_path / "meta.pdf"
    write_pdf(Document(title="某某区妇联\n2024年度报告", blocks=[Paragraph([Run("正文。")])], author="某某区妇联"), path)
    info = run("pdfinfo", str(path))
    assert re.search(r"Title:\s+某某区妇联2024年度报告", info) and re.search(r"Creator:\s+fulian-desk", info)
    assert re.search(r"Author:\s+某某区妇联", info)
    assert "Helvetica" not in run("pdffonts", str(path))
    assert b"Helvetica" not in path.read_bytes()

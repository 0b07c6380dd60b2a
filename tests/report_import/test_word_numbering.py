"""Headings numbered by Word's automatic list numbering (the number is not in the text) read as well
as hand-typed ones: seed 004's export with every 一、 and （一） turned into Word list numbers."""

import re

from docx import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.parts.numbering import NumberingPart

from desktop.report_import import read_report

from .compare import describe, differences
from .conftest import seed_report

ABSTRACT = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>"""
NUM = f"""<w:num {nsdecls('w')} w:numId="90"><w:abstractNumId w:val="90"/></w:num>"""


def numbering_of(document):
    """The document's list definitions; a part of its own first if it has none (our exports have no lists)."""
    try:
        return document.part.numbering_part.element
    except NotImplementedError:  # python-docx cannot make one itself
        part = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING,
                             parse_xml(f"<w:numbering {nsdecls('w')}/>"), document.part.package)
        document.part.relate_to(part, RT.NUMBERING)
        return part.element


def test_word_list_numbers_are_read_as_heading_numbers(program_exports, tmp_path):
    document = Document(str(program_exports["004"]["docx"]))
    numbering = numbering_of(document)
    numbering.insert(0, parse_xml(ABSTRACT))  # abstract numbers come before the num elements
    numbering.append(parse_xml(NUM))
    changed = 0
    for paragraph in document.paragraphs:
        style = paragraph.style.name
        if style not in ("Heading 1", "Heading 2"):
            continue
        for run in paragraph.runs:
            run.text = re.sub(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)", "", run.text)
        # No heading style either: a plain paragraph that Word numbers, as many clerks' files are.
        paragraph.style = document.styles["Normal"]
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{0 if style == "Heading 1" else 1}"/>'
                             '<w:numId w:val="90"/></w:numPr>'))
        changed += 1
    assert changed > 10
    path = tmp_path / "word_numbering.docx"
    document.save(str(path))
    numbered = [p for p in Document(str(path)).paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert len(numbered) == changed and not any(p.text.startswith(("一", "（")) for p in numbered)

    preview = read_report(path)
    diffs = differences(preview.report, seed_report("004"))
    assert diffs == {}, describe(diffs)
    assert preview.findings == []

"""Files that are not taken in: each refused with a Chinese message saying what to do, nothing written."""

import io
import zipfile

import pytest

from desktop.report_import import ReportImportError, read_report
from desktop.services import report_import


def refused(path) -> str:
    with pytest.raises(ReportImportError) as caught:
        read_report(path)
    return caught.value.message


@pytest.mark.parametrize("suffix", [".doc", ".wps", ".odt"])
def test_other_word_formats_are_refused_with_how_to_save_as_docx(tmp_path, suffix):
    path = tmp_path / f"去年报告{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    message = refused(path)
    assert "另存为" in message and ".docx" in message


def test_a_scanned_pdf_without_text_is_refused(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "扫描件.pdf"
    page = canvas.Canvas(str(path))
    page.rect(50, 50, 400, 600, fill=1)  # a page that is only a picture
    page.showPage()
    page.save()
    assert "扫描件" in refused(path)


def test_a_password_protected_pdf_is_refused(tmp_path, program_exports):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(program_exports["004"]["pdf"]).pages:
        writer.add_page(page)
    writer.encrypt(user_password="1234", owner_password="1234")
    path = tmp_path / "加密.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    assert "密码" in refused(path)


def test_a_password_protected_docx_is_refused(tmp_path):
    # Word stores an encrypted .docx as an OLE compound file.
    path = tmp_path / "加密.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    assert "密码" in refused(path)


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_truncated_file_is_refused(tmp_path, program_exports, kind):
    data = program_exports["000"][kind].read_bytes()
    path = tmp_path / f"截断.{kind}"
    path.write_bytes(data[: len(data) // 3])
    message = refused(path)
    assert "损坏" in message or "不完整" in message


def test_a_zip_bomb_inside_a_docx_is_refused(tmp_path, program_exports):
    buffer = io.BytesIO()
    with zipfile.ZipFile(program_exports["000"]["docx"]) as source, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("word/media/huge.xml", b"<a>" + b"0" * (150 * 1024 * 1024) + b"</a>")
    path = tmp_path / "炸弹.docx"
    path.write_bytes(buffer.getvalue())
    assert "压缩炸弹" in refused(path)


def test_an_xml_entity_in_a_docx_is_refused(tmp_path, program_exports):
    buffer = io.BytesIO()
    with zipfile.ZipFile(program_exports["000"]["docx"]) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE w [<!ENTITY a "aaaa">]>', 1)
            target.writestr(item, data)
    path = tmp_path / "实体.docx"
    path.write_bytes(buffer.getvalue())
    assert "实体" in refused(path)


def test_a_document_that_is_not_a_report_is_refused(tmp_path):
    from docx import Document

    document = Document()
    document.add_paragraph("关于召开2024年三八妇女节座谈会的通知")
    document.add_paragraph("各乡镇妇联：定于3月8日上午召开座谈会，请准时参加。")
    path = tmp_path / "通知.docx"
    document.save(str(path))
    assert "不是部门整体支出绩效自评报告" in refused(path)


def test_an_excel_file_named_docx_is_refused(tmp_path):
    import openpyxl

    path = tmp_path / "表格.docx"
    openpyxl.Workbook().save(str(path))
    assert "Excel" in refused(path)


def test_a_refused_file_writes_nothing(tmp_path, workspace):
    path = tmp_path / "去年报告.doc"
    path.write_bytes(b"x" * 10)
    with pytest.raises(ReportImportError):
        report_import.preview_file(workspace, path)
    assert workspace.units() == []

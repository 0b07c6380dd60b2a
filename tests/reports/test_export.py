"""The export service: files named for the unit and year, written whole or not at all."""

import os

import pytest

from desktop.fileio import FileWriteError
from desktop.reports import export as export_module
from desktop.reports.export import ExportError, count_errors, export_report, file_stem, parse_formats

from .conftest import seed_report


def test_writes_both_formats_named_for_the_unit_and_year(tmp_path):
    result = export_report(seed_report("000"), tmp_path / "new" / "folder")
    names = sorted(p.name for p in result.paths)
    assert names == ["金口河区妇联2024年度部门整体支出绩效自评报告.docx", "金口河区妇联2024年度部门整体支出绩效自评报告.pdf"]
    assert result.outline == "sichuan" and not result.draft
    assert all(p.stat().st_size > 10_000 for p in result.paths)
    assert result.paths[0].read_bytes()[:2] == b"PK" and result.paths[1].read_bytes()[:5] == b"%PDF-"


def test_outline_can_be_chosen_and_draft_is_in_the_name(tmp_path):
    result = export_report(seed_report("004"), tmp_path, ["pdf"], outline_id="sichuan", draft=True)
    assert result.outline == "sichuan" and result.draft
    assert [p.name for p in result.paths] == ["黄埔区妇联2022年度部门整体支出绩效自评报告（草稿）.pdf"]


def test_a_failing_writer_leaves_no_partial_set_and_says_why(tmp_path, monkeypatch):
    first = export_report(seed_report("000"), tmp_path, ["docx", "pdf"]).paths
    before = {p.name: p.read_bytes() for p in first}
    real = export_module._writer

    def pdf_crashes(fmt):
        if fmt != "pdf":
            return real(fmt)

        def write(document, path):
            path.write_bytes(b"%PDF-1.4 half")
            raise RuntimeError("layout")
        return write

    monkeypatch.setattr(export_module, "_writer", pdf_crashes)
    with pytest.raises(ExportError) as caught:
        export_report(seed_report("000"), tmp_path, ["docx", "pdf", "xlsx"])
    assert "PDF" in caught.value.message and "没有导出任何文件" in caught.value.message
    # The Word file written before the PDF failed did not replace the old one, and no new file appeared.
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_a_failing_writer_in_a_new_folder_leaves_it_empty(tmp_path, monkeypatch):
    real = export_module._writer
    monkeypatch.setattr(export_module, "_writer",
                        lambda fmt: real(fmt) if fmt != "xlsx" else (lambda d, p: 1 / 0))
    with pytest.raises(ExportError) as caught:
        export_report(seed_report("004"), tmp_path, ["docx", "pdf", "xlsx"])
    assert "Excel" in caught.value.message
    assert list(tmp_path.iterdir()) == []


def test_a_target_that_cannot_be_replaced_leaves_the_whole_old_set(tmp_path):
    old = export_report(seed_report("000"), tmp_path, ["docx"]).paths[0]
    before = old.read_bytes()
    # A folder where the PDF should go cannot be replaced, as a file held open by Word on Windows.
    blocked = tmp_path / (file_stem(seed_report("000"), False) + ".pdf")
    blocked.mkdir()
    (blocked / "x").write_text("x")
    with pytest.raises(FileWriteError) as caught:
        export_report(seed_report("000"), tmp_path, ["docx", "pdf"])
    assert "请" in caught.value.message
    assert old.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([old.name, blocked.name])


def test_a_file_held_open_by_word_keeps_every_old_file(tmp_path, monkeypatch):
    old = export_report(seed_report("000"), tmp_path, ["docx", "pdf"]).paths
    before = {p.name: p.read_bytes() for p in old}
    real_replace = os.replace

    def windows_replace(src, dst):
        # Windows refuses to move a file another program holds open; Linux has no such lock.
        if str(src).endswith(".pdf"):
            raise PermissionError(13, "The process cannot access the file", str(src))
        return real_replace(src, dst)

    monkeypatch.setattr(export_module.os, "replace", windows_replace)
    with pytest.raises(FileWriteError) as caught:
        export_report(seed_report("000"), tmp_path, ["docx", "pdf"])
    assert "Word" in caught.value.message
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_formats_and_outlines_are_checked():
    assert parse_formats("PDF, docx,pdf") == ["pdf", "docx"]
    with pytest.raises(ExportError) as caught:
        parse_formats("docx,odt")
    assert "odt" in caught.value.message
    with pytest.raises(ExportError) as caught:
        export_report(seed_report("000"), ".", ["pdf"], outline_id="xizang")
    assert "sichuan" in caught.value.message


def test_unsafe_characters_leave_the_file_name():
    report = seed_report("000")
    report.profile.short_name = '区妇联/办公室:"A"'
    assert file_stem(report, False) == "区妇联_办公室_A_2024年度部门整体支出绩效自评报告"


def test_count_errors_is_a_number():
    assert count_errors(seed_report("000")) >= 0


def test_the_workbook_comes_from_the_same_export(tmp_path):
    from openpyxl import load_workbook

    result = export_report(seed_report("000"), tmp_path, ["xlsx"])
    (path,) = result.paths
    assert path.name == "金口河区妇联2024年度部门整体支出绩效自评报告.xlsx"
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["收支情况", "项目支出"]  # the seed's empty 自评表 forms are left out

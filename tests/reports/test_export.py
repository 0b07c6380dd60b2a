"""The export service: files named for the unit and year, written whole or not at all."""

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


def test_a_failing_write_leaves_the_previous_file_whole(tmp_path, monkeypatch):
    first = export_report(seed_report("000"), tmp_path, ["pdf"]).paths[0]
    before = first.read_bytes()

    def crashing_writer(fmt):
        def write(document, path):
            path.write_bytes(b"%PDF-1.4 half")
            raise RuntimeError("power cut")
        return write

    monkeypatch.setattr(export_module, "_writer", crashing_writer)
    with pytest.raises(RuntimeError):
        export_report(seed_report("000"), tmp_path, ["pdf"])
    assert first.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [first.name]  # no temporary file left behind


def test_a_target_that_cannot_be_replaced_gets_a_clear_message(tmp_path):
    # A folder where the document should go cannot be replaced, as a file held open by Word on Windows.
    blocked = tmp_path / (file_stem(seed_report("000"), False) + ".docx")
    blocked.mkdir()
    (blocked / "x").write_text("x")
    with pytest.raises(FileWriteError) as caught:
        export_report(seed_report("000"), tmp_path, ["docx"])
    assert "无法写入" in caught.value.message or "失败" in caught.value.message
    assert "请" in caught.value.message
    assert sorted(p.name for p in tmp_path.iterdir()) == [blocked.name]


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
    assert workbook.sheetnames[:3] == ["收支情况", "项目支出", "部门整体支出绩效自评表"]

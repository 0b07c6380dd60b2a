"""The export service: files named for the unit and year, written whole or not at all."""

import shutil

import pytest

from desktop.errors import UserError
from desktop.fileio import FileWriteError
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


def test_a_disk_that_fills_while_the_pdf_is_written_leaves_the_old_set(small_disk):
    first = export_report(seed_report("000"), small_disk, ["docx", "pdf"]).paths
    before = {p.name: p.read_bytes() for p in first}
    # Room for the new Word file beside the old one, not for the new PDF.
    filler = small_disk / "filler"
    filler.write_bytes(b"\0" * (shutil.disk_usage(small_disk).free - 100 * 1024))
    assert len(before[first[1].name]) > 200 * 1024
    with pytest.raises(FileWriteError) as caught:
        export_report(seed_report("000"), small_disk, ["docx", "pdf", "xlsx"])
    assert "磁盘空间不足" in caught.value.message and first[1].name in caught.value.message
    filler.unlink()
    # The Word file written before the disk filled did not replace the old one; nothing else is left.
    assert {p.name: p.read_bytes() for p in small_disk.iterdir()} == before


def test_a_damaged_font_leaves_a_new_folder_empty_and_names_the_file(tmp_path, monkeypatch):
    # The official 仿宋 of the PC, damaged: the PDF cannot be made with it.
    fonts = tmp_path / "Windows" / "Fonts"
    fonts.mkdir(parents=True)
    (fonts / "simfang.ttf").write_bytes(b"\0\1\0\0" + bytes(range(256)) * 40)
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    out = tmp_path / "new"
    with pytest.raises(UserError) as caught:
        export_report(seed_report("004"), out, ["docx", "pdf", "xlsx"])
    assert "simfang.ttf" in caught.value.message and "损坏" in caught.value.message
    assert list(out.iterdir()) == []


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


def test_a_file_held_open_by_word_keeps_every_old_file(tmp_path, make_immutable):
    old = export_report(seed_report("000"), tmp_path, ["docx", "pdf"]).paths
    before = {p.name: p.read_bytes() for p in old}
    make_immutable(old[1])  # the PDF cannot be replaced, as one Word or a PDF reader holds open on Windows
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

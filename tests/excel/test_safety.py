"""Untrusted files: each bad file gets its clear message, nothing crashes, and the report is left as it was."""

import copy
import functools
import re
import subprocess
import sys
import tempfile
from pathlib import Path
import zipfile

import openpyxl
import openpyxl.xml
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.excel import safety
from desktop.excel.budget_import import preview_budget
from desktop.excel.ledger_import import apply, preview_ledger
from desktop.excel.preview import ImportRefused
from desktop.excel.safety import UnsafeFileError, check_file

from .helpers import LEDGER_HEADER, small_report, workbook


def test_defusedxml_is_in_use():
    assert openpyxl.xml.DEFUSEDXML is True
    safety.require_defusedxml()


def test_without_defusedxml_nothing_is_read(tmp_path):
    # A fresh program on a PC where the defusedxml package is missing (an import of it fails).
    path = workbook(tmp_path / "ok.xlsx", [LEDGER_HEADER, ["2024-03-08", "培训", "技能培训"]])
    code = (
        "import sys; from pathlib import Path\n"
        "sys.modules['defusedxml'] = None  # what a missing package looks like to `import`\n"
        "from desktop.excel.safety import UnsafeFileError, check_file\n"
        "try:\n"
        "    check_file(Path(sys.argv[1]))\n"
        "except UnsafeFileError as refused:\n"
        "    print(refused.message)\n"
        "else:\n"
        "    print('READ')\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "defusedxml" in result.stdout and "READ" not in result.stdout


def _rewrite(path, member: str, transform) -> None:
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            archive.writestr(info.filename, transform(data) if info.filename == member else data)


def _ok_ledger(tmp_path, name="ok.xlsx"):
    return workbook(tmp_path / name, [LEDGER_HEADER, ["2024-03-08", "培训", "技能培训", 1, 30]])


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
    + b"]>"
)


def _xml_bomb(tmp_path):
    path = _ok_ledger(tmp_path, "bomb.xlsx")

    def inject(data: bytes) -> bytes:
        body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
        cell = b'<row r="100"><c r="A100" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        return BILLION_LAUGHS + body.replace(b"</sheetData>", cell + b"</sheetData>")

    _rewrite(path, "xl/worksheets/sheet1.xml", inject)
    return path


def _zip_bomb(tmp_path):
    path = _ok_ledger(tmp_path, "zipbomb.xlsx")
    # 30 MB of spaces inflate from about 30 KB: the ratio and the member size both give it away.
    _rewrite(path, "xl/worksheets/sheet1.xml", lambda data: data.replace(b"<sheetData>", b"<sheetData>" + b" " * 30_000_000))
    return path


def _renamed_xls(tmp_path):
    path = tmp_path / "旧表格.xlsx"
    path.write_bytes(safety.OLE_MAGIC + b"\x00" * 504 + b"Workbook" * 100)
    return path


def _empty(tmp_path):
    path = tmp_path / "空.xlsx"
    path.write_bytes(b"")
    return path


def _xls_name(tmp_path):
    path = tmp_path / "台账.xls"
    path.write_bytes(safety.OLE_MAGIC + b"\x00" * 100)
    return path


def _csv_name(tmp_path):
    path = tmp_path / "台账.csv"
    path.write_text("日期,活动名称\n2024-03-08,培训\n", encoding="utf-8")
    return path


def _docx_renamed(tmp_path):
    path = tmp_path / "报告.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return path


def _truncated(tmp_path):
    path = _ok_ledger(tmp_path, "半截.xlsx")
    path.write_bytes(path.read_bytes()[:1500])
    return path


def _garbage(tmp_path):
    path = tmp_path / "乱码.xlsx"
    path.write_bytes(b"this is not a spreadsheet at all" * 10)
    return path


def _broken_xml(tmp_path):
    path = _ok_ledger(tmp_path, "坏XML.xlsx")
    _rewrite(path, "xl/worksheets/sheet1.xml", lambda data: data.replace(b"</sheetData>", b"<row><c>"))
    return path


def _too_big(tmp_path):
    # A real ledger grown past the limit (a sparse file: no 20 MB written to the disk).
    path = _ok_ledger(tmp_path, "大.xlsx")
    with open(path, "r+b") as handle:
        handle.truncate(safety.MAX_FILE_BYTES + 1)
    return path


def _ledger_of(tmp_path, activities: int, dimension: bool):
    """A ledger of `activities` rows under its header, written as Excel writes them (fast: XML text)."""
    path = _ok_ledger(tmp_path, "行多.xlsx")
    rows = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>2024-03-08</t></is></c>'
        f'<c r="B{n}" t="inlineStr"><is><t>培训</t></is></c><c r="C{n}" t="inlineStr"><is><t>活动{n}</t></is></c></row>'
        for n in range(2, activities + 2)
    ).encode("utf-8")

    def grow(data: bytes) -> bytes:
        data = re.sub(rb"(<row r=\"1\".*?</row>).*?</sheetData>", lambda m: m.group(1) + rows + b"</sheetData>",
                      data, flags=re.S)
        ref = f'<dimension ref="A1:C{activities + 1}"/>'.encode() if dimension else b""
        return re.sub(rb"<dimension [^>]*/>", ref, data)
    _rewrite(path, "xl/worksheets/sheet1.xml", grow)
    return path


def _too_many_rows(tmp_path):
    # Without a <dimension> the rows themselves are counted while scanning.
    return _ledger_of(tmp_path, safety.MAX_ROWS, dimension=False)


def _too_many_rows_by_dimension(tmp_path):
    return _ledger_of(tmp_path, safety.MAX_ROWS, dimension=True)


def test_a_ledger_at_the_row_limit_is_let_through(tmp_path):
    check_file(_ledger_of(tmp_path, safety.MAX_ROWS - 1, dimension=True))
    check_file(_ledger_of(tmp_path, safety.MAX_ROWS - 1, dimension=False))


def _wrong_headers(tmp_path):
    return workbook(tmp_path / "表头.xlsx", [["姓名", "年龄", "电话"], ["张三", 30, "123"]])


def _text_in_numbers(tmp_path):
    return workbook(tmp_path / "文字.xlsx", [LEDGER_HEADER, ["2024-03-08", "培训", "技能培训", "三十", "很多", None, "一千元"]])


def _merged_cells(tmp_path):
    rows = [LEDGER_HEADER, ["2024-03-08", "培训", "技能培训", 1], ["2024-03-09", None, "宣讲", 2]]
    return workbook(tmp_path / "合并.xlsx", rows, merges=["B2:B3"])


CORPUS = {
    # name: (builder, words the message must contain)
    "xml_bomb": (_xml_bomb, ["实体", "不予导入"]),
    "zip_bomb": (_zip_bomb, ["压缩炸弹"]),
    "renamed_xls": (_renamed_xls, [".xls", "另存为", "Excel 工作簿（*.xlsx）"]),
    "xls_extension": (_xls_name, [".xls", "另存为"]),
    "csv_extension": (_csv_name, [".csv", "另存为"]),
    "empty": (_empty, ["空文件"]),
    "docx_renamed": (_docx_renamed, ["不是 Excel 工作簿"]),
    "truncated": (_truncated, ["损坏"]),
    "garbage": (_garbage, ["不是有效的 Excel"]),
    "broken_xml": (_broken_xml, ["损坏"]),
    "wrong_headers": (_wrong_headers, ["找不到台账的表头", "活动台账模板"]),
    "text_in_numbers": (_text_in_numbers, ["不是整数", "不是金额"]),
    "merged_cells": (_merged_cells, ["合并单元格", "取消合并"]),
}


@pytest.mark.parametrize("name", CORPUS)
def test_bad_file_gets_its_message_and_changes_nothing(tmp_path, name):
    build, words = CORPUS[name]
    path = build(tmp_path)
    report = small_report()
    before = copy.deepcopy(report)
    preview = preview_ledger(path, report)
    assert not preview.ok
    text = "\n".join(preview.lines())
    for word in words:
        assert word in text, text
    assert "未导入任何数据" in text
    with pytest.raises(ImportRefused):
        apply(preview, report)
    assert report == before
    assert not preview_budget(path, report).ok


@pytest.mark.parametrize("build,words", [
    (_too_big, ["太大", "MB"]), (_too_many_rows, ["超过 50000 行"]),
    (_too_many_rows_by_dimension, ["范围过大", "50001 行"]),
])
def test_size_limits_are_checked_before_loading(tmp_path, build, words):
    path = build(tmp_path)
    with pytest.raises(UnsafeFileError) as caught:
        check_file(path)
    for word in words:
        assert word in caught.value.message


def test_a_huge_dimension_is_refused_before_loading(tmp_path):
    path = _ok_ledger(tmp_path)
    _rewrite(path, "xl/worksheets/sheet1.xml", lambda d: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', d))
    with pytest.raises(UnsafeFileError) as caught:
        check_file(path)
    assert "范围过大" in caught.value.message


def test_defusedxml_itself_refuses_the_entity_bomb(tmp_path):
    """Second line of defence: even past the raw scan, openpyxl's parser would refuse the DTD."""
    path = _xml_bomb(tmp_path)
    with pytest.raises(Exception) as caught:
        wb = openpyxl.load_workbook(path, read_only=True)
        list(wb.active.iter_rows(values_only=True))
    chain, error = [], caught.value
    while error is not None:
        chain.append(type(error).__name__)
        error = error.__cause__ or error.__context__
    assert any(name in ("EntitiesForbidden", "DTDForbidden") for name in chain), chain


def test_a_lying_dimension_does_not_drop_rows(tmp_path):
    rows = [LEDGER_HEADER] + [["2024-03-08", "培训", f"活动{i}"] for i in range(30)]
    path = workbook(tmp_path / "dim.xlsx", rows)
    _rewrite(path, "xl/worksheets/sheet1.xml", lambda d: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:C2"/>', d))
    assert len(preview_ledger(path, small_report()).rows) == 30


def test_blank_rows_are_not_problems(tmp_path):
    rows = [LEDGER_HEADER, [], ["2024-03-08", "培训", "技能培训"], [None] * 10, [], ["2024-03-09", "宣讲", "宣讲"], []]
    preview = preview_ledger(workbook(tmp_path / "blank.xlsx", rows), small_report())
    assert preview.ok
    assert [r.row for r in preview.rows] == [3, 6]


def test_ten_thousand_rows_import_whole(tmp_path):
    rows = [LEDGER_HEADER] + [[f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "培训", f"活动{i}", 1, 30, 20, 100.5]
                              for i in range(10_000)]
    preview = preview_ledger(workbook(tmp_path / "big.xlsx", rows), small_report())
    assert preview.ok
    assert len(preview.rows) == 10_000
    assert len(apply(preview, small_report()).activities) == 10_001


@functools.lru_cache(maxsize=1)
def _good_bytes() -> bytes:
    """One valid ledger, built once: its bytes must not change between examples."""
    with tempfile.TemporaryDirectory() as folder:
        return _ok_ledger(Path(folder)).read_bytes()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_damaged_bytes_never_crash_the_import(tmp_path_factory, data):
    base = tmp_path_factory.mktemp("fuzz")
    good = _good_bytes()
    position = data.draw(st.integers(0, len(good) - 1))
    length = data.draw(st.integers(1, 64))
    junk = data.draw(st.binary(min_size=length, max_size=length))
    path = base / "fuzz.xlsx"
    path.write_bytes(good[:position] + junk + good[position + length:])
    report = small_report()
    preview = preview_ledger(path, report)  # must return, whatever the bytes
    for problem in preview.problems:
        assert problem.message and problem.hint
    assert report == small_report()

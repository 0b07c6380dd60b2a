"""Reading and writing exchange files: lossless for the seeds, and a clear Chinese refusal for bad files."""

from __future__ import annotations

import json
import re

import pytest

from desktop.exchange import ExchangeError, dumps, loads, read_file, write_file
from desktop.exchange.fileformat import FILE_SUFFIX, MAX_FILE_BYTES

from .bad_files import BadFile, bad_files, more_bad_files
from .seed_text import DATA, SOURCES

SEED_FILES = sorted(SOURCES)
BAD = bad_files() + more_bad_files()
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _without_volatile(text: str) -> str:
    # exported_at is the moment of export; generator names the program version that wrote the file.
    document = json.loads(text)
    # checksum is derived from the report; the seeds were written before checksums existed.
    document.pop("checksum", None)
    del document["exported_at"], document["generator"]
    return json.dumps(document, ensure_ascii=False, indent=2)


def _volatile_lines_removed(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith(('  "exported_at"', '  "generator"', '  "checksum"'))]


@pytest.mark.parametrize("name", SEED_FILES)
def test_import_then_export_is_lossless(name):
    text = (DATA / name).read_text(encoding="utf-8")
    report = loads(text)
    again = dumps(report)
    assert loads(again) == report
    assert _volatile_lines_removed(again) == _volatile_lines_removed(text)
    assert _without_volatile(again) == _without_volatile(text)


@pytest.mark.parametrize("name", SEED_FILES)
def test_write_then_read_through_a_real_file(tmp_path, name):
    report = read_file(DATA / name)
    path = write_file(report, tmp_path / f"副本{FILE_SUFFIX}")
    assert path.exists() and path.read_bytes().decode("utf-8").startswith("{")
    assert read_file(path) == report
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind


def test_byte_order_mark_is_accepted(tmp_path):
    text = (DATA / SEED_FILES[0]).read_text(encoding="utf-8")
    path = tmp_path / "记事本另存.fulian.json"
    path.write_bytes(text.encode("utf-8-sig"))
    assert read_file(path) == loads(text)


def _refusal(tmp_path, bad: BadFile) -> ExchangeError:
    path = tmp_path / f"{bad.name}.fulian.json"
    path.write_text(bad.text, encoding="utf-8")
    with pytest.raises(ExchangeError) as caught:
        read_file(path)
    return caught.value


@pytest.mark.parametrize("bad", BAD, ids=[b.name for b in BAD])
def test_bad_file_is_refused_in_chinese_naming_the_field(tmp_path, bad):
    error = _refusal(tmp_path, bad)
    assert CHINESE.search(error.message), error.message
    assert error.field == bad.field
    for word in bad.words:
        assert word in error.message, (word, error.message)
    assert "Traceback" not in error.message and "recursion" not in error.message.lower()
    # No chained exception that a log or a crash dialog would print as a traceback.
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)


def test_huge_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "巨大.fulian.json"
    with open(path, "wb") as handle:  # sparse: takes no disk space
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ExchangeError, match="文件过大"):
        read_file(path)


def test_empty_file(tmp_path):
    path = tmp_path / "空.fulian.json"
    path.write_bytes(b"")
    with pytest.raises(ExchangeError, match="文件是空的"):
        read_file(path)
    with pytest.raises(ExchangeError, match="JSON"):
        loads("")


def test_utf16_file_with_byte_order_mark(tmp_path):
    path = tmp_path / "utf16.fulian.json"
    path.write_bytes((DATA / SEED_FILES[0]).read_text(encoding="utf-8").encode("utf-16"))
    with pytest.raises(ExchangeError, match="UTF-8"):
        read_file(path)


def test_utf16_file_without_byte_order_mark(tmp_path):
    # ASCII-only UTF-16-LE happens to be valid UTF-8 (with NULs): it must still be refused clearly.
    path = tmp_path / "utf16le.fulian.json"
    path.write_bytes('{"format": "fulian-desk/exchange", "version": 1}'.encode("utf-16-le"))
    with pytest.raises(ExchangeError) as caught:
        read_file(path)
    assert CHINESE.search(caught.value.message)


def test_gbk_file(tmp_path):
    path = tmp_path / "gbk.fulian.json"
    path.write_bytes((DATA / SEED_FILES[0]).read_text(encoding="utf-8").encode("gbk"))
    with pytest.raises(ExchangeError, match="UTF-8"):
        read_file(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ExchangeError, match="找不到文件"):
        read_file(tmp_path / "没有这个文件.fulian.json")
    with pytest.raises(ExchangeError, match="文件夹"):
        read_file(tmp_path)


def test_money_is_written_in_yuan_with_two_decimals():
    document = json.loads((DATA / SEED_FILES[0]).read_text(encoding="utf-8"))
    finance = document["report"]["finance"]
    assert finance["income_total"] == "2197000.00"
    assert finance["expenditure"]["basic"] == "764600.00"
    assert finance["income_lines"][1] == {"source": "其他收入", "amount": "0.00"}
    assert document["report"]["department_target"]["indicators"][0]["target"] == "90"


def test_an_oversized_number_is_not_echoed_whole(tmp_path):
    from .bad_files import seed_document

    document = seed_document()
    text = json.dumps(document, ensure_ascii=False)
    huge = "1." + "0" * 100_000
    text = text.replace('"fiscal_year": 2024', f'"fiscal_year": {huge}', 1)
    path = tmp_path / "huge.fulian.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ExchangeError) as caught:
        read_file(path)
    assert len(caught.value.message) < 300 and "100002 个字符" in caught.value.message


def test_a_file_from_before_the_beneficiary_unit_still_reads(tmp_path):
    """Files exported before the ledger had a unit of count carry no beneficiary_unit: same version, unit unstated."""
    document = json.loads((DATA / SEED_FILES[0]).read_text(encoding="utf-8"))
    for line in document["report"]["activities"]:
        del line["beneficiary_unit"]
    path = tmp_path / "旧文件.fulian.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    old = read_file(path)
    current = read_file(DATA / SEED_FILES[0])
    assert [a.beneficiaries for a in old.activities] == [a.beneficiaries for a in current.activities]
    assert all(a.beneficiary_unit is None for a in old.activities)
    assert {a.beneficiary_unit.value for a in current.activities if a.beneficiary_unit} == {"人", "人次", "户", "个"}


def test_a_unit_outside_the_list_is_refused_naming_the_line(tmp_path):
    document = json.loads((DATA / SEED_FILES[0]).read_text(encoding="utf-8"))
    document["report"]["activities"][6]["beneficiary_unit"] = "名"
    path = tmp_path / "手改.fulian.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ExchangeError) as caught:
        read_file(path)
    assert caught.value.field == "report.activities[6].beneficiary_unit"
    assert "“人次”" in caught.value.message and "名" in caught.value.message

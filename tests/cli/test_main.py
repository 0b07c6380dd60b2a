"""`fulian` from a terminal: list, import, export-data, with Chinese errors and exit codes."""

import json
import subprocess
import sys
from pathlib import Path

from desktop.exchange import report_checksum
from desktop.cli import EXIT_INPUT, EXIT_OK, main

ROOT = Path(__file__).resolve().parent.parent


def run(capsys, *args):
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_list_on_an_empty_database(capsys, db_locator):
    status, out, _ = run(capsys, "--db", db_locator, "list")
    assert status == EXIT_OK
    assert "还没有单位" in out
    from tests.db_dump import dump

    assert dump(db_locator)["units"] == []  # the database was created (file) or migrated (server)


def test_import_list_and_export(capsys, db_locator, seed_paths, tmp_path):
    for path in seed_paths:
        status, out, err = run(capsys, "--db", db_locator, "import", str(path))
        assert status == EXIT_OK, err
        assert "已导入" in out
    status, out, _ = run(capsys, "--db", db_locator, "list")
    assert "乐山市金口河区妇女联合会" in out and "2024 年度" in out
    assert "广州市黄埔区妇女联合会" in out and "2022 年度" in out

    target = tmp_path / "out.fulian.json"
    status, out, err = run(
        capsys, "--db", db_locator, "export-data", "--unit", "广州市黄埔区妇女联合会", "--year", "2022", str(target)
    )
    assert status == EXIT_OK, err
    exported = json.loads(target.read_text(encoding="utf-8"))
    original = json.loads(seed_paths[1].read_text(encoding="utf-8"))
    exported.pop("exported_at"), original.pop("exported_at")
    # The seed predates checksums; the export carries the checksum of the very same report.
    assert exported.pop("checksum") == report_checksum(original["report"])
    assert exported == original


def test_second_import_is_refused_then_replaced(capsys, db_locator, seed_paths):
    assert run(capsys, "--db", db_locator, "import", str(seed_paths[0]))[0] == EXIT_OK
    status, _, err = run(capsys, "--db", db_locator, "import", str(seed_paths[0]))
    assert status == EXIT_INPUT and "--replace" in err
    assert run(capsys, "--db", db_locator, "import", "--replace", str(seed_paths[0]))[0] == EXIT_OK


def test_bad_file_gives_a_chinese_message_and_status_2(capsys, db_locator, tmp_path):
    bad = tmp_path / "坏文件.fulian.json"
    bad.write_text('{"format": "fulian-desk/exchange", "version": 1, "report": {"unit": {}}}', encoding="utf-8")
    status, _, err = run(capsys, "--db", db_locator, "import", str(bad))
    assert status == EXIT_INPUT
    assert err.startswith("错误：") and "report.unit.name" in err and "Traceback" not in err
    assert "还没有单位" in run(capsys, "--db", db_locator, "list")[1]


def test_unknown_unit_is_named(capsys, db_locator):
    status, _, err = run(capsys, "--db", db_locator, "export-data", "--unit", "无此单位", "--year", "2024", "x.json")
    assert status == EXIT_INPUT and "找不到单位“无此单位”" in err


def test_runs_as_a_program(db_locator, seed_paths):
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--db", db_locator, "import", str(seed_paths[0])],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "已导入：乐山市金口河区妇女联合会 2024 年度" in result.stdout

"""`fulian validate FILE`: Chinese text grouped by report part or JSON; exit 0 clean, 1 errors, 2 unreadable."""

import json
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

from desktop.cli import main
from desktop.exchange import write_file

from tests.validation.builders import clean_report

ROOT = Path(__file__).resolve().parents[2]


def _file(tmp_path, report, name="r.fulian.json"):
    return str(write_file(report, tmp_path / name))


def test_clean_file_exits_0(tmp_path, capsys):
    assert main(["validate", _file(tmp_path, clean_report())]) == 0
    out = capsys.readouterr().out
    assert "测试区妇女联合会 2024 年度" in out and "未发现问题" in out


def test_errors_exit_1_grouped_by_section(tmp_path, capsys):
    report = clean_report()
    report.finance.income_total += D("1.00")
    report.problems = ["无"]
    report.activities[0].kind = "跳舞"
    assert main(["validate", _file(tmp_path, report)]) == 1
    out = capsys.readouterr().out
    assert "【财政资金收支】" in out and "【存在问题与改进措施】" in out and "【活动台账】" in out
    assert "[错误] INC-001  位置：report.finance.income_total" in out
    assert "处理：" in out
    assert out.index("【活动台账】") < out.index("【财政资金收支】") < out.index("【存在问题与改进措施】")


def test_warnings_only_exit_0(tmp_path, capsys):
    report = clean_report()
    report.activities[0].date = None
    assert main(["validate", _file(tmp_path, report)]) == 0
    assert "ACT-002" in capsys.readouterr().out


def test_json_output(tmp_path, capsys):
    report = clean_report()
    report.finance.carry_over_end = D("30000.00")
    assert main(["validate", _file(tmp_path, report), "--json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["summary"] == {"errors": 1, "warnings": 0, "infos": 0, "ok": False}
    assert document["issues"][0]["code"] == "BAL-001"
    assert document["issues"][0]["field"] == "report.finance.carry_over_end"
    assert document["issues"][0]["section"] == "财政资金收支"
    assert document["unit"] == "测试区妇女联合会" and document["outline"] == "sichuan"


def test_unreadable_file_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.fulian.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["validate", str(bad)]) == 2
    assert "错误：" in capsys.readouterr().err
    assert main(["validate", str(tmp_path / "missing.fulian.json")]) == 2
    assert "找不到文件" in capsys.readouterr().err


def test_no_source_exits_2(capsys):
    assert main(["validate"]) == 2
    assert "请指定数据文件" in capsys.readouterr().err


def test_unit_and_year_without_such_report_exits_2(tmp_path, capsys, db_locator):
    # With the storage layer: an empty database has no such unit. Without it: the command says so.
    assert main(["--db", db_locator, "validate", "--unit", "无此单位", "--year", "2024"]) == 2
    assert "错误：" in capsys.readouterr().err


def test_seed_files_through_a_real_process():
    for name in ("seed_000_jinkouhe_2024.fulian.json", "seed_004_huangpu_2022.fulian.json"):
        result = subprocess.run(
            [sys.executable, "-c", "import sys; from desktop.cli import main; sys.exit(main())",
             "validate", str(ROOT / "tests" / "data" / name), "--json"],
            cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["summary"]["errors"] == 0


def test_unit_and_year_from_the_database(tmp_path, capsys, db_locator):
    db = db_locator
    report = clean_report()
    report.problems = ["无"]
    assert main(["--db", db, "import", _file(tmp_path, report)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "validate", "--unit", "测试区妇女联合会", "--year", "2024"]) == 1
    out = capsys.readouterr().out
    assert "NAR-002" in out and "测试区妇女联合会 2024 年度" in out
    assert main(["--db", db, "validate", "--unit", "测试区妇女联合会", "--year", "2023"]) == 2
    assert "没有 2023 年度的报告" in capsys.readouterr().err


def test_a_typed_comparison_is_checked_against_last_years_stored_report(tmp_path, capsys, db_locator):
    """From the database, `validate` recomputes "比上年…" from the year before as the export prints it."""
    last_year = clean_report()
    last_year.fiscal_year = 2023
    last_year.finance.income_total = D("800000.00")
    this_year = clean_report()
    this_year.narratives.finance_comment = f"本年收入总计{this_year.finance.income_total / 10000:g}万元，比上年增加1万元。"
    for report, name in ((last_year, "a.fulian.json"), (this_year, "b.fulian.json")):
        assert main(["--db", db_locator, "import", _file(tmp_path, report, name)]) == 0
    capsys.readouterr()
    main(["--db", db_locator, "validate", "--unit", "测试区妇女联合会", "--year", "2024"])
    assert "NUM-003" in capsys.readouterr().out
    main(["validate", _file(tmp_path, this_year, "c.fulian.json")])
    assert "NUM-003" not in capsys.readouterr().out  # a file alone does not know last year

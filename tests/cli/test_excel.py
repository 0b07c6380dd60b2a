"""`fulian import-ledger / import-budget / template` on a real SQLite database and a real PostgreSQL server."""

import copy
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from desktop.domain.model import BeneficiaryUnit
from desktop.cli import EXIT_FAILED, EXIT_INPUT, EXIT_OK, main
from desktop.excel.templates import write_ledger
from desktop.storage import open_database

from tests.excel import test_safety
from tests.excel.helpers import LEDGER_HEADER, SEED_000, seed, workbook

UNIT = "乐山市金口河区妇女联合会"


def run(capsys, *args):
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def stored(db_locator):
    with open_database(db_locator) as db:
        unit = db.units().find(UNIT)
        return db.reports().get(unit.id, 2024)


@pytest.fixture
def loaded_db(db_locator, capsys):
    status, _, err = run(capsys, "--db", db_locator, "import", SEED_000)
    assert status == EXIT_OK, err
    return db_locator


def test_import_ledger_dry_run_then_apply_then_again(loaded_db, capsys, tmp_path):
    report = seed(SEED_000)
    ledger = write_ledger(report, tmp_path / "台账.xlsx")
    wb = load_workbook(ledger)
    wb["活动台账"].append(["2024-12-01", "宣讲", "年终普法宣讲", 2, 80, None, None, 300, None, "春蕾行动计划经费", None])
    wb["活动台账"].append(["2024.12.2", "慰问", "走访困难妇女", None, None, "12户", "户", "0.5万", None, None, None])
    wb.save(ledger)
    before = stored(loaded_db)

    status, out, err = run(capsys, "--db", loaded_db, "import-ledger", ledger, "--unit", UNIT, "--year", 2024, "--dry-run")
    assert status == EXIT_OK, err
    assert "将新增活动 2 条" in out and f"跳过 {len(report.activities)} 条" in out and "仅预览" in out
    assert stored(loaded_db) == before

    status, out, err = run(capsys, "--db", loaded_db, "import-ledger", ledger, "--unit", UNIT, "--year", 2024)
    assert status == EXIT_OK, err
    assert "已导入" in out
    after = stored(loaded_db)
    assert len(after.activities) == len(before.activities) + 2
    new = {a.title: a for a in after.activities}
    assert new["年终普法宣讲"].project_key == after.projects[0].key and new["年终普法宣讲"].money == Decimal("300.00")
    assert new["走访困难妇女"].money == Decimal("5000.00") and new["走访困难妇女"].beneficiaries == 12
    assert new["走访困难妇女"].beneficiary_unit is BeneficiaryUnit.HOUSEHOLD  # the drop-down's 户 is stored

    status, out, _ = run(capsys, "--db", loaded_db, "import-ledger", ledger, "--unit", UNIT, "--year", 2024)
    assert status == EXIT_OK and "将新增活动 0 条" in out
    assert stored(loaded_db) == after


def dump(db_locator) -> dict[str, list[tuple]]:
    """Every table's rows: the database's content, whatever the WAL checkpoints do to the file."""
    from tests.db_dump import dump as dump_rows

    return dump_rows(db_locator)


def _build(name, tmp_path, monkeypatch):
    build = test_safety.CORPUS[name][0]
    return build(tmp_path)


@pytest.mark.parametrize("name", list(test_safety.CORPUS))
def test_each_bad_file_leaves_the_database_unchanged(loaded_db, capsys, tmp_path, monkeypatch, name):
    path = _build(name, tmp_path, monkeypatch)
    before = stored(loaded_db)
    rows_before = dump(loaded_db)
    for command in ("import-ledger", "import-budget"):
        status, out, _ = run(capsys, "--db", loaded_db, command, path, "--unit", UNIT, "--year", 2024)
        assert status in (EXIT_FAILED, EXIT_INPUT)  # 2 when the file cannot be read at all
        assert "未导入任何数据" in out and "。。" not in out
        for word in test_safety.CORPUS[name][1] if command == "import-ledger" else []:
            assert word in out
    assert stored(loaded_db) == before
    assert dump(loaded_db) == rows_before


def test_a_file_with_one_bad_row_among_many_imports_nothing(loaded_db, capsys, tmp_path):
    rows = [LEDGER_HEADER] + [[f"2024-05-{1 + i % 28:02d}", "培训", f"培训{i}", 1, 20] for i in range(500)]
    rows[400][4] = "二十"
    path = workbook(tmp_path / "一处错.xlsx", rows)
    before, rows_before = stored(loaded_db), dump(loaded_db)
    status, out, _ = run(capsys, "--db", loaded_db, "import-ledger", path, "--unit", UNIT, "--year", 2024)
    assert status == EXIT_FAILED
    assert dump(loaded_db) == rows_before
    assert "工作表“活动台账” 第 401 行 E 列（参与人次）：“二十”不是整数" in out
    assert stored(loaded_db) == before


def test_import_budget_and_templates(loaded_db, capsys, tmp_path):
    template = tmp_path / "预算.xlsx"
    status, out, err = run(capsys, "--db", loaded_db, "template", "budget", template, "--unit", UNIT, "--year", 2024)
    assert status == EXIT_OK, err
    wb = load_workbook(template)
    for row in wb["收入支出"].iter_rows(min_row=2):
        if row[0].value == "人员经费":
            row[1].value = 600000
        if row[0].value == "公用经费":
            row[1].value = 164600
    wb.save(template)
    status, out, err = run(capsys, "--db", loaded_db, "import-budget", template, "--unit", UNIT, "--year", 2024)
    assert status == EXIT_OK, err
    assert "将填入 2 项金额" in out
    report = stored(loaded_db)
    assert (report.finance.expenditure.personnel, report.finance.expenditure.public) == (Decimal("600000.00"), Decimal("164600.00"))

    ledger_template = tmp_path / "台账模板.xlsx"
    status, out, _ = run(capsys, "--db", loaded_db, "template", "ledger", ledger_template, "--unit", UNIT, "--year", 2024)
    assert status == EXIT_OK and "已生成活动台账模板" in out
    assert load_workbook(ledger_template)["选项"]["B2"].value == report.tasks[0].title


def test_template_without_database_and_bad_requests(capsys, tmp_path):
    status, out, _ = run(capsys, "template", "ledger", tmp_path / "t.xlsx")
    assert status == EXIT_OK and (tmp_path / "t.xlsx").exists()
    status, _, err = run(capsys, "template", "ledger", tmp_path / "t.xls")
    assert status == EXIT_INPUT and ".xlsx" in err
    status, _, err = run(capsys, "template", "budget", tmp_path / "b.xlsx", "--unit", "某妇联")
    assert status == EXIT_INPUT and "一起指定" in err


def test_unknown_unit_is_a_chinese_error(loaded_db, capsys, tmp_path):
    path = workbook(tmp_path / "x.xlsx", [LEDGER_HEADER, ["2024-03-08", "培训", "技能培训"]])
    status, _, err = run(capsys, "--db", loaded_db, "import-ledger", path, "--unit", "没有的单位", "--year", 2024)
    assert status == EXIT_INPUT and "找不到单位" in err


def test_the_report_object_given_is_never_changed(loaded_db, tmp_path):
    from desktop.excel.ledger_import import apply, preview_ledger

    report = stored(loaded_db)
    keep = copy.deepcopy(report)
    path = workbook(tmp_path / "x.xlsx", [LEDGER_HEADER, ["2024-03-08", "培训", "新培训"]])
    updated = apply(preview_ledger(path, report), report)
    assert report == keep and len(updated.activities) == len(report.activities) + 1


def _refuse_row(db, title: str) -> None:
    """Make the database itself refuse one ledger line, after the lines before it went in."""
    from sqlalchemy import text

    with db.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.execute(text(f"CREATE TRIGGER refuse BEFORE INSERT ON activities WHEN NEW.title = '{title}' "
                              "BEGIN SELECT RAISE(ABORT, 'disk went away'); END"))
        else:
            conn.execute(text("CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN "
                              "RAISE EXCEPTION 'disk went away'; END $$ LANGUAGE plpgsql"))
            conn.execute(text(f"CREATE TRIGGER refuse BEFORE INSERT ON activities FOR EACH ROW "
                              f"WHEN (NEW.title = '{title}') EXECUTE FUNCTION refuse()"))


def test_a_failure_while_saving_writes_none_of_the_rows(loaded_db, tmp_path):
    """The import is saved in one transaction: when the database fails on the 151st line, after the
    150 before it were written, none of them stays."""
    from desktop.excel.ledger_import import apply, preview_ledger
    from desktop.services.workspace import Workspace

    rows = [LEDGER_HEADER] + [[f"2024-06-{1 + i % 28:02d}", "培训", f"培训{i}", 1, 20] for i in range(200)]
    path = workbook(tmp_path / "多.xlsx", rows)
    with open_database(loaded_db) as db:
        _refuse_row(db, "培训150")
    before = dump(loaded_db)
    with open_database(loaded_db) as db:
        workspace = Workspace(db)
        report = workspace.open_report(UNIT, 2024)
        updated = apply(preview_ledger(path, report), report)
        with pytest.raises(Exception, match="disk went away"):
            workspace.save(updated)
    assert dump(loaded_db) == before


def test_formulas_never_calculated_are_refused_naming_the_cells(loaded_db, capsys, tmp_path):
    # openpyxl, like other programs that write .xlsx without calculating, stores the formula and no
    # result: read as values the cells would be blank and the amounts stored as nothing.
    report = seed(SEED_000)
    ledger = write_ledger(report, tmp_path / "台账.xlsx")
    wb = load_workbook(ledger)
    sheet = wb["活动台账"]
    sheet.append(["2024-12-01", "宣讲", "年终普法宣讲", 2, "=D{0}*40".format(sheet.max_row + 1), None, None, "=100*3", None, None, None])
    row = sheet.max_row
    wb.save(ledger)
    before = dump(loaded_db)
    status, out, err = run(capsys, "--db", loaded_db, "import-ledger", ledger, "--unit", UNIT, "--year", 2024)
    assert status == EXIT_INPUT, out
    assert f"E{row}、H{row}" in out and "公式还没有计算出结果" in out
    assert "用 Excel/WPS 打开并保存一次后再导入。文件未被导入" in out and "Traceback" not in out + err
    assert dump(loaded_db) == before


def test_formulas_with_saved_results_import_their_values(loaded_db, capsys, tmp_path):
    # The same file once LibreOffice has calculated and saved it: the results are taken.
    import shutil
    import subprocess

    report = seed(SEED_000)
    ledger = write_ledger(report, tmp_path / "台账.xlsx")
    wb = load_workbook(ledger)
    sheet = wb["活动台账"]
    sheet.append(["2024-12-01", "宣讲", "年终普法宣讲", 2, "=D{0}*40".format(sheet.max_row + 1), None, None, "=100*3", None, None, None])
    wb.save(ledger)
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    out_dir = tmp_path / "saved"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out_dir), str(ledger)],
        check=True, capture_output=True, timeout=180,
    )
    status, out, err = run(capsys, "--db", loaded_db, "import-ledger", out_dir / "台账.xlsx", "--unit", UNIT, "--year", 2024)
    assert status == EXIT_OK, err
    added = next(a for a in stored(loaded_db).activities if a.title == "年终普法宣讲")
    assert added.participants == 80 and added.money == Decimal("300.00")

"""Collecting township files at the district: exact status, replacements, refusals, and the summary totals."""

from __future__ import annotations

import zipfile
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from desktop.cli import EXIT_FAILED, EXIT_OK, main
from desktop.domain.district import UNSTATED_UNIT, SubmissionState
from desktop.exchange import read_file
from desktop.services import collect, district
from desktop.services.collect import Outcome

from ..excel.helpers import recalculate_to_csv
from .township_files import DISTRICT, YEAR, make_township_files, township_report, write_report

N = 5


def run(capsys, *args):
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def _sums(reports):
    """The district's totals computed here from the reports written, independently of the program."""
    activities = sessions = participants = 0
    beneficiaries: dict[str, int] = {}  # by unit of count: 人 and 户 are never added
    money = Decimal(0)
    by_kind: dict[str, int] = {}
    for report in reports:
        for a in report.activities:
            activities += 1
            sessions += a.sessions or 0
            participants += a.participants or 0
            if a.beneficiaries is not None:
                unit = a.beneficiary_unit.value if a.beneficiary_unit else UNSTATED_UNIT
                beneficiaries[unit] = beneficiaries.get(unit, 0) + a.beneficiaries
            money += a.money or 0
            by_kind[a.kind] = by_kind.get(a.kind, 0) + (a.sessions or 0)
    return activities, sessions, participants, beneficiaries, money, by_kind


@pytest.fixture
def files(tmp_path):
    return make_township_files(tmp_path / "收到的文件", N)


def test_collecting_a_folder_gives_the_exact_status(capsys, db_locator, workspace, files, tmp_path):
    # The district lists the township whose file will arrive hand-edited, and one that never reports.
    district.add_township(workspace, DISTRICT, files.hand_edited_township)
    district.add_township(workspace, DISTRICT, "未报送乡妇联")
    status, out, err = run(capsys, "--db", db_locator, "collect", tmp_path / "收到的文件", "--district", DISTRICT, "--year", YEAR)
    assert status == EXIT_FAILED, err  # some files were refused: the command says so by its status
    for name in files.good:
        assert f"已新增乡镇（街道）：{name}" in out
    assert f"{files.damaged}：拒收" in out and "不是有效的 JSON" in out
    assert f"{files.hand_edited}：拒收" in out and "校验码不符" in out
    assert f"{files.other_year}：拒收" in out and "2023 年度" in out
    assert f"{files.older_duplicate}：旧于已收文件" in out
    assert f"导入 {N} 个" in out

    rows = {r.township.name: r for r in district.district_status(workspace, DISTRICT, YEAR)}
    assert set(rows) == set(files.good) | {files.hand_edited_township, "未报送乡妇联"}
    for name, report in files.good.items():
        row = rows[name]
        assert row.state is SubmissionState.SUBMITTED
        assert row.submission.integrity == "VERIFIED"
        assert row.figures.totals.activities == len(report.activities)
        assert row.figures.totals.participants == sum(a.participants or 0 for a in report.activities)
    assert rows["未报送乡妇联"].state is SubmissionState.MISSING
    faulty = rows[files.hand_edited_township]
    assert faulty.state is SubmissionState.FAULTY and faulty.submission.rule_codes == ("FILE-CHECKSUM",)
    # The township whose older file came along keeps the newer one (the generator dropped a line from the old).
    newest = files.good[files.older_duplicate_township]
    stored = workspace.open_report(files.older_duplicate_township, YEAR)
    assert len(stored.activities) == len(newest.activities)


def test_summary_totals_equal_the_sums_of_the_files_and_libreoffice_agrees(capsys, db_locator, workspace, files, tmp_path):
    assert run(capsys, "--db", db_locator, "collect", tmp_path / "收到的文件", "--district", DISTRICT, "--year", YEAR)[0] == EXIT_FAILED
    out_path = tmp_path / "汇总.xlsx"
    status, out, err = run(capsys, "--db", db_locator, "summary", "--district", DISTRICT, "--year", YEAR, "--out", out_path)
    assert status == EXIT_OK, err
    activities, sessions, participants, beneficiaries, money, by_kind = _sums(files.good.values())
    summary = district.district_summary(workspace, DISTRICT, YEAR)
    totals = summary.totals
    assert (totals.activities, totals.sessions, totals.participants) == (activities, sessions, participants)
    assert totals.beneficiaries == beneficiaries and totals.money == money
    assert set(beneficiaries) == {"人", "人次", "户", "个"}  # the seed's ledger states every unit
    assert {k: t.sessions for k, t in summary.by_kind.items()} == by_kind
    assert f"共开展活动{activities}项{sessions}场" in out

    sheets = recalculate_to_csv(out_path, tmp_path / "csv")
    townships = sheets["各乡镇"]
    header, total = townships[1], townships[-1]
    assert total[0] == "合计"
    assert int(total[header.index("活动数")]) == activities
    assert int(total[header.index("参与人次")]) == participants
    for unit, count in beneficiaries.items():
        assert int(total[header.index(f"受益（{unit}）")]) == count
    assert Decimal(total[header.index("活动金额（元）")].replace(",", "")) == money
    kinds = sheets["按活动类别"]
    kind_header = kinds[1]
    assert int(kinds[-1][kind_header.index("场次")]) == sessions
    assert {r[0]: int(r[kind_header.index("场次")]) for r in kinds[2:-1]} == by_kind
    # The cells hold formulas, not typed totals.
    import openpyxl

    sheet = openpyxl.load_workbook(out_path)["各乡镇"]
    assert str(sheet.cell(sheet.max_row, 3).value).startswith("=SUM(")


def test_a_newer_file_replaces_the_older_after_a_preview(capsys, db_locator, workspace, tmp_path):
    from ..conftest import SEED_000

    base = read_file(SEED_000)
    first = township_report(base, 0)
    folder = tmp_path / "第一次"
    folder.mkdir()
    when = datetime(2025, 3, 1, tzinfo=timezone.utc)
    write_report(first, folder / "a.fulian.json", when)
    assert run(capsys, "--db", db_locator, "collect", folder, "--district", DISTRICT, "--year", YEAR)[0] == EXIT_OK
    second = township_report(base, 0)
    second.activities = second.activities[:-2]
    folder2 = tmp_path / "第二次"
    folder2.mkdir()
    write_report(second, folder2 / "b.fulian.json", when + timedelta(days=3))
    status, out, _ = run(capsys, "--db", db_locator, "collect", folder2, "--district", DISTRICT, "--year", YEAR, "--dry-run")
    assert "替换旧文件" in out
    assert f"活动数：{len(first.activities)} → {len(second.activities)}" in out
    assert len(workspace.open_report(first.unit.name, YEAR).activities) == len(first.activities)  # dry run
    status, out, _ = run(capsys, "--db", db_locator, "collect", folder2, "--district", DISTRICT, "--year", YEAR)
    assert status == EXIT_OK
    assert len(workspace.open_report(first.unit.name, YEAR).activities) == len(second.activities)


def test_a_zip_and_single_files_are_collected_and_another_district_is_refused(workspace, files, tmp_path):
    archive = tmp_path / "乡镇报送.zip"
    names = list(files.good)[:2]
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for name in names:
            z.write(tmp_path / "收到的文件" / f"{name}_{YEAR}_20250301.fulian.json", f"{name}.fulian.json")
    other = township_report(read_file(tmp_path / "收到的文件" / f"{names[0]}_{YEAR}_20250301.fulian.json"), 7)
    other.unit.superior = "峨边县妇联"
    stray = write_report(other, tmp_path / "外区.fulian.json", datetime(2025, 3, 2, tzinfo=timezone.utc))
    plan = collect.plan_collection(workspace, DISTRICT, YEAR, collect.gather([archive, stray]))
    outcomes = {f.source: f.outcome for f in plan.files}
    assert outcomes == {
        f"乡镇报送.zip/{names[0]}.fulian.json": Outcome.NEW_TOWNSHIP,
        f"乡镇报送.zip/{names[1]}.fulian.json": Outcome.NEW_TOWNSHIP,
        "外区.fulian.json": Outcome.REFUSED,
    }
    assert "峨边县妇联" in next(f.reason for f in plan.files if f.outcome is Outcome.REFUSED)
    result = collect.apply_collection(workspace, plan, accept_new_townships=lambda name: name == names[0])
    assert [f.township for f in result.imported] == [names[0]]
    assert [t.name for t in district.townships(workspace, DISTRICT)] == [names[0]]


def test_a_zip_bomb_is_refused_by_the_shared_limits(workspace, tmp_path):
    from desktop.excel import safety

    archive = tmp_path / "炸弹.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.fulian.json", b"0" * (safety.RATIO_FLOOR * 2 + safety.MAX_RATIO * 4096))
    plan = collect.plan_collection(workspace, DISTRICT, YEAR, collect.gather([archive]))
    assert [f.outcome for f in plan.files] == [Outcome.REFUSED]
    assert "压缩炸弹" in plan.files[0].reason


def test_townships_are_added_renamed_and_retired(capsys, db_locator, workspace):
    assert run(capsys, "--db", db_locator, "township", "add", "甲乡妇联", "--district", DISTRICT)[0] == EXIT_OK
    assert run(capsys, "--db", db_locator, "township", "add", "乙镇妇联", "--district", DISTRICT)[0] == EXIT_OK
    status, out, _ = run(capsys, "--db", db_locator, "township", "rename", "甲乡妇联", "甲镇妇联", "--district", DISTRICT)
    assert status == EXIT_OK and "甲镇妇联" in out
    status, out, _ = run(capsys, "--db", db_locator, "township", "retire", "乙镇妇联", "--district", DISTRICT)
    assert "乙镇妇联（已撤销）" in out
    rows = district.district_status(workspace, DISTRICT, YEAR)
    assert [(r.township.name, r.state) for r in rows] == [("甲镇妇联", SubmissionState.MISSING)]
    status, _, err = run(capsys, "--db", db_locator, "township", "rename", "丙乡妇联", "丁乡妇联", "--district", DISTRICT)
    assert status == 2 and "没有乡镇（街道）“丙乡妇联”" in err

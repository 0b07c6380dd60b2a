"""ReportRepository: whole reports round-trip exactly, saves replace wholly and fail without a trace."""

from __future__ import annotations

import copy
import dataclasses
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desktop.domain.model import Activity, Indicator, Report, Unit
from desktop.storage import (
    DuplicateReportError,
    InvalidReportError,
    ReportChangedError,
    ReportNotFoundError,
    open_database,
)

from .sample import activity, rich_report

TABLES = (
    "units reports report_profiles report_finances report_texts leadership_posts work_tasks activities "
    "income_lines three_public_lines projects indicators narratives"
).split()


def table_counts(db) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES}


def dump(db) -> dict[str, list]:
    """Every row of every table, to compare the database before and after a failed save."""
    with db.engine.connect() as conn:
        return {t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY 1, 2"))] for t in TABLES}


def _non_default_fields(obj, path: str, missing: list[str]) -> None:
    for f in dataclasses.fields(obj):
        if f.name in ("id", "revision"):
            continue  # set by storage, not by the sample
        if f.name == "blocks" and path.count(".blocks") >= 2:
            continue  # a tree ends somewhere: blocks three deep are enough
        value = getattr(obj, f.name)
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING and f.name != "key":
            default = f.default_factory()
        else:
            default = object()  # required field or generated key: any value is "set"
        if value == default or value in ([], None, ""):
            missing.append(f"{path}.{f.name}")
        items = value if isinstance(value, list) else [value]
        for item in items[:1]:
            if dataclasses.is_dataclass(item):
                _non_default_fields(item, f"{path}.{f.name}", missing)


def test_sample_report_sets_every_field():
    # The round trip below proves something only if the sample leaves no field at its default.
    missing: list[str] = []
    _non_default_fields(rich_report(), "report", missing)
    assert missing == []


def test_rich_report_round_trips_equal(db):
    report = rich_report()
    saved = db.reports().save(report)
    assert saved is report and report.id is not None and report.unit.id is not None

    loaded = db.reports().get(report.unit.id, 2024)

    assert loaded == report
    assert loaded is not report
    # Exactness the == above relies on, spelled out:
    assert loaded.projects[0].execution_weight == Decimal("12.5")
    assert str(loaded.self_evaluation.indicators[0].actual) == "6.125"
    assert loaded.finance.income_lines[1].amount == Decimal("0.01")
    assert loaded.finance.carry_over_end == Decimal("-5.67")
    assert loaded.narratives.achievements[0].blocks[0].blocks[0].text == "三层"


def test_money_is_stored_as_integer_fen_and_decimals_as_exact_text(db):
    report = db.reports().save(rich_report())
    typeof = "pg_typeof({})::text" if db.is_shared else "typeof({})"
    with db.engine.connect() as conn:
        money = conn.execute(
            text(f"SELECT money_fen, {typeof.format('money_fen')} FROM activities WHERE key = 'act000001'")
        ).one()
        weight = conn.execute(
            text(f"SELECT execution_weight, {typeof.format('execution_weight')} FROM projects WHERE key='proj1'")
        ).one()
    assert tuple(money) == (138, "bigint" if db.is_shared else "integer")  # 1.38 元
    assert tuple(weight) == ("12.5", "text")
    assert report.activities[1].money == Decimal("1.38")


def test_get_of_missing_report_is_none(db):
    assert db.reports().get(1, 2024) is None
    unit = db.units().add(Unit(name="某妇联"))
    assert db.reports().get(unit.id, 2024) is None


def test_many_units_and_years_in_one_database(db):
    names = ["乙妇联", "甲妇联", "丙妇联"]
    saved = {}
    for name in names:
        for year in (2022, 2023, 2024):
            report = rich_report(unit_name=name, year=year)
            report.title = f"{name}-{year}"
            saved[(name, year)] = db.reports().save(report)

    units = db.units().list()
    assert [u.name for u in units] == sorted(names)
    assert len({u.id for u in units}) == 3  # one unit per name, found again on every later save
    for unit in units:
        assert db.reports().list_years(unit.id) == [2022, 2023, 2024]
        for year in (2022, 2023, 2024):
            assert db.reports().get(unit.id, year) == saved[(unit.name, year)]
    entries = db.reports().list_all()
    assert [(u.name, y, s) for u, y, s in entries] == [(n, y, "final") for n in sorted(names) for y in (2022, 2023, 2024)]


def test_save_replaces_wholly(db):
    report = db.reports().save(rich_report(activities=10))
    first_id = report.id
    before = table_counts(db)

    report.activities = report.activities[:2]
    report.projects = report.projects[1:]  # drops proj1 and its two indicators
    report.self_evaluation.indicators = []
    report.profile.internal_bodies = ["办公室"]
    report.narratives.achievements = []
    report.narratives.conclusion = ""
    report.problems = []
    report.tasks[0].title = "改过的任务"
    db.reports().save(report)

    assert report.id == first_id  # replaced in place: the ledger's report_id stays valid
    assert db.reports().get(report.unit.id, 2024) == report
    after = table_counts(db)
    assert after["activities"] == 2 and before["activities"] == 10
    assert after["projects"] == 1
    assert after["indicators"] == before["indicators"] - 2 - 3
    assert after["narratives"] == before["narratives"] - 2
    assert after["reports"] == 1 and after["units"] == 1


def test_save_without_id_replaces_the_same_unit_and_year_only_when_asked(db):
    first = db.reports().save(rich_report())
    again = rich_report(activities=1)  # as an import with "replace" delivers it: no ids at all
    again.title = "覆盖"
    with pytest.raises(DuplicateReportError):
        db.reports().save(again)
    assert db.reports().get(first.unit.id, 2024) == first
    db.reports().save(again, replace=True)
    assert again.id == first.id and again.unit.id == first.unit.id
    assert again.revision == first.revision + 1
    assert db.reports().get(first.unit.id, 2024) == again
    assert table_counts(db)["activities"] == 1


def test_saving_a_report_does_not_change_its_shared_unit(db):
    unit = db.units().add(Unit(name="黄埔区妇联", superior="广州市妇联"))
    report = Report(unit=Unit(name="黄埔区妇联", superior="别的上级"), fiscal_year=2022)
    db.reports().save(report)
    assert report.unit.id == unit.id
    assert report.unit.superior == "广州市妇联"  # refreshed from the stored unit
    assert db.units().get(unit.id).superior == "广州市妇联"
    assert db.reports().get(unit.id, 2022) == report


def test_failure_mid_save_leaves_database_and_report_unchanged(db):
    good = db.reports().save(rich_report(activities=50))
    before = dump(db)
    # A real failure after the report row, the deletions and part of the ledger have been written.
    with db.engine.begin() as conn:
        if db.is_shared:
            conn.execute(text(
                "CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "IF NEW.title = 'BOOM' THEN RAISE EXCEPTION 'boom' USING ERRCODE = 'check_violation'; END IF; "
                "RETURN NEW; END $$"
            ))
            conn.execute(text("CREATE TRIGGER boom BEFORE INSERT ON activities FOR EACH ROW EXECUTE FUNCTION boom()"))
        else:
            conn.execute(text(
                "CREATE TRIGGER boom BEFORE INSERT ON activities WHEN NEW.title = 'BOOM' "
                "BEGIN SELECT RAISE(ABORT, 'boom'); END"
            ))

    changed = copy.deepcopy(good)
    changed.title = "改了标题"
    changed.tasks = []
    changed.activities[40] = Activity(title="BOOM", key="boom")
    with pytest.raises(IntegrityError):
        db.reports().save(changed)
    assert dump(db) == before
    assert db.reports().get(good.unit.id, 2024) == good

    # A new report for a new unit: neither is left behind, and the objects get no ids.
    fresh = rich_report(unit_name="新单位", year=2030)
    fresh.activities.append(Activity(title="BOOM", key="boom"))
    with pytest.raises(IntegrityError):
        db.reports().save(fresh)
    assert fresh.id is None and fresh.unit.id is None
    assert dump(db) == before
    assert db.units().find("新单位") is None


def test_money_finer_than_fen_is_refused_and_nothing_written(db):
    db.reports().save(rich_report())
    before = dump(db)
    report = rich_report()
    report.activities[2].money = Decimal("1.005")
    with pytest.raises(ValueError, match="分"):
        db.reports().save(report, replace=True)
    assert dump(db) == before


def test_duplicate_keys_are_refused_before_writing(db):
    report = rich_report()
    report.activities.append(activity(0))  # same key as activities[0]
    with pytest.raises(InvalidReportError) as caught:
        db.reports().save(report)
    assert "活动编号“act000000”" in caught.value.message
    assert table_counts(db)["reports"] == 0


def test_moving_a_report_onto_an_existing_year_is_refused(db):
    db.reports().save(rich_report(year=2023))
    report = db.reports().save(rich_report(year=2024))
    report.fiscal_year = 2023
    with pytest.raises(DuplicateReportError) as caught:
        db.reports().save(report)
    assert "2023" in caught.value.message
    assert db.reports().list_years(report.unit.id) == [2023, 2024]


def test_changing_the_year_of_a_report_keeps_its_id(db):
    report = db.reports().save(rich_report(year=2024))
    report_id = report.id
    report.fiscal_year = 2025
    db.reports().save(report)
    assert report.id == report_id
    assert db.reports().list_years(report.unit.id) == [2025]


def test_delete_report_removes_every_row_behind_it(db):
    keep = db.reports().save(rich_report(year=2023))
    counts_one = table_counts(db)
    gone = db.reports().save(rich_report(year=2024))
    assert db.reports().delete(gone.unit.id, 2024) is True
    assert db.reports().delete(gone.unit.id, 2024) is False
    assert table_counts(db) == counts_one
    assert db.reports().get(keep.unit.id, 2023) == keep


# ------------------------------------------------------------------ the ledger line by line


def test_save_activity_inserts_at_the_end_and_updates_in_place(db):
    report = db.reports().save(rich_report(activities=3))
    repo = db.reports()

    added = Activity(title="新活动", money=Decimal("99.99"), key="new1")
    repo.save_activity(report.id, added)
    changed = copy.deepcopy(report.activities[0])
    changed.title = "改名"
    changed.money = None
    changed.date = None
    repo.save_activity(report.id, changed)

    loaded = repo.get(report.unit.id, 2024)
    assert [a.key for a in loaded.activities] == ["act000000", "act000001", "act000002", "new1"]
    assert loaded.activities[0] == changed
    assert loaded.activities[3] == added
    # Everything else in the report is untouched.
    report.activities = [changed, *report.activities[1:], added]
    assert loaded == report


def test_delete_activity(db):
    report = db.reports().save(rich_report(activities=3))
    assert db.reports().delete_activity(report.id, "act000001") is True
    assert db.reports().delete_activity(report.id, "act000001") is False
    loaded = db.reports().get(report.unit.id, 2024)
    assert [a.key for a in loaded.activities] == ["act000000", "act000002"]
    db.reports().save_activity(report.id, Activity(title="后加", key="later"))
    assert [a.key for a in db.reports().get(report.unit.id, 2024).activities][-1] == "later"


def test_ledger_operations_on_a_deleted_report_are_refused(db):
    report = db.reports().save(rich_report())
    db.reports().delete(report.unit.id, 2024)
    with pytest.raises(ReportNotFoundError) as caught:
        db.reports().save_activity(report.id, Activity(title="x"))
    assert "已不在数据库中" in caught.value.message
    with pytest.raises(ReportNotFoundError):
        db.reports().delete_activity(report.id, "act000000")
    assert table_counts(db)["activities"] == 0


def test_reports_survive_closing_and_reopening(db_locator, open_db):
    first = open_db(db_locator)
    report = first.reports().save(rich_report())
    first.close()
    with open_db(db_locator) as second:
        assert second.reports().get(report.unit.id, 2024) == report
        assert second.backup is None  # already at head: no upgrade, no backup


def test_indicator_scopes_are_kept_apart(db):
    report = rich_report()
    report.department_target.indicators = [Indicator(name="甲", key="same")]
    report.self_evaluation.indicators = [Indicator(name="乙", key="same")]
    report.projects[1].indicators = [Indicator(name="丙", key="same")]
    db.reports().save(report)
    loaded = db.reports().get(report.unit.id, 2024)
    assert [i.name for i in loaded.department_target.indicators] == ["甲"]
    assert [i.name for i in loaded.self_evaluation.indicators] == ["乙"]
    assert [[i.name for i in p.indicators] for p in loaded.projects] == [["资助人数", "满意度"], ["丙"]]


# ------------------------------------------------------------------ revisions: no lost update


def test_every_write_raises_the_revision(db):
    report = db.reports().save(rich_report())
    assert report.revision == 1
    report.title = "改"
    db.reports().save(report)
    assert report.revision == 2
    db.reports().save_activity(report, Activity(title="后加", key="later"))
    assert report.revision == 3
    assert db.reports().delete_activity(report, "later") and report.revision == 4
    assert not db.reports().delete_activity(report, "later") and report.revision == 4  # nothing written
    assert db.reports().revision(report.unit.id, 2024) == 4 == db.reports().get(report.unit.id, 2024).revision


def test_a_stale_copy_is_refused_and_writes_nothing(db):
    db.reports().save(rich_report())
    unit_id = db.units().list()[0].id
    mine = db.reports().get(unit_id, 2024)
    theirs = db.reports().get(unit_id, 2024)
    theirs.title = "别处的修改"
    db.reports().save(theirs)
    before = dump(db)

    mine.title = "我的修改"
    with pytest.raises(ReportChangedError) as caught:
        db.reports().save(mine)
    assert "重新载入" in caught.value.message and not caught.value.deleted
    with pytest.raises(ReportChangedError):
        db.reports().save_activity(mine, Activity(title="我加的", key="mine"))
    mine_line = mine.activities[0].key
    with pytest.raises(ReportChangedError):
        db.reports().delete_activity(mine, mine_line)
    assert dump(db) == before
    assert db.reports().get(unit_id, 2024).title == "别处的修改"
    assert mine.revision == 1  # the refused copy still names what it was loaded at


def test_a_replacing_import_makes_open_copies_stale(db):
    open_copy = db.reports().save(rich_report())
    db.reports().save(rich_report(activities=1), replace=True)
    open_copy.title = "旧窗口"
    with pytest.raises(ReportChangedError):
        db.reports().save(open_copy)


def test_a_copy_of_a_deleted_report_is_refused(db):
    report = db.reports().save(rich_report())
    db.reports().delete(report.unit.id, 2024)
    with pytest.raises(ReportChangedError) as caught:
        db.reports().save(report)
    assert caught.value.deleted and "已被删除" in caught.value.message
    assert db.reports().get(report.unit.id, 2024) is None


def test_two_programs_on_one_revision_only_one_wins(db_locator, open_db):
    with open_db(db_locator) as first, open_db(db_locator) as second:
        first.reports().save(rich_report())
        unit_id = first.units().list()[0].id
        a = first.reports().get(unit_id, 2024)
        b = second.reports().get(unit_id, 2024)
        a.title, b.title = "甲", "乙"
        first.reports().save(a)
        with pytest.raises(ReportChangedError):
            second.reports().save(b)
        assert second.reports().get(unit_id, 2024).title == "甲"

"""The save policy: ledger lines and the unit at once, the rest after a pause, all on disk."""

from datetime import date
from decimal import Decimal

from desktop.domain.model import Activity, Report, Unit
from desktop.services.editing import SAVE_DELAY_SECONDS, EditSession, SaveState
from desktop.storage import open_database


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def stored(db_locator, unit_id, year=2024):
    with open_database(db_locator) as fresh:
        return fresh.reports().get(unit_id, year)


def new_session(database, clock):
    report = database.reports().save(Report(unit=Unit(name="某妇联"), fiscal_year=2024))
    return EditSession(database, report, clock=clock)


def test_ledger_lines_are_saved_the_moment_they_change(database, db_locator):
    session = new_session(database, Clock())
    line = Activity(title="巾帼宣讲", date=date(2024, 3, 8), participants=120)
    session.insert("report.activities", 0, line)
    assert not session.dirty and session.state is SaveState.SAVED
    assert stored(db_locator, session.report.unit.id).activities[0].title == "巾帼宣讲"
    session.set("report.activities[0].money", Decimal("1500.00"))
    assert stored(db_locator, session.report.unit.id).activities[0].money == Decimal("1500.00")
    session.remove("report.activities", 0)
    assert stored(db_locator, session.report.unit.id).activities == []


def test_other_fields_wait_for_a_pause_then_save_whole(database, db_locator):
    clock = Clock()
    session = new_session(database, clock)
    change = session.set("report.finance.carry_over_start", Decimal("10.00"))
    assert change.old is None and change.new == Decimal("10.00")
    assert session.dirty and session.state is SaveState.PENDING and not session.save_due()
    assert stored(db_locator, session.report.unit.id).finance.carry_over_start is None
    clock.now += SAVE_DELAY_SECONDS
    assert session.save_due()
    assert session.flush() and session.saves == 1 and session.state is SaveState.SAVED
    assert stored(db_locator, session.report.unit.id).finance.carry_over_start == Decimal("10.00")
    assert session.flush() and session.saves == 1  # nothing more to save


def test_the_unit_is_updated_in_its_own_table(database):
    session = new_session(database, Clock())
    session.set("report.unit.superior", "乐山市妇联")
    assert not session.dirty
    assert database.units().get(session.report.unit.id).superior == "乐山市妇联"


def test_a_failed_save_is_reported_and_retried(db_path):
    database = open_database(db_path)
    session = new_session(database, Clock())
    session.set("report.problems", ["经费不足"])
    database.close()
    db_path.parent.chmod(0o500)
    db_path.chmod(0o400)
    try:
        ok = session.flush()
    finally:
        db_path.parent.chmod(0o700)
        db_path.chmod(0o600)
    if ok:  # root ignores file permissions: nothing to observe here
        return
    assert session.state is SaveState.FAILED and session.error and session.dirty
    assert session.flush() and session.state is SaveState.SAVED


def test_a_save_while_the_server_is_down_is_kept_and_saved_when_it_returns(pg_server, open_db):
    # The network is not a disk: the server goes away between the edit and the save.
    database = open_db(pg_server.url(pg_server.new_database()), connect_timeout_s=2)
    session = new_session(database, Clock())
    session.set("report.problems", ["经费不足"])
    pg_server.stop("fast")
    try:
        assert not session.flush()
        assert session.state is SaveState.FAILED and session.dirty
        assert "连接" in session.error and "修改没有保存" in session.error
        assert session.report.problems == ["经费不足"]  # the edit is still in the program
    finally:
        pg_server.start()
    assert session.flush() and session.state is SaveState.SAVED and not session.dirty
    assert database.reports().get(session.report.unit.id, 2024).problems == ["经费不足"]


# ------------------------------------------------------------------ a report changed elsewhere


def changed_elsewhere(db_locator, unit_id, title="别处改的"):
    with open_database(db_locator) as other:
        report = other.reports().get(unit_id, 2024)
        report.title = title
        other.reports().save(report)


def test_a_save_over_a_report_changed_elsewhere_is_refused_and_the_edits_kept(database, db_locator):
    clock = Clock()
    session = new_session(database, clock)
    session.set("report.problems", ["经费不足"])
    changed_elsewhere(db_locator, session.report.unit.id)
    clock.now += SAVE_DELAY_SECONDS
    assert not session.flush()
    assert session.state is SaveState.CONFLICT and session.conflicted and "重新载入" in session.error
    stored_now = stored(db_locator, session.report.unit.id)
    assert stored_now.title == "别处改的" and stored_now.problems == []  # nothing overwritten
    # Later edits, ledger lines included, are kept too and write nothing.
    session.insert("report.activities", 0, Activity(title="冲突后加的"))
    assert stored(db_locator, session.report.unit.id).activities == []
    assert [(e.kind.value, e.path) for e in session.unsaved] == [
        ("set", "report.problems"),
        ("insert", "report.activities"),
    ]
    assert not session.flush()


def test_a_ledger_line_over_a_report_changed_elsewhere_is_refused(database, db_locator):
    session = new_session(database, Clock())
    session.insert("report.activities", 0, Activity(title="先存的"))
    changed_elsewhere(db_locator, session.report.unit.id)
    session.set("report.activities[0].participants", 40)
    assert session.state is SaveState.CONFLICT
    assert stored(db_locator, session.report.unit.id).activities[0].participants is None
    edit = session.unsaved[-1]
    assert edit.key == session.report.activities[0].key  # found again by key after a reload


def test_a_unit_field_changed_elsewhere_is_not_overwritten(database, db_locator):
    """The unit's name, level and superior are shared by every year and every PC: an edit made on a copy
    loaded before another program changed them is refused like a stale report save, not written over."""
    session = new_session(database, Clock())
    unit_id = session.report.unit.id
    with open_database(db_locator) as other:
        unit = other.units().get(unit_id)
        unit.superior = "别处填的上级"
        other.units().update(unit)
    session.set("report.unit.superior", "乐山市妇联")
    assert session.state is SaveState.CONFLICT and "重新载入" in session.error and "单位" in session.error
    assert database.units().get(unit_id).superior == "别处填的上级"
    assert [(e.kind.value, e.path) for e in session.unsaved] == [("set", "report.unit.superior")]


def test_unit_fields_saved_here_can_be_changed_again(database):
    """The copy's own saves move its idea of the stored unit along, so a second edit is not a conflict."""
    session = new_session(database, Clock())
    session.set("report.unit.superior", "乐山市妇联")
    session.set("report.unit.superior", "乐山市妇女联合会")
    session.set("report.unit.name", "某区妇联")
    assert session.state is SaveState.SAVED
    stored_unit = database.units().get(session.report.unit.id)
    assert (stored_unit.name, stored_unit.superior) == ("某区妇联", "乐山市妇女联合会")


def test_unsaved_edits_are_placed_on_the_reloaded_copy_by_key(database, db_locator):
    from desktop.services import unsaved

    session = new_session(database, Clock())
    first = Activity(title="甲")
    second = Activity(title="乙")
    session.insert("report.activities", 0, first)
    session.insert("report.activities", 1, second)
    with open_database(db_locator) as other:  # elsewhere: 甲 removed, so 乙 is now row 0
        other.reports().delete_activity(other.reports().get(session.report.unit.id, 2024), first.key)
    session.set("report.activities[1].participants", 25)
    session.set("report.activities[0].participants", 9)
    reloaded = stored(db_locator, session.report.unit.id)
    to_b, to_a = session.unsaved
    step = unsaved.place(to_b, reloaded)
    assert step.path == "report.activities[0].participants" and step.value == 25
    assert unsaved.place(to_a, reloaded) is None  # 甲 is gone there: shown, not guessed at
    assert "活动台账" in unsaved.describe(to_b) and "25" in unsaved.describe(to_b)

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

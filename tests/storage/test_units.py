"""UnitRepository: units by name and id, names unique, deletion cascading to the unit's reports."""

from __future__ import annotations

import pytest

from desktop.domain.model import Report, Unit, UnitLevel
from desktop.storage import DuplicateUnitError, UnitNotFoundError


def test_add_get_find_and_list_in_name_order(db):
    units = db.units()
    b = units.add(Unit(name="乙区妇联", level=UnitLevel.TOWNSHIP, superior="甲市妇联"))
    a = units.add(Unit(name="Alpha 妇联"))
    assert b.id is not None and a.id is not None and a.id != b.id
    assert units.get(b.id) == b
    assert units.find("乙区妇联") == b
    assert units.find("乙区") is None
    assert units.get(9999) is None
    assert [u.name for u in units.list()] == ["Alpha 妇联", "乙区妇联"]


def test_duplicate_name_is_refused(db):
    db.units().add(Unit(name="甲妇联"))
    with pytest.raises(DuplicateUnitError) as caught:
        db.units().add(Unit(name="甲妇联"))
    assert "已经存在" in caught.value.message
    assert len(db.units().list()) == 1


def test_update(db):
    unit = db.units().add(Unit(name="甲妇联"))
    other = db.units().add(Unit(name="乙妇联"))
    unit.level = UnitLevel.CITY
    unit.superior = "省妇联"
    db.units().update(unit)
    assert db.units().get(unit.id) == unit
    unit.name = other.name
    with pytest.raises(DuplicateUnitError):
        db.units().update(unit)
    with pytest.raises(UnitNotFoundError):
        db.units().update(Unit(name="无", id=4242))


def test_delete_cascades_to_reports(db):
    keep = db.reports().save(Report(unit=Unit(name="留"), fiscal_year=2024))
    gone = db.reports().save(Report(unit=Unit(name="删"), fiscal_year=2024))
    db.reports().save(Report(unit=gone.unit, fiscal_year=2023))
    assert db.units().delete(gone.unit.id) is True
    assert db.units().delete(gone.unit.id) is False
    assert [(u.name, y) for u, y, _ in db.reports().list_all()] == [("留", 2024)]
    assert db.reports().get(keep.unit.id, 2024) == keep

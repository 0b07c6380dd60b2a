"""UnitRepository: the Women's Federation units in the database, as domain Units."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from ..domain.model import Unit
from . import rows
from .engine import reading, writing
from .errors import DuplicateUnitError, UnitNotFoundError
from .schema import units
from .translate import translated

if TYPE_CHECKING:
    from .handle import Database


class UnitRepository:
    def __init__(self, database: Database):
        self._db = database

    def list(self) -> list[Unit]:
        """Every unit, ordered by name."""
        with translated(self._db.path), reading(self._db.engine) as conn:
            result = conn.execute(select(units).order_by(units.c.name, units.c.id))
            return [rows.unit_from(r) for r in result.mappings()]

    def get(self, unit_id: int) -> Unit | None:
        with translated(self._db.path), reading(self._db.engine) as conn:
            row = conn.execute(select(units).where(units.c.id == unit_id)).mappings().first()
            return None if row is None else rows.unit_from(row)

    def find(self, name: str) -> Unit | None:
        """The unit with exactly this name (names are unique)."""
        with translated(self._db.path), reading(self._db.engine) as conn:
            row = conn.execute(select(units).where(units.c.name == name)).mappings().first()
            return None if row is None else rows.unit_from(row)

    def add(self, unit: Unit) -> Unit:
        """Store a new unit and set its id."""
        try:
            with translated(self._db.path), writing(self._db.engine) as conn:
                new_id = conn.execute(insert(units).values(rows.unit_row(unit))).inserted_primary_key[0]
        except IntegrityError as exc:
            if self.find(unit.name) is not None:
                raise DuplicateUnitError(unit.name) from exc
            raise
        unit.id = new_id
        return unit

    def update(self, unit: Unit) -> Unit:
        """Store the unit's name, level and superior; every year's report shows them."""
        try:
            with translated(self._db.path), writing(self._db.engine) as conn:
                result = conn.execute(update(units).where(units.c.id == unit.id).values(rows.unit_row(unit)))
                if result.rowcount == 0:
                    raise UnitNotFoundError(unit.id)
        except IntegrityError as exc:
            other = self.find(unit.name)
            if other is not None and other.id != unit.id:
                raise DuplicateUnitError(unit.name) from exc
            raise
        return unit

    def delete(self, unit_id: int) -> bool:
        """Delete the unit and, through ON DELETE CASCADE, every report of it. False if there was none."""
        with translated(self._db.path), writing(self._db.engine) as conn:
            return conn.execute(delete(units).where(units.c.id == unit_id)).rowcount > 0

"""UnitRepository: the Women's Federation units in the database, as domain Units."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from ..domain.model import Unit
from . import rows
from .engine import reading, writing
from .errors import DuplicateUnitError, UnitChangedError, UnitNotFoundError
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

    def update(self, unit: Unit, *, expected: Unit | None = None) -> Unit:
        """Store the unit's name, level and superior; every year's report shows them.

        With `expected` (the unit as the caller last read or wrote it), the write happens only while the
        stored fields are still those: the unit is shared by every year and every PC, and it has no
        revision of its own, so the compare is on the fields themselves, in the UPDATE's WHERE clause.
        Otherwise UnitChangedError and nothing is written.
        """
        query = update(units).where(units.c.id == unit.id)
        if expected is not None:
            query = query.where(
                units.c.name == expected.name,
                units.c.level == expected.level.value,
                units.c.superior == expected.superior,
            )
        try:
            with translated(self._db.path), writing(self._db.engine) as conn:
                result = conn.execute(query.values(rows.unit_row(unit)))
                if result.rowcount == 0:
                    stored = conn.execute(select(units.c.id).where(units.c.id == unit.id)).scalar()
                    if stored is None:
                        raise UnitNotFoundError(unit.id)
                    raise UnitChangedError(expected.name if expected is not None else unit.name)
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

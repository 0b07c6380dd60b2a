"""Every row of every table of a database (SQLite file or server), to compare before and after."""

from __future__ import annotations

from sqlalchemy import select

from desktop.storage import open_database
from desktop.storage.schema import metadata


def dump(locator) -> dict[str, list[tuple]]:
    """The database's whole content, table by table, rows in primary-key order."""
    with open_database(locator) as db, db.engine.connect() as conn:
        return {
            name: [tuple(r) for r in conn.execute(select(table).order_by(*table.primary_key.columns))]
            for name, table in metadata.tables.items()
        }

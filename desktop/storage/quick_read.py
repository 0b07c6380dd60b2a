"""Reading a SQLite file with the sqlite3 module: the units, a unit's years and a whole report.

At start the window shows one report. SQLAlchemy takes longer to import than everything else the
first paint needs, so a file already at the newest schema (storage/revisions.py) is read here until
the first query that needs SQLAlchemy (a save, a check for other programs' changes) makes the engine.
The report is built by the same code as the repositories' (report_loading.assemble_report); only the
SELECTs are written out. Any sqlite3 error is left to the caller, which then asks the repositories,
whose errors are the clerk's messages.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any, Callable

from ..domain.model import Report, Unit
from . import rows
from .report_loading import assemble_report

# Declared column types whose values SQLAlchemy converts on reading (everything else is stored as read).
_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "DATE": date.fromisoformat,  # SQLAlchemy's SQLite dialect stores a Date as 'YYYY-MM-DD'
    "BOOLEAN": bool,
}


class QuickReader:
    """One read-only look at the file; each method is one consistent snapshot."""

    def __init__(self, path: Path, busy_timeout_ms: int):
        self._path = path
        self._timeout = busy_timeout_ms / 1000
        self._converters: dict[str, dict[str, Callable[[Any], Any]]] = {}

    def units(self) -> list[Unit]:
        with self._snapshot() as conn:
            return [rows.unit_from(r) for r in self._rows(conn, "SELECT * FROM units ORDER BY name, id", (), "units")]

    def years(self, unit_id: int) -> list[int]:
        with self._snapshot() as conn:
            query = "SELECT fiscal_year FROM reports WHERE unit_id = ? ORDER BY fiscal_year"
            return [r[0] for r in conn.execute(query, (unit_id,))]

    def report(self, unit_id: int, year: int) -> Report | None:
        with self._snapshot() as conn:
            found = self._rows(
                conn,
                "SELECT reports.*, units.name AS unit_name, units.level AS level, units.superior AS superior "
                "FROM reports JOIN units ON units.id = reports.unit_id "
                "WHERE reports.unit_id = ? AND reports.fiscal_year = ?",
                (unit_id, year),
                "reports",
            )
            if not found:
                return None
            report_id = found[0]["id"]

            def fetch(table: str, order: tuple[str, ...]):
                # Table and column names come from report_loading, never from data.
                order_by = f" ORDER BY {', '.join(order)}" if order else ""
                return self._rows(conn, f"SELECT * FROM {table} WHERE report_id = ?{order_by}", (report_id,), table)

            return assemble_report(found[0], fetch)

    # -------------------------------------------------------------- plumbing

    def _snapshot(self):
        return _Snapshot(self._path, self._timeout)

    def _rows(self, conn: sqlite3.Connection, query: str, parameters: tuple, table: str) -> list[dict[str, Any]]:
        converters = self._converters.get(table)
        if converters is None:
            converters = {
                name: _CONVERTERS[declared.upper()]
                for _cid, name, declared, *_rest in conn.execute(f"PRAGMA table_info({table})")
                if declared.upper() in _CONVERTERS
            }
            self._converters[table] = converters
        cursor = conn.execute(query, parameters)
        names = [column[0] for column in cursor.description]
        result = []
        for values in cursor:
            row = dict(zip(names, values))
            for name, convert in converters.items():
                if row.get(name) is not None:
                    row[name] = convert(row[name])
            result.append(row)
        return result


class _Snapshot:
    """A connection inside one read transaction (every SELECT sees the same committed state)."""

    def __init__(self, path: Path, timeout: float):
        self._path = path
        self._timeout = timeout

    def __enter__(self) -> sqlite3.Connection:
        # mode=rw: never create a file that is not there (the repositories then say what is wrong).
        uri = self._path.resolve().as_uri() + "?mode=rw"
        self._conn = sqlite3.connect(uri, uri=True, timeout=self._timeout, isolation_level=None)
        try:
            self._conn.execute("PRAGMA query_only = ON")
            self._conn.execute("BEGIN")
        except BaseException:
            self._conn.close()
            raise
        return self._conn

    def __exit__(self, *exc_info) -> None:
        try:
            self._conn.execute("COMMIT")
        finally:
            self._conn.close()

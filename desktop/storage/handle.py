"""Database: one open database (a SQLite file or a server), the handle its repositories work through."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Union

from .engine import BUSY_TIMEOUT_MS
from .server import ServerLocation

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from .report_repository import ReportRepository
    from .units import UnitRepository
    from ..domain.model import Report, Unit


class Database:
    """One open database file. Repositories are cheap views on it; close() when done.

    `engine` may be given as the function that makes it: SQLAlchemy is then imported by the first query
    that needs it, and until then a SQLite file is read with the sqlite3 module (read_units,
    read_years, read_report), which is what a start showing one report needs.
    """

    def __init__(self, path: Path | ServerLocation, engine: Union[Engine, Callable[[], Engine]],
                 backup: Path | None = None, backup_root: Path | None = None, *,
                 busy_timeout_ms: int = BUSY_TIMEOUT_MS):
        self._path = path
        if callable(engine):
            self._engine, self._make_engine = None, engine
        else:
            self._engine, self._make_engine = engine, None
        self._engine_lock = threading.Lock()
        self._busy_timeout_ms = busy_timeout_ms
        self.backup = backup  # the copy taken before this opening upgraded the file, if any
        # A server database's backup folders live on this PC (default <user data>/备份).
        self.backup_root = backup_root

    @property
    def path(self) -> Path | ServerLocation:
        """The database file, or for a shared database the server location (its `.name` is shown)."""
        return self._path

    @property
    def is_shared(self) -> bool:
        """True for a database on a server, which other PCs may change at any moment."""
        return isinstance(self._path, ServerLocation)

    @property
    def locator(self) -> str:
        """What --db takes to open this database again (a server URL without its password)."""
        return str(self._path)

    @property
    def engine(self) -> Engine:
        """For storage itself and its tests; nothing above storage runs SQL."""
        if self._engine is None:
            with self._engine_lock:
                if self._engine is None:
                    self._engine = self._make_engine()
        return self._engine

    def units(self) -> UnitRepository:
        from .units import UnitRepository

        return UnitRepository(self)

    def reports(self) -> ReportRepository:
        from .report_repository import ReportRepository

        return ReportRepository(self)

    def district(self):
        """The district's townships, collected files and summed figures (区县汇总)."""
        from .district import DistrictRepository

        return DistrictRepository(self)

    def prepare(self) -> None:
        """Import SQLAlchemy and the repositories and make the engine, if not done yet (no query is run).

        A start reads its first report without them; the program calls this off the GUI thread once
        the report is on screen, so that the first save or check for others' changes does not pause.
        """
        from . import report_repository, units  # noqa: F401 - imported now rather than at the first save

        self.engine

    # -------------------------------------------------------------- reads that may skip SQLAlchemy

    def read_units(self) -> list[Unit]:
        """Every unit, ordered by name."""
        return self._read(lambda quick: quick.units(), lambda: self.units().list())

    def read_years(self, unit_id: int) -> list[int]:
        """The fiscal years the unit has a report for, oldest first."""
        return self._read(lambda quick: quick.years(unit_id), lambda: self.reports().list_years(unit_id))

    def read_report(self, unit_id: int, year: int) -> Report | None:
        """The whole report of the unit for the year, or None."""
        return self._read(lambda quick: quick.report(unit_id, year), lambda: self.reports().get(unit_id, year))

    def _read(self, quick, full):
        if self._engine is None and isinstance(self._path, Path):
            from .quick_read import QuickReader

            try:
                return quick(QuickReader(self._path, self._busy_timeout_ms))
            except sqlite3.Error:
                pass  # locked, damaged, gone …: the repositories say what is wrong in the clerk's words
        return full()

    def close(self) -> None:
        """Close every connection; on SQLite the last one folds the WAL back into the file."""
        if self._engine is not None:
            self._engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Database({str(self._path)!r})"

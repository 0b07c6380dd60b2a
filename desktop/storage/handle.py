"""Database: one open database (a SQLite file or a server), the handle its repositories work through."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from .report_repository import ReportRepository
from .server import ServerLocation
from .units import UnitRepository


class Database:
    """One open database file. Repositories are cheap views on it; close() when done."""

    def __init__(
        self, path: Path | ServerLocation, engine: Engine, backup: Path | None = None, backup_root: Path | None = None
    ):
        self._path = path
        self._engine = engine
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
        return self._engine

    def units(self) -> UnitRepository:
        return UnitRepository(self)

    def reports(self) -> ReportRepository:
        return ReportRepository(self)

    def district(self):
        """The district's townships, collected files and summed figures (区县汇总)."""
        from .district import DistrictRepository

        return DistrictRepository(self)

    def close(self) -> None:
        """Close every connection; on SQLite the last one folds the WAL back into the file."""
        self._engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Database({str(self._path)!r})"

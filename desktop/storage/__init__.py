"""Storage: the SQLite database behind the workspace, the only part of the program that knows SQL."""

from .database import Database, open_database
from .errors import (
    CannotOpenError,
    CorruptDatabaseError,
    DatabaseLockedError,
    DiskFullError,
    DiskIOError,
    DuplicateReportError,
    DuplicateUnitError,
    InvalidReportError,
    MigrationFailedError,
    NetworkLocationError,
    NewerDatabaseError,
    NotADatabaseError,
    ReadOnlyLocationError,
    ReportChangedError,
    ReportNotFoundError,
    StorageEnvironmentError,
    StorageError,
    UnitNotFoundError,
)

__all__ = [
    "Database",
    "open_database",
    "UnitRepository",
    "ReportRepository",
    "StorageError",
    "StorageEnvironmentError",
    "CannotOpenError",
    "CorruptDatabaseError",
    "DatabaseLockedError",
    "DiskFullError",
    "DiskIOError",
    "DuplicateReportError",
    "DuplicateUnitError",
    "InvalidReportError",
    "MigrationFailedError",
    "NetworkLocationError",
    "NewerDatabaseError",
    "NotADatabaseError",
    "ReadOnlyLocationError",
    "ReportChangedError",
    "ReportNotFoundError",
    "UnitNotFoundError",
]


def __getattr__(name: str):
    # The repositories import SQLAlchemy: loaded when first named, not when storage is imported.
    if name == "ReportRepository":
        from .report_repository import ReportRepository

        return ReportRepository
    if name == "UnitRepository":
        from .units import UnitRepository

        return UnitRepository
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

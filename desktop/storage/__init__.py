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
from .report_repository import ReportRepository
from .units import UnitRepository

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

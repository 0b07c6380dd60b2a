"""The exchange file: one versioned JSON file holding one unit's year (see docs/data-format.md)."""

from .fileformat import (
    FORMAT_NAME,
    FORMAT_VERSION,
    ChecksumMismatchError,
    Envelope,
    ExchangeError,
    Integrity,
    dumps,
    loads,
    loads_envelope,
    read_envelope,
    read_file,
    report_checksum,
    write_file,
)

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "ChecksumMismatchError",
    "Envelope",
    "ExchangeError",
    "Integrity",
    "dumps",
    "loads",
    "loads_envelope",
    "read_envelope",
    "read_file",
    "report_checksum",
    "write_file",
]

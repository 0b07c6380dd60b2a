"""The exchange file: one versioned JSON file holding one unit's year (see docs/data-format.md)."""

from .fileformat import FORMAT_NAME, FORMAT_VERSION, ExchangeError, dumps, loads, read_file, write_file

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "ExchangeError", "dumps", "loads", "read_file", "write_file"]

"""A report in an exchange file (.fulian.json), read without any database: checking or exporting a file
must not need one (nor pay for importing it)."""

from __future__ import annotations

from pathlib import Path

from ..domain.model import Report


def read_report_file(path: Path | str) -> Report:
    """The report in the file; ExchangeError (a UserError) says in Chinese what is wrong with it."""
    from ..exchange import read_file

    return read_file(Path(path))

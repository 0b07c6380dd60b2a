"""Why a file is not taken in: one error kind whose message tells the clerk what to do."""

from __future__ import annotations


class ReportImportError(Exception):
    """A report file that cannot be read or applied; nothing was written. `message` is for the clerk."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

"""Why a report file is not taken in: one error kind whose message tells the clerk what to do."""

from __future__ import annotations

from ..errors import UserError


class ReportImportError(UserError):
    """A report file that cannot be read or applied; nothing was written."""

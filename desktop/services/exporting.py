"""Export of the report as Word and PDF, as the interface uses it (desktop.reports does the work)."""

from __future__ import annotations


def available() -> bool:
    try:
        import desktop.reports.export  # noqa: F401
    except ImportError:
        return False
    return True

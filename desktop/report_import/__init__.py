"""Reading last year's 自评报告 (a .docx from Word or WPS, or a PDF with a text layer) into a draft.

`read_report(path)` returns an `ImportPreview`: the draft report, each recognised field with the text it
came from, the paragraphs no section took, and the findings (figures that do not reconcile, numbering
faults). `apply_choices(preview, choices)` gives the report to save, with loose paragraphs placed where
the clerk chose. Nothing here touches the database or Qt; `desktop.services.report_import` saves.
"""

from __future__ import annotations

from .errors import ReportImportError
from .preview import ImportPreview, Recognised, Target, Unplaced, apply_choices
from .reading import read_report, read_source

__all__ = ["ImportPreview", "Recognised", "ReportImportError", "Target", "Unplaced", "apply_choices",
           "read_report", "read_source"]

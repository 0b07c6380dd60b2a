"""Excel: the activity ledger and budget tables in, templates to fill.

Import is two steps: `preview_ledger(path, report)` / `preview_budget(path, report)` read the file and
return what would change (never raising for a bad file), and `apply(preview, report)` returns the new
Report, which the caller saves in one transaction (`Workspace.save`).
"""

from __future__ import annotations


def apply(preview, report):
    """The report with a ledger or budget preview applied (a new Report; the given one is unchanged)."""
    from .budget_import import BudgetPreview
    from .budget_import import apply as apply_budget
    from .ledger_import import apply as apply_ledger

    if isinstance(preview, BudgetPreview):
        return apply_budget(preview, report)
    return apply_ledger(preview, report)


def __getattr__(name: str):
    # The public names, imported on first use so that importing the package does not load openpyxl.
    modules = {
        "preview_ledger": "ledger_import", "LedgerPreview": "ledger_import",
        "preview_budget": "budget_import", "BudgetPreview": "budget_import",
        "Problem": "preview", "ImportRefused": "preview", "UnsafeFileError": "safety",
        "write_ledger_template": "templates", "write_budget_template": "templates", "write_ledger": "templates",
    }
    if name in modules:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{modules[name]}"), name)
    raise AttributeError(name)


__all__ = ["apply", "preview_ledger", "preview_budget", "LedgerPreview", "BudgetPreview", "Problem", "ImportRefused",
           "UnsafeFileError", "write_ledger_template", "write_budget_template", "write_ledger"]

"""One base for every error a clerk reads: each front-end catches `UserError` and shows its message."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from desktop.cli import EXIT_INPUT, CliError, main
from desktop.errors import UserError
from desktop.excel.parse import CellError
from desktop.excel.preview import ImportRefused
from desktop.excel.safety import UnsafeFileError
from desktop.exchange import ExchangeError
from desktop.fileio import FileWriteError
from desktop.reports.export import ExportError
from desktop.reports.outline import OutlineError
from desktop.services.workspace import WorkspaceError
from desktop.storage import DatabaseLockedError, StorageError

DESKTOP = Path(__file__).resolve().parent.parent / "desktop"

# Raised and caught inside one module, then re-raised as a UserError with the clerk's wording.
INTERNAL = {"_Refused", "DecodeError"}


@pytest.mark.parametrize("cls", [StorageError, DatabaseLockedError, WorkspaceError, FileWriteError, ExchangeError,
                                 OutlineError, ExportError, ImportRefused, UnsafeFileError, CellError, CliError])
def test_every_error_the_clerk_reads_derives_from_user_error(cls):
    assert issubclass(cls, UserError)


def test_no_other_exception_class_carries_a_message_for_the_clerk():
    """A class that sets `self.message` outside the base would be a second, uncaught error path."""
    user_errors = {"UserError"}
    candidates = {}
    for path in sorted(DESKTOP.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
                sets_message = any(
                    isinstance(t, ast.Attribute) and t.attr == "message" and getattr(t.value, "id", "") == "self"
                    for n in ast.walk(node) if isinstance(n, ast.Assign) for t in n.targets
                )
                candidates[node.name] = (bases, sets_message, path)
    changed = True
    while changed:  # the transitive subclasses of UserError, by name
        changed = False
        for name, (bases, _, _) in candidates.items():
            if name not in user_errors and bases & user_errors:
                user_errors.add(name)
                changed = True
    exceptions = {n for n, (bases, _, _) in candidates.items()
                  if any(b.endswith(("Error", "Exception", "Refused")) for b in bases)}
    strays = [f"{p.relative_to(DESKTOP)}: {n}" for n, (_, sets, p) in candidates.items()
              if sets and n in exceptions and n not in user_errors | INTERNAL]
    assert strays == []


def test_a_user_error_from_a_service_ends_the_command_with_its_message_and_status(tmp_path, capsys):
    bad = tmp_path / "坏.fulian.json"
    bad.write_text("{ not json", encoding="utf-8")
    status = main(["--db", str(tmp_path / "db" / "fulian.db"), "import", str(bad)])
    err = capsys.readouterr().err
    assert status == EXIT_INPUT == 2
    assert err.startswith("错误：文件不是有效的 JSON")
    assert "Traceback" not in err


def test_a_user_error_may_carry_its_own_exit_status():
    assert UserError("x").exit_status == 2
    assert UserError("x", exit_status=1).exit_status == 1

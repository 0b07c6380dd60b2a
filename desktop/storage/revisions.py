"""Is a SQLite file already at the newest schema? Answered with the sqlite3 module, without Alembic.

Opening the database happens at every start, and importing Alembic (with Mako and Pygments) costs
about a quarter of a second. When the file's `alembic_version` already names the head of db/versions,
there is nothing to migrate and Alembic is never imported. Anything unusual (no file, no version
table, a branched history, a script we cannot read) answers False, and the caller lets Alembic decide.
"""

from __future__ import annotations

import ast
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..paths import migrations_dir

VERSION_TABLE = "alembic_version"


@lru_cache(maxsize=8)
def script_head(scripts: Path) -> Optional[str]:
    """The one revision of db/versions that no other revision names as its parent; None if not exactly one."""
    revisions: dict[str, object] = {}
    for script in sorted((scripts / "versions").glob("*.py")):
        values = _assignments(script)
        if values is None or not isinstance(values.get("revision"), str):
            return None
        revisions[values["revision"]] = values.get("down_revision")
    parents: set[str] = set()
    for parent in revisions.values():
        if isinstance(parent, str):
            parents.add(parent)
        elif isinstance(parent, (tuple, list)):
            return None  # a merge revision: leave it to Alembic
        elif parent is not None:
            return None
    heads = [r for r in revisions if r not in parents]
    return heads[0] if len(heads) == 1 else None


def _assignments(script: Path) -> Optional[dict]:
    """`revision` and `down_revision` as the script states them (literal values only)."""
    try:
        tree = ast.parse(script.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return None
    values = {}
    for node in tree.body:
        target = value = None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        if isinstance(target, ast.Name) and target.id in ("revision", "down_revision") and value is not None:
            try:
                values[target.id] = ast.literal_eval(value)
            except ValueError:
                return None
    return values


def stored_revision(path: Path) -> Optional[str]:
    """The revision recorded in the file, read through a read-only connection; None when there is none."""
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        raw = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            row = raw.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
        finally:
            raw.close()
    except sqlite3.Error:
        return None  # no version table, locked, damaged …: the full path explains it to the clerk
    return row[0] if row else None


def at_head(path: Path, scripts: Optional[Path] = None) -> bool:
    """True when the SQLite file at `path` is already at the newest schema (nothing to migrate)."""
    head = script_head((scripts or migrations_dir()).resolve())
    return head is not None and stored_revision(path) == head

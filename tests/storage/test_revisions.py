"""The start-up shortcut: a file already at the newest schema is opened without importing Alembic."""

import subprocess
import sys
from pathlib import Path

from desktop.paths import migrations_dir
from desktop.storage import open_database
from desktop.storage.migrations import alembic_config, head_revision
from desktop.storage.revisions import at_head, script_head, stored_revision

ROOT = Path(__file__).resolve().parents[2]


def test_the_head_read_from_the_scripts_is_alembics(tmp_path):
    assert script_head(migrations_dir().resolve()) == head_revision(alembic_config())


def test_a_new_or_foreign_file_is_not_at_head(tmp_path):
    assert not at_head(tmp_path / "none.db")
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert not at_head(empty)
    import sqlite3

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as raw:
        raw.execute("CREATE TABLE t (x)")
    assert stored_revision(other) is None and not at_head(other)


def test_an_opened_database_is_at_head(db_path):
    open_database(db_path).close()
    assert at_head(db_path)


def test_a_branched_history_is_left_to_alembic(tmp_path):
    versions = tmp_path / "db" / "versions"
    versions.mkdir(parents=True)
    (versions / "a.py").write_text("revision = 'a'\ndown_revision = None\n")
    (versions / "b.py").write_text("revision = 'b'\ndown_revision = 'a'\n")
    (versions / "c.py").write_text("revision: str = 'c'\ndown_revision = 'a'\n")
    assert script_head(versions.parent) is None
    (versions / "c.py").write_text("revision: str = 'c'\ndown_revision = 'b'\n")
    script_head.cache_clear()
    assert script_head(versions.parent) == "c"


def test_opening_a_database_at_head_does_not_import_alembic(db_path):
    open_database(db_path).close()
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from desktop.storage import open_database; "
            f"db = open_database({str(db_path)!r}); db.reports().list_all(); db.close(); "
            "print('alembic' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"

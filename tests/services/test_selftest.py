"""The installation self-test: every layer once on a throwaway database (or an empty server database), failing loudly."""

import pytest

from desktop.cli import EXIT_FAILED, EXIT_OK, main
from desktop.services.selftest import run_self_test
from tests.db_dump import dump


@pytest.fixture
def self_test_db(request, db_kind):
    """None: the self-test makes its own SQLite file; on a server it is given an empty database."""
    if db_kind == "sqlite":
        return None
    server = request.getfixturevalue("pg_server")
    return server.url(server.new_database())


def test_self_test_passes_and_reports_each_step(tmp_path, self_test_db):
    lines = []
    assert run_self_test(tmp_path, log=lines.append, db=self_test_db)
    steps = 8 if self_test_db is None else 9  # on a server: and the demo it wrote is deleted again
    assert lines[-1].startswith(f"自检通过（{steps} 步")
    assert sum(line.startswith("[通过]") for line in lines) == steps
    assert sorted(p.suffix for p in (tmp_path / "out").iterdir()) == [".docx", ".pdf", ".xlsx"]
    if self_test_db is not None:
        assert "psycopg" in next(line for line in lines if "已连接并迁移" in line)
        tables = dump(self_test_db)
        assert tables["reports"] == [] and tables["units"] == []  # nothing of the self-test is left


def test_self_test_on_a_server_database_holding_reports_touches_nothing(pg_server, seed_paths, tmp_path):
    url = pg_server.url(pg_server.new_database())
    assert main(["--db", url, "import", str(seed_paths[0])]) == EXIT_OK
    before = dump(url)
    lines = []
    assert not run_self_test(tmp_path, log=lines.append, db=url)
    assert any(line.startswith("[失败] 新建数据库并迁移：AssertionError: 共用数据库") for line in lines)
    assert dump(url) == before


def test_self_test_fails_when_a_step_cannot_run(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    lines = []
    assert not run_self_test(blocker, log=lines.append)
    assert any(line.startswith("[失败] 新建数据库并迁移") for line in lines)
    assert lines[-1].startswith("自检失败")


def test_cli_flag(capsys):
    assert main(["--self-test"]) == EXIT_OK
    assert "自检通过" in capsys.readouterr().out


def test_cli_flag_on_a_server(capsys, pg_server):
    assert main(["--db", pg_server.url(pg_server.new_database()), "--self-test"]) == EXIT_OK
    assert "自检通过（9 步" in capsys.readouterr().out
    assert main(["--db", pg_server.url("no_such_database"), "--self-test"]) == EXIT_FAILED

"""`fulian copy-db`: a file to a real PostgreSQL server and back, every unit and year, byte for byte."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import text

from desktop.cli import EXIT_INPUT, EXIT_OK, main
from desktop.domain.model import Unit
from desktop.services.workspace import Workspace
from desktop.storage import open_database
from tests.storage.sample import rich_report


def run(capsys, *args):
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def exported(locator, folder) -> dict[str, bytes]:
    """Every report of the database written as a data file; the export time is the only line left out."""
    folder.mkdir()
    files = {}
    with open_database(locator) as db:
        workspace = Workspace(db)
        for entry in workspace.entries():
            path = workspace.export_file(entry.unit.name, entry.fiscal_year, folder / f"{entry.unit.id}-{entry.fiscal_year}.json")
            body = re.sub(rb'\n  "exported_at": "[^"]*",', b"", path.read_bytes())
            files[f"{entry.unit.name} {entry.fiscal_year}"] = body
    return files


def units_of(locator) -> list[tuple]:
    with open_database(locator) as db:
        return [(u.name, u.level, u.superior) for u in db.units().list()]


@pytest.fixture
def office_file(tmp_path, seed_paths):
    """A clerk's database: both seed units, a unit with three years, and a unit without any report yet."""
    path = tmp_path / "clerk" / "fulian.db"
    with open_database(path) as db:
        workspace = Workspace(db)
        for seed in seed_paths:
            workspace.import_file(seed)
        for year in (2022, 2023, 2024):
            db.reports().save(rich_report(unit_name="示例街道妇联", year=year, activities=40))
        workspace.create_unit(Unit(name="还没有报告的妇联", superior="某区妇联"))
    return path


def test_a_file_goes_to_the_server_and_back_exactly(office_file, pg_server, tmp_path, capsys):
    server = pg_server.url(pg_server.new_database())
    status, out, err = run(capsys, "copy-db", "--from", office_file, "--to", server)
    assert status == EXIT_OK, err
    assert "已复制：单位 4 个，报告 5 份" in out

    back = tmp_path / "back" / "fulian.db"
    status, out, err = run(capsys, "copy-db", "--from", server, "--to", back)
    assert status == EXIT_OK, err

    original = exported(office_file, tmp_path / "a")
    assert len(original) == 5
    assert exported(server, tmp_path / "b") == original
    assert exported(back, tmp_path / "c") == original
    assert units_of(back) == units_of(server) == units_of(office_file)


def test_a_target_that_holds_data_is_refused_untouched(office_file, db_locator, capsys):
    with open_database(db_locator) as db:
        db.units().add(Unit(name="另一个单位"))
    status, _, err = run(capsys, "copy-db", "--from", office_file, "--to", db_locator)
    assert status == EXIT_INPUT
    assert "目标数据库" in err and "已有单位" in err and "新的空数据库" in err
    assert [u[0] for u in units_of(db_locator)] == ["另一个单位"]


def test_copying_a_database_onto_itself_is_refused(office_file, capsys):
    status, _, err = run(capsys, "copy-db", "--from", office_file, "--to", office_file)
    assert status == EXIT_INPUT and "同一个数据库" in err


def test_a_copy_that_fails_part_way_leaves_the_server_empty(office_file, pg_server, capsys):
    name = pg_server.new_database()
    server = pg_server.url(name)
    with open_database(server) as db, db.engine.begin() as conn:
        # The server refuses the ledger of one year of the third unit: the copy stops there.
        conn.execute(text(
            "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF NEW.key = 'act000039' AND (SELECT fiscal_year FROM reports WHERE id = NEW.report_id) = 2023 THEN RAISE EXCEPTION 'disk quota' USING ERRCODE = 'disk_full'; END IF; "
            "RETURN NEW; END $$"
        ))
        conn.execute(text("CREATE TRIGGER refuse BEFORE INSERT ON activities FOR EACH ROW EXECUTE FUNCTION refuse()"))
    status, _, err = run(capsys, "copy-db", "--from", office_file, "--to", server)
    assert status == EXIT_INPUT and "磁盘空间不足" in err
    assert units_of(server) == []
    assert pg_server.psql("SELECT count(*) FROM reports", name) == "0"

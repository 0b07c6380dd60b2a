"""`fulian import-report`: preview, dry run, import as a draft, refusals with exit status 2."""

import pytest

from desktop.cli import main
from tests.report_import.conftest import seed_report


@pytest.fixture(scope="module")
def seed_000_pdf(tmp_path_factory):
    from desktop.reports.export import export_report

    return export_report(seed_report("000"), tmp_path_factory.mktemp("s000"), ("pdf",)).paths[0]


def test_dry_run_previews_and_writes_nothing(db_locator, seed_000_pdf, capsys):
    assert main(["--db", db_locator, "import-report", str(seed_000_pdf), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "本年收入总计：219.7万元" in out and "仅预览" in out
    assert main(["--db", db_locator, "list"]) == 0
    assert "还没有单位" in capsys.readouterr().out


def test_import_creates_a_draft(db_locator, seed_000_pdf, capsys):
    assert main(["--db", db_locator, "import-report", str(seed_000_pdf)]) == 0
    assert "已导入为草稿：乐山市金口河区妇女联合会 2024 年度" in capsys.readouterr().out
    assert main(["--db", db_locator, "list"]) == 0
    assert "2024 年度  草稿" in capsys.readouterr().out
    assert main(["--db", db_locator, "import-report", str(seed_000_pdf)]) == 2
    assert "--replace" in capsys.readouterr().err


def test_a_doc_file_is_refused_in_chinese(db_locator, tmp_path, capsys):
    path = tmp_path / "去年.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    assert main(["--db", db_locator, "import-report", str(path)]) == 2
    assert "另存为" in capsys.readouterr().err

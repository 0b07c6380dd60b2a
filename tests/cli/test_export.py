"""`fulian export` from a terminal, on an exchange file and on the database."""

from desktop.cli import EXIT_INPUT, EXIT_OK, main

from tests.reports.conftest import DATA, SEEDS


def test_export_a_file_to_docx_and_pdf(tmp_path, capsys):
    status = main(["export", str(DATA / SEEDS["000"][0]), "--format", "docx,pdf", "--out", str(tmp_path)])
    assert status == EXIT_OK
    out = capsys.readouterr().out
    assert out.count("已导出：") == 2
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".docx", ".pdf"]


def test_outline_draft_and_bad_format(tmp_path, capsys):
    assert main(["export", str(DATA / SEEDS["004"][0]), "--format", "pdf", "--outline", "sichuan", "--draft",
                 "--out", str(tmp_path)]) == EXIT_OK
    assert [p.name for p in tmp_path.iterdir()] == ["黄埔区妇联2022年度部门整体支出绩效自评报告（草稿）.pdf"]
    assert main(["export", str(DATA / SEEDS["004"][0]), "--format", "odt", "--out", str(tmp_path)]) == EXIT_INPUT
    assert "不支持的导出格式" in capsys.readouterr().err


def test_export_from_the_database(tmp_path, capsys, db_locator):
    db = db_locator
    assert main(["--db", str(db), "import", str(DATA / SEEDS["000"][0])]) == EXIT_OK
    out = tmp_path / "out"
    assert main(["--db", str(db), "export", "--unit", "乐山市金口河区妇女联合会", "--year", "2024",
                 "--format", "docx", "--out", str(out)]) == EXIT_OK
    assert [p.suffix for p in out.iterdir()] == [".docx"]

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


def _filled_file(tmp_path):
    from desktop.exchange import write_file

    from tests.reports.conftest import filled_seed

    path = tmp_path / "filled.fulian.json"
    write_file(filled_seed("000"), path)
    return path


def test_one_projects_form_alone_in_three_formats(tmp_path, capsys):
    import subprocess

    out = tmp_path / "out"
    status = main(["export", str(_filled_file(tmp_path)), "--project", "妇工委工作经费", "--format", "docx,pdf,xlsx",
                   "--out", str(out)])
    assert status == EXIT_OK, capsys.readouterr()
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"金口河区妇联2024年度项目支出绩效自评表（妇工委工作经费）.{s}" for s in ("docx", "pdf", "xlsx")]
    text = subprocess.run(["pdftotext", str(out / names[1]), "-"], capture_output=True, text=True).stdout
    assert "妇工委工作经费" in text and "春蕾行动计划经费" not in text and "草稿" not in text
    # Validation is scoped to the project: another project's fault does not make this form a draft.
    assert "草稿" not in capsys.readouterr().out


def test_a_projects_own_fault_makes_its_form_a_draft_and_an_unknown_name_is_refused(tmp_path, capsys):
    source = _filled_file(tmp_path)
    out = tmp_path / "out"
    # The ledger links 5.9万元 of activities to 春蕾行动计划经费, more than it spent: its own error.
    assert main(["export", str(source), "--project", "春蕾行动计划经费", "--format", "pdf", "--out", str(out)]) == EXIT_OK
    assert [p.name for p in out.iterdir()] == ["金口河区妇联2024年度项目支出绩效自评表（春蕾行动计划经费）（草稿）.pdf"]
    assert "1 处校验错误" in capsys.readouterr().out
    assert main(["export", str(source), "--project", "不存在的项目", "--out", str(out)]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert "没有名为“不存在的项目”的项目" in err and "妇工委工作经费" in err


def test_last_year_in_the_database_gives_the_year_on_year_change(tmp_path, capsys, db_locator):
    """The 2024 report says how its income changed from the stored 2023 report; without 2023, nothing."""
    import copy
    import subprocess
    from decimal import Decimal

    from desktop.exchange import write_file

    from tests.reports.conftest import seed_report

    db = db_locator
    assert main(["--db", str(db), "import", str(DATA / SEEDS["000"][0])]) == EXIT_OK
    args = ["--db", str(db), "export", "--unit", "乐山市金口河区妇女联合会", "--year", "2024", "--format", "pdf"]

    def exported_text(out):
        assert main([*args, "--out", str(out)]) == EXIT_OK, capsys.readouterr()
        (pdf,) = out.iterdir()
        return "".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                      check=True).stdout.split())

    assert "比上年" not in exported_text(tmp_path / "alone")
    last_year = copy.deepcopy(seed_report("000"))
    last_year.fiscal_year = 2023
    last_year.finance.income_total = Decimal("1800000.00")
    last_year.finance.income_lines[0].amount = Decimal("1800000.00")
    last_year.finance.expenditure.total = Decimal("2300000.00")
    path = tmp_path / "2023.fulian.json"
    write_file(last_year, path)
    assert main(["--db", str(db), "import", str(path)]) == EXIT_OK
    text = exported_text(tmp_path / "with_2023")
    assert "本年收入总计219.7万元，比上年增加39.7万元，增长22.06%" in text
    assert "本年支出合计219.7万元，比上年减少10.3万元，下降4.48%" in text

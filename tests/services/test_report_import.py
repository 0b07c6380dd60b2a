"""The import service: a preview for a unit and year, a draft saved whole, a year never overwritten unasked."""

from decimal import Decimal

import pytest

from desktop.report_import import ReportImportError
from desktop.services import report_import
from tests.report_import.compare import differences
from tests.report_import.conftest import seed_report


@pytest.fixture(scope="module")
def seed_004_docx(tmp_path_factory):
    from desktop.reports.export import export_report

    out = tmp_path_factory.mktemp("s004")
    return export_report(seed_report("004"), out, ("docx",)).paths[0]


def test_into_a_new_year_the_prose_stays_and_the_figures_are_cleared(workspace, seed_004_docx):
    preview = report_import.preview_file(workspace, seed_004_docx, year=2023)
    report = preview.report
    assert report.fiscal_year == 2023 and preview.read_year == 2022
    assert report.finance.budget.adjusted is None and report.self_evaluation.entered_total is None
    assert report.problems == seed_report("004").problems
    assert [t.title for t in report.tasks] == [t.title for t in seed_report("004").tasks]
    assert "全年预算数 570.54万元" in preview.cleared and "自评得分 98 分" in preview.cleared
    assert "2023年度" in report.title
    assert any("已清空" in line for line in preview.lines())


def test_an_existing_year_is_not_overwritten_unless_asked(workspace, seed_004_docx):
    preview = report_import.preview_file(workspace, seed_004_docx)
    report_import.save(workspace, preview)
    again = report_import.preview_file(workspace, seed_004_docx)
    with pytest.raises(ReportImportError, match="已有"):
        report_import.save(workspace, again)
    saved = report_import.save(workspace, again, replace_existing=True)
    assert differences(saved, seed_report("004")) == {}


def test_a_loose_paragraph_goes_where_the_clerk_puts_it(workspace, seed_004_docx):
    preview = report_import.preview_file(workspace, seed_004_docx)
    from desktop.report_import import Unplaced

    preview.unplaced.append(Unplaced("另有一段说明。", "第 99 段", "测试"))
    saved = report_import.save(workspace, preview, {0: "report.narratives.conclusion"})
    assert saved.narratives.conclusion == "另有一段说明。"
    assert saved.finance.budget.executed == Decimal("5378100.00")


def test_changes_keep_the_keys_of_tasks_the_ledger_links_to(workspace, seed_004_docx):
    preview = report_import.preview_file(workspace, seed_004_docx)
    existing = seed_report("004")
    existing.tasks[0].narrative = "去年录入的旧说明"
    changes = dict(report_import.changes_for(existing, preview))
    assert [t.key for t in changes["report.tasks"]] == [t.key for t in existing.tasks]
    assert "report.finance" not in changes  # the same figures: nothing to change
    assert changes["report.tasks"][0].narrative == ""
    assert changes["report.status"].value == "draft"


def test_a_short_name_finds_the_unit_already_in_the_database(workspace, tmp_path):
    from desktop.domain.model import Unit
    from desktop.reports.export import export_report

    # Seed 000 as a clerk wrote it: the body names only 金口河区妇联, no title unit and no signature.
    seed = seed_report("000")
    seed.profile.full_name = ""
    seed.unit.name = "金口河区妇联"
    path = export_report(seed, tmp_path, ("docx",)).paths[0]
    guessed = report_import.preview_file(workspace, path)
    assert guessed.report.unit.name == "金口河区妇联"  # the signature line gives what it gives

    workspace.create_unit(Unit(name="乐山市金口河区妇女联合会"))
    from docx import Document

    document = Document(str(path))
    for paragraph in document.paragraphs:
        if paragraph.text == "金口河区妇联":  # drop the signature's unit: only the short name is left
            paragraph.text = ""
    document.save(str(path))
    preview = report_import.preview_file(workspace, path)
    assert preview.report.unit.name == "乐山市金口河区妇女联合会"
    assert "数据库中已有的单位" in preview.unit_source

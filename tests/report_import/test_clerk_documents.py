"""A clerk's own Word file (hand numbering with the seed's faults, bold body-text headings, full-width
spaces, a table) and its LibreOffice PDF import into the seed's data; what is not placed is listed."""

from decimal import Decimal

import pytest

from desktop.domain.model import ReportStatus
from desktop.services import report_import
from desktop.validation import summarize, validate

from .compare import describe, differences
from .conftest import UNITS, seed_report

WAN = Decimal(10000)


@pytest.fixture(params=["docx", "pdf"])
def kind(request):
    return request.param


def preview_of(workspace, clerk_documents, seed, kind):
    return report_import.preview_file(workspace, clerk_documents[seed][kind], unit=UNITS[seed])


def test_seed_000_figures_tasks_and_problems(workspace, clerk_documents, kind):
    preview = preview_of(workspace, clerk_documents, "000", kind)
    report = preview.report
    finance = report.finance
    assert finance.income_total == Decimal("219.7") * WAN
    assert [line.amount for line in finance.income_lines] == [Decimal("219.7") * WAN, Decimal("0.00")]
    assert finance.expenditure.basic == Decimal("76.46") * WAN
    assert finance.expenditure.project == Decimal("143.24") * WAN
    assert finance.carry_over_end == Decimal("0.00")
    # The shares the seed prints (34.8%, 65.2%) were checked against the amounts: no finding about them.
    assert not [f for f in preview.findings if "占比" in f]
    assert [p.initial.total for p in report.projects] == [w * WAN for w in map(Decimal, ("1", "0.5", "2", "2", "5"))]
    seed = seed_report("000")
    assert [(t.title, t.narrative) for t in report.tasks] == [(t.title, t.narrative) for t in seed.tasks]
    assert report.problems == seed.problems and report.measures == seed.measures
    assert report.profile.actual_staff == 3 and report.profile.establishment.administrative == 4
    # The seed's own numbering fault is reported, not repeated: (六) is missing among the tasks.
    assert any("（六）" in f for f in preview.findings)
    assert preview.report.status is ReportStatus.DRAFT


def test_seed_004_figures_tasks_and_problems(workspace, clerk_documents, kind):
    preview = preview_of(workspace, clerk_documents, "004", kind)
    report = preview.report
    assert report.unit.name == "广州市黄埔区妇女联合会" and report.fiscal_year == 2022
    assert report.finance.budget.adjusted == Decimal("570.54") * WAN
    assert report.finance.budget.executed == Decimal("537.81") * WAN
    assert report.self_evaluation.entered_total == Decimal("98")
    seed = seed_report("004")
    assert [t.title for t in report.tasks] == [t.title for t in seed.tasks]
    assert report.problems == seed.problems and report.measures == seed.measures


@pytest.mark.parametrize("seed", ["000", "004"])
def test_every_part_equals_the_seed(workspace, clerk_documents, kind, seed):
    preview = preview_of(workspace, clerk_documents, seed, kind)
    diffs = differences(preview.report, seed_report(seed))
    assert diffs == {}, describe(diffs)


def test_word_tables_are_read_and_checked_against_the_text(workspace, clerk_documents):
    preview = preview_of(workspace, clerk_documents, "000", "docx")
    # The table repeats the sentences' figures: read, compared, no difference and nothing left over.
    assert preview.unplaced == []
    assert not [f for f in preview.findings if "表格" in f]


def test_a_pdf_table_is_listed_as_unplaced_not_lost(workspace, clerk_documents):
    preview = preview_of(workspace, clerk_documents, "000", "pdf")
    # How a table's cells fall into lines depends on the face's widths; together they hold every figure.
    texts = "".join(u.text for u in preview.unplaced)
    assert "本年收入合计" in texts and "76.46" in texts and "143.24" in texts
    assert all("表格" in u.context for u in preview.unplaced)


@pytest.mark.parametrize("seed", ["000", "004"])
def test_imported_drafts_validate_no_worse_than_the_seed(workspace, clerk_documents, kind, seed):
    preview = preview_of(workspace, clerk_documents, seed, kind)
    saved = report_import.save(workspace, preview)
    assert summarize(validate(saved)).errors <= summarize(validate(seed_report(seed))).errors
    reread = workspace.report_of(saved.unit, saved.fiscal_year)
    assert reread.status is ReportStatus.DRAFT
    assert differences(reread, seed_report(seed)) == {}

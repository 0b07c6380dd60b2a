"""〔全区汇总〕 fields in a district's narrative take the collected figures at export."""

from __future__ import annotations

from desktop.cli import EXIT_OK, main
from desktop.domain.model import Unit
from desktop.services import collect
from desktop.services.district_fields import field_for, resolve_district_fields

from .township_files import DISTRICT, YEAR, make_township_files


def _district_with_townships(workspace, tmp_path):
    files = make_township_files(tmp_path / "in", 3)
    report = workspace.create_report(workspace.create_unit(Unit(name=DISTRICT)), YEAR)
    report.narratives.overall_work = f"本年度工作扎实推进。{field_for()}其中：{field_for('宣讲')}"
    workspace.save(report)
    plan = collect.plan_collection(workspace, DISTRICT, YEAR, collect.gather([tmp_path / "in"]))
    collect.apply_collection(workspace, plan)
    return files


def test_fields_are_replaced_by_sentences_from_the_collected_figures(workspace, tmp_path):
    files = _district_with_townships(workspace, tmp_path)
    report = workspace.open_report(DISTRICT, YEAR)
    resolved = resolve_district_fields(workspace, report)
    activities = sum(len(r.activities) for r in files.good.values())
    sessions = sum(a.sessions or 0 for r in files.good.values() for a in r.activities if a.kind == "宣讲")
    text = resolved.narratives.overall_work
    assert "〔" not in text
    assert f"共开展活动{activities}项" in text and f"共开展宣讲{sessions}场" in text
    assert report.narratives.overall_work.count("〔全区汇总") == 2  # the stored text keeps its fields


def test_cli_export_of_the_district_report_prints_the_figures(capsys, db_locator, open_db, tmp_path):
    from desktop.services.workspace import Workspace

    workspace = Workspace(open_db(db_locator))
    files = _district_with_townships(workspace, tmp_path)
    status = main(["--db", str(db_locator), "export", "--unit", DISTRICT, "--year", str(YEAR), "--format", "docx",
                   "--out", str(tmp_path / "out")])
    assert status == EXIT_OK, capsys.readouterr().err
    import docx

    (path,) = (tmp_path / "out").glob("*.docx")
    text = "\n".join(p.text for p in docx.Document(path).paragraphs)
    activities = sum(len(r.activities) for r in files.good.values())
    assert f"共开展活动{activities}项" in text and "〔全区汇总" not in text


def test_the_preview_shows_the_same_figures_as_the_export(workspace, tmp_path):
    """The window's PDF preview and its export both print the report as the database completes it."""
    import subprocess

    from desktop.services import exporting

    files = _district_with_townships(workspace, tmp_path)
    report = workspace.open_report(DISTRICT, YEAR)
    activities = sum(len(r.activities) for r in files.good.values())
    preview = exporting.preview_pdf(report, workspace=workspace)
    exported = exporting.export(report, tmp_path / "out", ["pdf"], workspace=workspace).paths[0]
    for pdf in (preview, exported):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        flat = "".join(text.split())
        assert f"共开展活动{activities}项" in flat and "〔全区汇总" not in flat, pdf.name
    plain = exporting.preview_pdf(report)  # without the workspace: the fields stay for the clerk to see
    assert "〔全区汇总" in "".join(subprocess.run(["pdftotext", str(plain), "-"], capture_output=True, text=True).stdout.split())

"""Export through the service the interface calls: progress per format, cancel, drafts on errors."""

import subprocess

import pytest

from desktop.exchange import read_file
from desktop.services import exporting
from desktop.services.jobs import Cancelled, Progress


def test_export_writes_each_format_with_progress(seed_paths, tmp_path):
    report = read_file(seed_paths[1])
    steps = []
    outcome = exporting.export(report, tmp_path, ["docx", "pdf"], progress=Progress(lambda d, t, s: steps.append((d, t))))
    assert [p.suffix for p in outcome.paths] == [".docx", ".pdf"] and all(p.exists() for p in outcome.paths)
    assert steps[0] == (0, 3) and steps[-1] == (3, 3)
    assert not outcome.draft
    text = subprocess.run(["pdftotext", str(outcome.paths[1]), "-"], capture_output=True, text=True).stdout
    assert "黄埔区" in text


def test_cancel_between_formats_writes_no_further_file(seed_paths, tmp_path):
    report = read_file(seed_paths[1])
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        exporting.export(report, tmp_path, ["docx", "pdf"], progress=progress)
    assert list(tmp_path.iterdir()) == []


def test_a_report_with_errors_is_exported_as_a_draft(seed_paths, tmp_path):
    report = read_file(seed_paths[0])
    report.finance.carry_over_end = None
    report.finance.expenditure.total = None
    report.finance.expenditure.project = None
    outcome = exporting.export(report, tmp_path, ["pdf"])
    assert outcome.draft and outcome.errors > 0 and "草稿" in outcome.paths[0].name


def test_outlines_offered():
    ids = {choice.id for choice in exporting.outlines()}
    assert {"sichuan", "guangdong"} <= ids

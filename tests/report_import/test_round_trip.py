"""The program's own Word and PDF export of both seeds, read back: every narrative, task, problem,
measure and figure equal to the seed's data."""

import pytest

from desktop.report_import import read_report

from .compare import describe, differences
from .conftest import seed_report


@pytest.mark.parametrize("seed", ["000", "004"])
@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_export_imports_back_exactly(program_exports, seed, kind):
    preview = read_report(program_exports[seed][kind])
    diffs = differences(preview.report, seed_report(seed))
    assert diffs == {}, describe(diffs)
    assert preview.unplaced == []
    assert preview.findings == []

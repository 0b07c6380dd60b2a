"""The bureau's measuring script (tests/tools/check_doc.py) passes on both seeds' exports: the PDF's
geometry, faces and numbering, and the Word file as LibreOffice lays it out (page count, no blank page)."""

import subprocess
import sys
from pathlib import Path

import pytest

CHECK_DOC = Path(__file__).resolve().parents[1] / "tools" / "check_doc.py"


def check_doc(pdf: Path, docx: Path, env: dict | None = None) -> str:
    completed = subprocess.run([sys.executable, str(CHECK_DOC), str(pdf), str(docx)], capture_output=True,
                               text=True, timeout=600, env=env)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return completed.stdout


def test_check_doc_passes_on_both_seeds(exported, seed, tmp_path):
    import os

    # As a reviewer runs it: the machine's own fonts, LibreOffice's own substitutes for 仿宋/黑体/楷体.
    out = check_doc(exported[seed]["pdf"], exported[seed]["docx"], dict(os.environ, HOME=str(tmp_path)))
    assert "verdict: all figures within GB/T 9704 bounds" in out
    assert "FAIL" not in out
    assert "docx pages in LibreOffice vs PDF pages" in out  # the layout part really ran


@pytest.mark.parametrize("number", ["94.26%", "570.54", "537.81", "34.8%", "65.2%"])
def test_numbers_in_tables_never_wrap(exported, office_pdfs, number):
    """Column widths come from content: a figure stands on one line in the PDF and in LibreOffice's
    rendering of the Word file alike."""
    from .conftest import run

    seed = "004" if number in ("94.26%", "570.54", "537.81") else "000"
    for pdf in (exported[seed]["pdf"], office_pdfs[seed]):
        lines = run("pdftotext", "-enc", "UTF-8", "-layout", str(pdf), "-").splitlines()
        assert any(number in line.replace(" ", "") for line in lines), (pdf.name, number)

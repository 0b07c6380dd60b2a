"""LibreOffice opens our Word files: it converts them without error, to about as many pages as ours."""

from .conftest import run
from .seed_expectations import squeeze


def _pages(path) -> int:
    for line in run("pdfinfo", str(path)).splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo printed no page count")


def test_libreoffice_converts_the_docx_to_about_our_page_count(exported, office_pdfs, seed):
    ours = _pages(exported[seed]["pdf"])
    theirs = _pages(office_pdfs[seed])
    assert abs(ours - theirs) <= 1, (ours, theirs)
    text = squeeze(run("pdftotext", "-enc", "UTF-8", str(office_pdfs[seed]), "-"))
    assert "部门整体" in text and "— 1 —".replace(" ", "") in text
    # LibreOffice evaluates the PAGE field: the last page is numbered with its own number.
    assert f"—{theirs}—" in text


def test_libreoffice_embeds_its_fonts_too(office_pdfs, seed):
    listing = run("pdffonts", str(office_pdfs[seed])).splitlines()[2:]
    assert listing and all(line.split()[-5] == "yes" for line in listing)

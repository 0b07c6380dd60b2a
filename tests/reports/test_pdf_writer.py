"""The PDF read back with poppler and pdfplumber: text, embedded fonts, page geometry, line breaking."""

import re
from collections import defaultdict

import pdfplumber
import pytest

from desktop.reports.build import build_document
from desktop.reports.cjkwrap import NO_LINE_END, NO_LINE_START
from desktop.reports.document import Layout
from desktop.reports.outline import load_outline
from desktop.reports.pdf_writer import write_pdf

from .conftest import SEEDS, run, seed_report
from .seed_expectations import GENERATED, figures_in, seed_figures, squeeze

MM = 72 / 25.4
LAYOUT = Layout()
LEFT, RIGHT = 28 * MM, (210 - 26) * MM
TOP, BOTTOM = 37 * MM, (297 - 35) * MM


def pdf_text(path) -> str:
    """The text without blanks and without the page numbers that interrupt it at each page end."""
    return re.sub(r"—\d+—", "", squeeze(run("pdftotext", "-enc", "UTF-8", str(path), "-")))


def test_text_has_every_heading_in_order_and_every_figure(exported, seed):
    text = pdf_text(exported[seed]["pdf"])
    document = build_document(seed_report(seed), load_outline(SEEDS[seed][1]))
    position = 0
    for heading in document.headings():
        found = text.find(squeeze(heading.full_text), position)
        assert found >= 0, heading.full_text
        position = found
    for sentence in GENERATED[seed]:
        assert sentence in text
    assert seed_figures(seed) <= figures_in(text)


def test_every_font_is_embedded(exported, seed):
    listing = run("pdffonts", str(exported[seed]["pdf"])).splitlines()[2:]
    assert listing, "the PDF names no font"
    for line in listing:
        columns = line.split()
        # name type [subtype] encoding emb sub uni id gen: emb is the fourth field from the end but three.
        assert columns[-5] == "yes", line
        assert "TrueType" in line, line


def _lines(page):
    """Text lines of a page: characters grouped by baseline, in reading order."""
    rows = defaultdict(list)
    for char in page.chars:
        rows[round(char["bottom"], 1)].append(char)
    return [sorted(rows[key], key=lambda c: c["x0"]) for key in sorted(rows)]


def _body_lines(page):
    return [line for line in _lines(page) if line[0]["top"] < BOTTOM]


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def poppler_lines(path, page: int) -> list[tuple[float, float, float, float, str]]:
    """(left, top, right, bottom, text) of each text line of a page, as poppler lays the page out."""
    rows: dict[float, list] = defaultdict(list)
    for match in _WORD.finditer(run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-")):
        x0, y0, x1, y1 = (float(v) for v in match.groups()[:4])
        rows[round(y1, 1)].append((x0, y0, x1, y1, match.group(5)))
    lines = []
    for key in sorted(rows):
        words = sorted(rows[key])
        lines.append((words[0][0], min(w[1] for w in words), max(w[2] for w in words), key,
                      "".join(w[4] for w in words)))
    return lines


def test_geometry_22_lines_a_page_inside_the_margins(exported):
    """Seed 000's body pages (2–8) hold 22 lines at the fixed pitch (fewer only where a heading moved on
    with its text), inside 37/35/28/26 mm."""
    path = exported["000"]["pdf"]
    with pdfplumber.open(path) as pdf:
        assert all((round(p.width / MM), round(p.height / MM)) == (210, 297) for p in pdf.pages)
    full = 0
    for page in range(2, 9):
        lines = [line for line in poppler_lines(path, page) if line[1] < BOTTOM]
        assert 19 <= len(lines) <= 22, f"page {page}: {len(lines)} lines"
        full += len(lines) == 22
        baselines = [line[3] for line in lines]
        pitches = [b - a for a, b in zip(baselines, baselines[1:])]
        assert all(abs(p - LAYOUT.line_pitch) < 0.15 for p in pitches), pitches
        for left, top, right, bottom, text in lines:
            assert left >= LEFT - 0.5, text
            assert right <= RIGHT + 0.5, text
            assert top >= TOP - 0.5 and bottom <= BOTTOM + 0.5, text
        # Lines start at the margin or two characters in (first lines, headings) and full lines are
        # justified to the right margin.
        assert {round(line[0] - LEFT) for line in lines} <= {0, 32}
        assert sum(abs(line[2] - RIGHT) < 0.5 for line in lines) >= 8
    assert full >= 3  # widow control and headings kept with their text leave some pages a line or two short


def test_page_numbers_odd_right_even_left(exported):
    with pdfplumber.open(exported["000"]["pdf"]) as pdf:
        for page in pdf.pages:
            footer = [c for c in page.chars if c["top"] > BOTTOM]
            text = "".join(c["text"] for c in sorted(footer, key=lambda c: c["x0"]))
            assert text.replace(" ", "") == f"—{page.page_number}—"
            assert all(c["size"] == pytest.approx(14, abs=0.1) for c in footer)
            if page.page_number % 2:
                assert max(c["x1"] for c in footer) == pytest.approx(RIGHT - 14, abs=1)
            else:
                assert min(c["x0"] for c in footer) == pytest.approx(LEFT + 14, abs=1)
            # 7 mm below the text block.
            assert min(c["top"] for c in footer) == pytest.approx(BOTTOM + 7 * MM, abs=2.5)


def test_no_line_starts_with_closing_punctuation(exported, seed):
    with pdfplumber.open(exported[seed]["pdf"]) as pdf:
        checked = 0
        for page in pdf.pages:
            for line in _lines(page):
                if line[0]["size"] < 15:  # table cells and the page number
                    continue
                text = "".join(c["text"] for c in line)
                assert text[0] not in NO_LINE_START, text
                assert text[-1] not in NO_LINE_END, text
                checked += 1
        assert checked > 150


def test_title_is_2hao_and_body_3hao(exported):
    with pdfplumber.open(exported["004"]["pdf"]) as pdf:
        first = pdf.pages[0]
        sizes = {round(c["size"]) for c in first.chars if c["top"] < BOTTOM}
        assert sizes == {22, 16}
        title = "".join(c["text"] for c in first.chars if round(c["size"]) == 22)
        assert title == "2022年度广州市黄埔区妇女联合会部门整体支出绩效自评报告"


def test_draft_mark_on_every_page(tmp_path):
    path = tmp_path / "draft.pdf"
    write_pdf(build_document(seed_report("000"), load_outline("sichuan"), draft=True), path)
    pages = run("pdftotext", "-enc", "UTF-8", str(path), "-").split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) > 10
    for page in pages:
        assert "草稿" in page
    final = tmp_path / "final.pdf"
    write_pdf(build_document(seed_report("000"), load_outline("sichuan")), final)
    assert "草稿" not in run("pdftotext", "-enc", "UTF-8", str(final), "-")


def test_tables_carry_their_figures(exported):
    text = squeeze(run("pdftotext", "-enc", "UTF-8", "-layout", str(exported["004"]["pdf"]), "-"))
    assert re.search(r"全年预算数570\.54", text)
    assert re.search(r"预算执行率94\.26%", text)
    assert "评价等级" not in text  # the seed's 自评表 has no rows: it is not printed as a skeleton


def _page_texts(path) -> list[str]:
    return [squeeze(p) for p in run("pdftotext", "-enc", "UTF-8", str(path), "-").split("\f")]


@pytest.mark.parametrize("lines", range(16, 23))
def test_the_signature_never_stands_alone_on_a_page(tmp_path, lines):
    from datetime import date

    from desktop.reports.document import Document, Paragraph, Run

    blocks = [Paragraph([Run(f"第{n}段正文。")]) for n in range(1, lines + 1)]
    document = Document(title="报告", blocks=blocks, signature_unit="某某区妇女联合会",
                        signature_date=date(2025, 3, 31))
    path = tmp_path / "sig.pdf"
    write_pdf(document, path)
    page = next(p for p in _page_texts(path) if "某某区妇女联合会" in p)
    assert "2025年3月31日" in page
    assert "段正文" in page, f"{lines} lines: the signature stands alone"


def test_no_single_line_of_a_paragraph_alone_at_the_foot_of_a_page(tmp_path):
    from desktop.reports.document import Document, Paragraph, Run

    # Title and its blank line take two of the 22 lines; 19 one-line paragraphs leave room for one line.
    blocks = [Paragraph([Run(f"第{n}段。")]) for n in range(1, 20)]
    blocks.append(Paragraph([Run("长段落" * 40)]))  # three lines
    path = tmp_path / "orphan.pdf"
    write_pdf(Document(title="报告", blocks=blocks), path)
    pages = _page_texts(path)
    assert "长段落" not in pages[0] and ("长段落" * 40) in pages[1]


def test_a_form_ending_at_the_foot_of_a_page_leaves_no_blank_page(tmp_path):
    """The half line after a table used to carry over to a page of its own, which the next attachment's
    page break then left blank (filled forms whose 评分说明 row reached the foot of the page)."""
    import subprocess

    from desktop.reports.export import export_report

    from .conftest import filled_seed

    report = filled_seed("000")
    report.overlays = ["score_cap"]
    (pdf,) = export_report(report, tmp_path, ["pdf"]).paths
    pages = int(next(line.split()[-1] for line in subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
        if line.startswith("Pages:")))
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert "".join(text.split()).strip("—0123456789"), f"page {page} of {pages} is blank"

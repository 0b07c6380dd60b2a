"""The four 公文 faces: official Windows files when present, the bundled Fandol faces otherwise, and a
fallback face for characters a face lacks — read back from the PDF with pdfplumber."""

import shutil
from collections import Counter

import pdfplumber
import pytest

from desktop.reports.document import Document, Font, Heading, Paragraph, Run
from desktop.reports.fonts import fonts_dir, resolve_faces
from desktop.reports.pdf_writer import write_pdf

from .conftest import run

ROLE_FILES = {
    Font.TITLE: "FandolSong-Bold.ttf",
    Font.BODY: "FandolFang-Regular.ttf",
    Font.HEADING1: "FandolHei-Regular.ttf",
    Font.HEADING2: "FandolKai-Regular.ttf",
}


def test_without_windows_faces_each_role_has_its_own_bundled_style():
    faces = resolve_faces(search=[])
    for role, name in ROLE_FILES.items():
        assert faces[role].path.name == name
        assert faces[role].bundled
    # The Word file still names the 公文 faces; for 小标宋 the one a PC without it has.
    assert [faces[r].docx for r in (Font.TITLE, Font.BODY, Font.HEADING1, Font.HEADING2)] == [
        "宋体", "仿宋", "黑体", "楷体"]


def test_official_windows_faces_win_when_installed(tmp_path):
    windows = tmp_path / "Fonts"
    windows.mkdir()
    # Stand-ins with the official file names (any TrueType file will do for the choice itself).
    for official in ("simfang.ttf", "simhei.ttf", "simkai.ttf", "FZXBSJW.TTF"):
        shutil.copyfile(fonts_dir() / "FandolFang-Regular.ttf", windows / official)
    faces = resolve_faces(search=[windows])
    assert faces[Font.BODY].path == windows / "simfang.ttf" and not faces[Font.BODY].bundled
    assert faces[Font.HEADING1].path == windows / "simhei.ttf"
    assert faces[Font.HEADING2].path == windows / "simkai.ttf"
    assert faces[Font.TITLE].path == windows / "FZXBSJW.TTF"
    assert faces[Font.TITLE].docx == "方正小标宋简体"


def _faces_by_text(path) -> dict[str, Counter]:
    """For each line of text, the faces its characters are set in (subset prefix removed)."""
    lines: dict[str, Counter] = {}
    with pdfplumber.open(path) as pdf:
        rows: dict[tuple, list] = {}
        for page in pdf.pages:
            for char in page.chars:
                rows.setdefault((page.page_number, round(char["top"])), []).append(char)
        for chars in rows.values():
            chars.sort(key=lambda c: c["x0"])
            text = "".join(c["text"] for c in chars)
            lines[text] = Counter(c["fontname"].split("+")[-1] for c in chars if c["text"].strip())
    return lines


def test_title_headings_and_body_each_in_their_face(tmp_path):
    document = Document(title="标题小标宋", blocks=[
        Heading(1, "一、", "部门基本情况"), Heading(2, "（一）", "机构组成"),
        Paragraph([Run("正文仿宋，段落文字。")]),
    ])
    path = tmp_path / "faces.pdf"
    write_pdf(document, path)
    faces = _faces_by_text(path)
    assert set(faces["标题小标宋"]) == {"FandolSong-Bold"}
    assert set(faces["一、部门基本情况"]) == {"FandolHei-Regular"}
    assert set(faces["（一）机构组成"]) == {"FandolKai-Regular"}
    assert set(faces["正文仿宋，段落文字。"]) == {"FandolFang-Regular"}


@pytest.mark.parametrize("rare", ["喆", "堃", "珺"])
def test_a_character_the_face_lacks_is_set_in_the_fallback_face_not_a_box(tmp_path, rare):
    name = f"张{rare}同志"
    document = Document(title="报告", blocks=[Paragraph([Run(f"联系人{name}。")])])
    path = tmp_path / "rare.pdf"
    write_pdf(document, path)
    with pdfplumber.open(path) as pdf:
        chars = {c["text"]: c["fontname"].split("+")[-1] for c in pdf.pages[0].chars}
    assert chars[rare].startswith("WenQuanYiMicroHei")
    assert chars["张"] == "FandolFang-Regular"
    # The character is really there (extractable text), not a .notdef box.
    assert name in run("pdftotext", "-enc", "UTF-8", str(path), "-")


def test_page_numbers_are_regular_song_in_pdf_and_word(tmp_path):
    """GB/T 9704: "— 1 —" in 4号 半角宋体 — the regular Song, not the bold 小标宋 stand-in of the title."""
    import zipfile

    from desktop.reports.docx_writer import write_docx

    faces = resolve_faces(search=[])
    assert faces[Font.NUMBER].path.name == "FandolSong-Numerals.ttf" and faces[Font.NUMBER].docx == "宋体"
    document = Document(title="报告", blocks=[Paragraph([Run("正文。")])])
    pdf = tmp_path / "numbers.pdf"
    write_pdf(document, pdf)
    faces_seen = _faces_by_text(pdf)
    number_line = next(text for text in faces_seen if text.replace(" ", "") == "—1—")
    assert set(faces_seen[number_line]) == {"FandolSong-Regular"}
    docx = tmp_path / "numbers.docx"
    write_docx(document, docx)
    with zipfile.ZipFile(docx) as archive:
        footers = [archive.read(n).decode() for n in archive.namelist() if n.startswith("word/footer")]
    assert footers and all('w:eastAsia="宋体"' in f and "<w:b/>" not in f and "<w:b " not in f for f in footers)
    assert any("PAGE" in f for f in footers)


@pytest.mark.parametrize("rare", ["㛃", "䶮"])
def test_a_rare_character_of_a_name_is_set_in_the_rare_fallback(tmp_path, rare):
    """CJK Extension A: neither the 公文 faces nor WenQuanYi have it; HanaMinA-rare does."""
    name = f"王{rare}"
    document = Document(title=f"关于{name}同志的报告", blocks=[Paragraph([Run(f"联系人{name}。")])])
    path = tmp_path / "rare.pdf"
    write_pdf(document, path)
    with pdfplumber.open(path) as pdf:
        fonts = [(c["text"], c["fontname"].split("+")[-1]) for c in pdf.pages[0].chars]
    assert [font for text, font in fonts if text == rare] == ["HanaMinA", "HanaMinA"]  # title and body
    assert ("王", "FandolFang-Regular") in fonts and ("王", "FandolSong-Bold") in fonts
    text = run("pdftotext", "-enc", "UTF-8", str(path), "-")
    assert f"关于{name}同志的报告" in text and f"联系人{name}。" in text


def test_the_fallback_faces_are_read_only_when_a_character_needs_them(tmp_path):
    """Parsed faces land in the user's cache folder: a document the 公文 faces cover parses no fallback."""
    import os
    import subprocess
    import sys

    script = (
        "import sys\nfrom pathlib import Path\n"
        "from desktop.reports.document import Document, Paragraph, Run\n"
        "from desktop.reports.pdf_writer import write_pdf\n"
        "write_pdf(Document(title='报告', blocks=[Paragraph([Run(sys.argv[1])])]), Path(sys.argv[2]))\n"
    )

    def cached_after(text: str, folder: str) -> int:
        env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / folder)}
        subprocess.run([sys.executable, "-c", script, text, str(tmp_path / f"{folder}.pdf")], env=env, check=True)
        return len(list((tmp_path / folder).rglob("*.pickle")))

    assert cached_after("正文仿宋。", "common") == 5  # the role faces (four Fandol styles, the numerals), no fallback
    assert cached_after("正文仿宋，张喆。", "gbk") == 6  # WenQuanYi as well
    assert cached_after("正文仿宋，王㛃。", "rare") == 7  # and HanaMinA-rare

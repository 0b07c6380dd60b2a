"""Builds the two seed reports as a clerk's Word would hold them, from the seed texts (*.source.txt):
headings as bold body text with the numbers typed by hand — the seed's own faults kept ((六) missing,
two (四), "。" after headings, "(一)" and "（一）" mixed) — body paragraphs indented with full-width
spaces, spaces around digits as typed, a run-in bold title where the seed has one, and a table or two;
and the same documents saved as PDF by LibreOffice.

Run as a script to write them into a folder and look at them:
    python tests/report_import/clerk_documents.py OUT_DIR
Only the artefacts of the seed texts' own conversion are undone (markdown, a LaTeX "≥", the "- -" of a
broken dash, paragraphs split by a page break); what a clerk types is left as it is.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA = ROOT / "tests" / "data"
SOURCES = {"000": DATA / "seed_000_jinkouhe_2024.source.txt", "004": DATA / "seed_004_huangpu_2022.source.txt"}
FONTS_CONF = ROOT / "tests" / "reports" / "fonts.conf"
INDENT = "\u3000\u3000"  # how clerks indent a first line when they do not set an indent

# A table the clerk pasted under a section: (after the paragraph starting with, caption, rows).
TABLES = {
    "000": [("2024年本年支出合计", "单位：万元", [
        ["项目", "金额（万元）", "占比"],
        ["本年收入合计", "219.7", ""],
        ["一般公共预算财政拨款收入", "219.7", "100%"],
        ["其他收入", "0", ""],
        ["本年支出合计", "219.7", ""],
        ["基本支出", "76.46", "34.8%"],
        ["项目支出", "143.24", "65.2%"],
        ["年末结转结余", "0", ""],
    ])],
    "004": [("全年预算数", "部门整体支出绩效自评表（摘要）", [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["预算执行率", "预算执行率", "预算执行率", "100%", "94.26%", "10", "9.43"],
        ["总分", "", "", "", "", "100", "98"],
    ])],
}


def clerk_paragraphs(source: Path) -> list[tuple[str, str]]:
    """(kind, text) in order: kind is "heading", "body" or "runin" (a bold title, then its text, split by "**")."""
    items: list[tuple[str, str]] = []
    for raw in source.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        line = line.replace(" $\\geq 90\\%$ ", "≥90%").replace("$\\geq 90\\%$", "≥90%")
        if line.startswith("#"):
            items.append(("heading", line.lstrip("#").strip().replace("**", "")))
            continue
        if line.startswith("- - "):
            line = "——" + line[4:]
        kind = "runin" if line.startswith("**") and line.count("**") == 2 else "body"
        if kind == "body":
            line = line.replace("**", "")
        previous = items[-1] if items else None
        # A sentence cut by a page break in the source continues on the next line.
        if previous and previous[0] in ("body", "runin") and not re.search(r"[。；：”）)!?！？]$", previous[1]):
            joiner = "" if line.startswith("——") or previous[1].endswith("——") else ""
            items[-1] = (previous[0], previous[1] + joiner + line)
            continue
        items.append((kind, line))
    return items


def build_docx(seed: str, out: Path) -> Path:
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋")
    tables = list(TABLES[seed])
    for kind, text in clerk_paragraphs(SOURCES[seed]):
        paragraph = document.add_paragraph()
        if kind == "heading":
            # Bold body text, number typed by hand, no heading style: as clerks make headings.
            run = paragraph.add_run(text)
            run.bold = True
        elif kind == "runin":
            _, title, rest = text.split("**", 2)
            paragraph.add_run(INDENT)
            paragraph.add_run(title).bold = True
            paragraph.add_run(rest)
        else:
            paragraph.add_run(INDENT + text)
        if tables and kind != "heading" and text.startswith(tables[0][0]):
            _anchor, caption, rows = tables.pop(0)
            document.add_paragraph(caption)
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = document.styles["Table Grid"]
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
    assert not tables, f"table anchors not found in seed {seed}: {tables}"
    path = out / f"clerk_{seed}.docx"
    document.save(str(path))
    return path


def to_pdf(docx: Path, out: Path, profile: Path) -> Path:
    """LibreOffice's PDF of the document, made with a fresh profile folder of our own."""
    import os

    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF), HOME=str(profile))
    completed = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), str(docx)],
        capture_output=True, text=True, timeout=180, env=env,
    )
    target = out / (docx.stem + ".pdf")
    if completed.returncode != 0 or not target.is_file():
        raise RuntimeError(f"LibreOffice failed ({completed.returncode}): {completed.stdout}\n{completed.stderr}")
    return target


def build_all(out: Path) -> dict[str, dict[str, Path]]:
    out.mkdir(parents=True, exist_ok=True)
    profile = out / "lo_profile"
    result = {}
    for seed in SOURCES:
        docx = build_docx(seed, out)
        result[seed] = {"docx": docx, "pdf": to_pdf(docx, out, profile)}
    return result


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    for seed, files in build_all(Path(sys.argv[1] if len(sys.argv) > 1 else "clerk_documents")).items():
        for path in files.values():
            print(f"wrote {path}")

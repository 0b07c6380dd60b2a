"""Reproduce resources/fonts/Fandol*.ttf: the Fandol fonts converted from CFF to TrueType outlines.

reportlab embeds only TrueType-outline fonts; the Fandol fonts (Song, Hei, Kai, Fang — the four 公文
styles, GPL with the font exception) are published as CFF OpenType. Each glyph is drawn through a
cubic-to-quadratic pen into a `glyf` table; everything else (cmap, metrics, names) is kept.

usage: python scripts/make_fandol_ttf.py [FANDOL_DIR] [OUT_DIR]
Without FANDOL_DIR the script downloads Debian's texlive-lang-chinese package (apt-get download, no
installation) into a temporary folder and unpacks it with dpkg-deb. Needs fontTools
(`pip install fonttools==4.66.1`). The result is deterministic for a given input.
"""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Which Fandol file becomes which bundled face. 小标宋 is a heavy Song: FandolSong-Bold is the
# closest freely licensed match; the other three roles take the regular weight.
FACES = {
    "FandolSong-Bold.otf": "FandolSong-Bold.ttf",
    "FandolHei-Regular.otf": "FandolHei-Regular.ttf",
    "FandolKai-Regular.otf": "FandolKai-Regular.ttf",
    "FandolFang-Regular.otf": "FandolFang-Regular.ttf",
}
# GB/T 9704 sets page numbers in 4号 半角宋体 (regular, not bold): only the characters of "— 12 —" are
# kept of FandolSong-Regular, so the regular Song costs kilobytes instead of another 6 MB in the bundle.
NUMERAL_FACES = {"FandolSong-Regular.otf": "FandolSong-Numerals.ttf"}
NUMERAL_CHARACTERS = "0123456789 —–-"
FANDOL_IN_DEB = "usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"
MAX_ERROR = 1.0  # font units (of 1000 per em): the quadratic outline deviates by at most this much


def convert(source: Path, target: Path) -> None:
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(str(source))
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyphs[name] = pen.glyph()

    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    font["head"].indexToLocFormat = 1  # long offsets: the table is larger than 128 KB
    font["head"].glyphDataFormat = 0
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, field, 1 if field == "maxZones" else 0)
    for field in ("maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours"):
        setattr(maxp, field, 0)  # recomputed on save
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    font.sfntVersion = "\x00\x01\x00\x00"
    target.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(target))


def convert_numerals(source: Path, target: Path) -> None:
    """Only the page-number characters of `source`, converted like the whole faces."""
    from fontTools import subset

    options = subset.Options()
    options.name_IDs = ["*"]  # keep the family name: the PDF names the face FandolSong-Regular
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=NUMERAL_CHARACTERS)
    subsetter.subset(font)
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / source.name
        font.save(str(small))
        convert(small, target)


def fandol_from_debian(workdir: Path) -> Path:
    subprocess.run(["apt-get", "download", "texlive-lang-chinese"], cwd=workdir, check=True)
    deb = next(workdir.glob("texlive-lang-chinese_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(workdir / "x")], check=True)
    return workdir / "x" / FANDOL_IN_DEB


def main(argv: list[str]) -> int:
    out = Path(argv[2]) if len(argv) > 2 else Path(__file__).resolve().parent.parent / "resources" / "fonts"
    with tempfile.TemporaryDirectory() as tmp:
        source_dir = Path(argv[1]) if len(argv) > 1 else fandol_from_debian(Path(tmp))
        for otf, ttf in FACES.items():
            convert(source_dir / otf, out / ttf)
            print(f"{otf} → {out / ttf} ({(out / ttf).stat().st_size / 1e6:.1f} MB)")
        for otf, ttf in NUMERAL_FACES.items():
            convert_numerals(source_dir / otf, out / ttf)
            print(f"{otf} → {out / ttf} ({(out / ttf).stat().st_size / 1e3:.1f} KB, page-number characters only)")
        # The package's licence text (GPL-3.0) and README (which states the font exception) go beside the fonts.
        root = source_dir.parents[len(FANDOL_IN_DEB.split("/")) - 1]
        docs = root / "usr/share/doc/texlive-doc/fonts/fandol"
        if (docs / "COPYING.gz").is_file():
            with gzip.open(docs / "COPYING.gz") as licence:
                (out / "fandol.COPYING-GPL-3.0.txt").write_bytes(licence.read())
            shutil.copyfile(docs / "README", out / "fandol.README.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

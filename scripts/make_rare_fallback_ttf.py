"""Reproduce resources/fonts/HanaMinA-rare.ttf: the rare characters of names, for the PDF's last fallback.

The 公文 faces (Fandol) cover GB2312 and the first fallback (WenQuanYi Micro Hei) the common
characters of GBK; neither has CJK Extension A (㛃, 䶮 …), the compatibility ideographs or any of
Extension B, which a person's name may hold. HanaMin A (花園明朝 A, GlyphWiki project, a Song/Ming
style like the body) has all of Extension A and part of B. This script keeps from it exactly the
characters (U+2E80 and above) that WenQuanYi Micro Hei lacks, so the bundle carries 6.5 MB instead
of 23 MB, and the font is parsed only when a document needs it (reports/fonts.py).

usage: python scripts/make_rare_fallback_ttf.py [HanaMinA.ttf] [OUT_DIR]
Without HanaMinA.ttf the script downloads Debian's fonts-hanazono package (apt-get download, no
installation) into a temporary folder and unpacks it with dpkg-deb. Needs fontTools
(`pip install -e '.[fonts]'`). The result is deterministic for a given input.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
HANAZONO_IN_DEB = "usr/share/fonts/truetype/hanazono/HanaMinA.ttf"
COPYRIGHT_IN_DEB = "usr/share/doc/fonts-hanazono/copyright"
FIRST = 0x2E80  # CJK radicals and everything after: below it the other faces have what is needed


def make(source: Path, out_dir: Path) -> Path:
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont

    common = set(TTCollection(str(FONTS / "wqy-microhei.ttc")).fonts[0].getBestCmap())
    font = TTFont(str(source), recalcTimestamp=False)  # the same bytes at every run
    keep = sorted(code for code in font.getBestCmap() if code >= FIRST and code not in common)
    options = subset.Options()
    options.layout_features = []  # plain ideographs: no shaping features are used
    options.name_IDs = ["*"]  # keep the names (family, copyright, licence)
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=keep)
    subsetter.subset(font)
    target = out_dir / "HanaMinA-rare.ttf"
    target.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(target))
    print(f"{source.name}: {len(keep)} characters → {target} ({target.stat().st_size / 1e6:.1f} MB)")
    return target


def from_debian(workdir: Path) -> Path:
    subprocess.run(["apt-get", "download", "fonts-hanazono"], cwd=workdir, check=True)
    deb = next(workdir.glob("fonts-hanazono_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(workdir / "x")], check=True)
    return workdir / "x" / HANAZONO_IN_DEB


def main(argv: list[str]) -> int:
    out = Path(argv[2]) if len(argv) > 2 else FONTS
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(argv[1]) if len(argv) > 1 else from_debian(Path(tmp))
        make(source, out)
        copyright_file = source.parents[len(HANAZONO_IN_DEB.split("/")) - 1] / COPYRIGHT_IN_DEB
        if copyright_file.is_file():
            shutil.copyfile(copyright_file, out / "hanazono.copyright")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

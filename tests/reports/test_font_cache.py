"""Parsed font metrics are kept between runs and give exactly the font a fresh parse gives; the font file
is mapped, and the subsets cut from it are byte for byte the ones ReportLab cuts from the file's bytes."""

import mmap
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from desktop.reports import font_cache
from desktop.reports.fonts import bundled_font_files, fonts_dir, glyph_fallbacks, resolve_faces

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "seed_000_jinkouhe_2024.fulian.json"
SMALL = fonts_dir() / "FandolSong-Numerals.ttf"  # 4 KB
LARGE = fonts_dir() / "FandolHei-Regular.ttf"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return font_cache.cache_dir()


def _face():
    return next(iter(resolve_faces().values()))


class _Doc:
    """What ReportLab keys a font's per-document subsets on (any object that takes a weak reference)."""


def _subsets(font: TTFont, text: str) -> list[list[int]]:
    """The subsets ReportLab makes of this text in a PDF (256 codes each, the first with its fixed codes)."""
    doc = _Doc()
    font.splitString(text, doc)
    return [list(subset) for subset in font.state[doc].subsets]


def _sample(face: TTFontFace) -> str:
    """The characters of the seed report, then every 7th character of the face: several subsets, with
    glyphs from the whole glyph table."""
    return SEED.read_text(encoding="utf-8") + "".join(chr(code) for code in sorted(face.charToGlyph)[::7])


def test_a_cached_font_measures_and_maps_like_a_freshly_parsed_one(cache):
    face = _face()
    first = font_cache.load_ttfont("CacheTestA", face.path, face.subfont)
    assert len(list(cache.glob("*.pickle"))) == 1
    cached = font_cache.load_ttfont("CacheTestB", face.path, face.subfont)
    fresh = TTFont("CacheTestC", str(face.path), subfontIndex=face.subfont)
    text = "部门整体支出绩效自评报告 2024年 94.26%"
    assert cached.stringWidth(text, 16) == fresh.stringWidth(text, 16) == first.stringWidth(text, 16)
    assert cached.face.charToGlyph == fresh.face.charToGlyph
    assert cached.face.charWidths == fresh.face.charWidths
    assert [cached.face.hmetrics[g] for g in range(len(cached.face.hmetrics))] == fresh.face.hmetrics
    assert list(cached.face.glyphPos) == fresh.face.glyphPos
    assert cached.face.glyphToChar == fresh.face.glyphToChar  # unpacked when first asked for
    assert (cached.face.ascent, cached.face.descent, cached.face.bbox) == (fresh.face.ascent, fresh.face.descent, fresh.face.bbox)


@pytest.mark.parametrize("which", ["roles", "fallbacks"])
def test_subsets_cut_from_the_mapped_file_are_byte_identical_to_reportlabs(cache, which):
    # The fallbacks include WenQuanYi, whose composite glyphs make the subsetter rewrite glyph references.
    faces = list(resolve_faces().values()) if which == "roles" else glyph_fallbacks()
    for face in {(f.path, f.subfont): f for f in faces}.values():
        font_cache.load_ttfont("CacheTestWarm", face.path, face.subfont)  # writes the cache
        cached = font_cache.load_ttfont("CacheTestCached", face.path, face.subfont)
        fresh = TTFont("CacheTestFresh", str(face.path), subfontIndex=face.subfont)
        subsets = _subsets(fresh, _sample(fresh.face))
        assert len(subsets) > 2 or len(fresh.face.charToGlyph) < 256, face.path.name  # the numerals cut: one
        for subset in subsets:
            assert cached.face.makeSubset(subset) == fresh.face.makeSubset(subset), face.path.name
        assert isinstance(cached.face._ttf_data, mmap.mmap)  # an unchanged file is never read whole


_CANVAS = """
import sys
from reportlab import rl_config
rl_config.invariant = 1
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from desktop.reports.font_cache import load_ttfont
from desktop.reports.fonts import resolve_faces

text = open(sys.argv[3], encoding="utf-8").read()
canvas = Canvas(sys.argv[2])
for n, face in enumerate({f.path: f for f in resolve_faces().values()}.values()):
    name = f"Face{n}"
    if sys.argv[1] == "cache":
        pdfmetrics.registerFont(load_ttfont(name, face.path, face.subfont))
    else:
        pdfmetrics.registerFont(TTFont(name, str(face.path), subfontIndex=face.subfont))
    canvas.setFont(name, 9)
    for row in range(0, 2000, 100):
        canvas.drawString(20, 800 - row / 4, text[row:row + 100])
    canvas.showPage()
canvas.save()
"""


def test_a_pdf_set_in_the_cached_faces_is_byte_identical_to_one_set_in_reportlabs(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(ROOT))
    script = tmp_path / "canvas.py"
    script.write_text(_CANVAS, encoding="utf-8")
    text = tmp_path / "text.txt"
    text.write_text("".join(c for c in SEED.read_text(encoding="utf-8") if c.isprintable()), encoding="utf-8")

    def pdf(how: str, name: str) -> bytes:
        subprocess.run([sys.executable, str(script), how, str(tmp_path / name), str(text)], check=True, env=env)
        return (tmp_path / name).read_bytes()

    reportlab = pdf("reportlab", "reportlab.pdf")
    assert pdf("cache", "cold.pdf") == reportlab  # the run that parses and writes the cache
    assert pdf("cache", "warm.pdf") == reportlab  # the run that reads it
    assert len(list((tmp_path / "cache").rglob("*.pickle"))) == 5


def test_a_damaged_cache_file_is_parsed_again_and_replaced(cache):
    face = _face()
    font_cache.load_ttfont("CacheTestD", face.path, face.subfont)
    (entry,) = cache.glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    font = font_cache.load_ttfont("CacheTestE", face.path, face.subfont)
    assert font.stringWidth("妇联", 12) > 0
    assert font_cache.load_ttfont("CacheTestF", face.path, face.subfont).stringWidth("妇联", 12) == font.stringWidth("妇联", 12)
    assert entry.read_bytes() != b"not a pickle"


def test_a_cache_folder_that_cannot_be_written_leaves_the_font_parsed(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    font = font_cache.load_ttfont("CacheTestG", LARGE)
    fresh = TTFont("CacheTestH", str(LARGE))
    assert font.stringWidth("妇女联合会", 12) == fresh.stringWidth("妇女联合会", 12)
    assert font.face.makeSubset([0, 0x5987, 0x5973]) == fresh.face.makeSubset([0, 0x5987, 0x5973])
    assert blocker.read_text(encoding="utf-8") == "a file where the cache folder would be"


def test_a_font_file_changed_after_caching_is_parsed_again(cache, tmp_path):
    path = tmp_path / "face.ttf"
    shutil.copyfile(SMALL, path)
    small = font_cache.load_ttfont("CacheTestI", path)
    assert 0x4E00 not in small.face.charToGlyph  # the numerals cut has no 一
    shutil.copyfile(LARGE, path)
    large = font_cache.load_ttfont("CacheTestJ", path)
    fresh = TTFont("CacheTestK", str(LARGE))
    assert large.face.charToGlyph == fresh.face.charToGlyph
    assert large.face.makeSubset([0, 0x4E00]) == fresh.face.makeSubset([0, 0x4E00])
    assert len(list(cache.glob("*.pickle"))) == 2


@pytest.mark.parametrize("how", ["replaced", "written over in place"])
def test_a_font_file_changed_while_loaded_is_parsed_again_before_a_subset(cache, tmp_path, how):
    # Written over in place with a smaller file, the old mapping reaches past the file's end: reading
    # there would kill the process (SIGBUS on Linux), so the face must not touch it.
    path = tmp_path / "face.ttf"
    shutil.copyfile(LARGE, path)
    font = font_cache.load_ttfont("CacheTestL", path)
    if how == "replaced":
        shutil.copyfile(SMALL, tmp_path / "new.ttf")
        os.replace(tmp_path / "new.ttf", path)
    else:
        with open(path, "r+b") as handle:
            handle.write(SMALL.read_bytes())
            handle.truncate()
    fresh = TTFontFace(str(SMALL))
    subset = [0] + sorted(fresh.charToGlyph)
    assert font.face.makeSubset(subset) == fresh.makeSubset(subset)
    assert font.face.charToGlyph == fresh.charToGlyph  # and the face measures as the new file from now on


def test_cache_files_of_an_earlier_format_are_removed_when_the_new_one_is_written(cache):
    cache.mkdir(parents=True)
    earlier = cache / "0123456789abcdef0123456789abcdef.pickle"  # how the first format named its files
    earlier.write_bytes(b"tables of an earlier format")
    face = _face()
    font_cache.load_ttfont("CacheTestM", face.path, face.subfont)
    assert not earlier.exists()
    assert [entry.name.endswith(f".v{font_cache.CACHE_FORMAT}.pickle") for entry in cache.glob("*.pickle")] == [True]


# ------------------------------------------------------------------ metrics shipped with the program


def _shipped(tmp_path, font: Path) -> tuple[Path, Path]:
    """A copy of `font` in a folder of its own and the program's metrics of it in another."""
    copy = tmp_path / "fonts" / font.name
    copy.parent.mkdir()
    shutil.copyfile(font, copy)
    (written,) = font_cache.write_shipped([(copy, 0)], tmp_path / "metrics")
    return copy, written


def _mark(entry: Path, family: bytes) -> None:
    """Rewrite the stored metrics with another family name, to see which file a face came from."""
    import pickle

    state = pickle.loads(entry.read_bytes())
    state["familyName"] = family
    entry.write_bytes(pickle.dumps(state))


def test_the_first_pdf_on_a_pc_reads_the_programs_metrics_and_keeps_them_in_the_users_cache(tmp_path, cache):
    font, entry = _shipped(tmp_path, SMALL)
    _mark(entry, b"FromTheProgram")
    loaded = font_cache.load_ttfont("ShippedA", font, shipped=tmp_path / "metrics")
    assert loaded.face.familyName == b"FromTheProgram"
    assert loaded.face.filename == str(font)  # where the file is on this PC, not where it was parsed
    fresh = TTFont("ShippedFresh", str(font))
    assert loaded.face.charToGlyph == fresh.face.charToGlyph and loaded.face.charWidths == fresh.face.charWidths
    assert len(list(cache.glob("*.pickle"))) == 1  # the next export reads the user's cache
    again = font_cache.load_ttfont("ShippedB", font, shipped=tmp_path / "no-metrics")
    assert again.face.familyName == b"FromTheProgram"


def test_the_programs_metrics_of_another_file_of_that_name_are_not_used(tmp_path, cache):
    font, entry = _shipped(tmp_path, SMALL)
    _mark(entry, b"FromTheProgram")
    # A font of the same name, changed in place: its checksum is another, so its metrics are parsed.
    data = bytearray(font.read_bytes())
    table = data.index(b"head")
    start = int.from_bytes(data[table + 8:table + 12], "big")
    data[start + 8:start + 12] = (int.from_bytes(data[start + 8:start + 12], "big") ^ 1).to_bytes(4, "big")
    font.write_bytes(bytes(data))
    loaded = font_cache.load_ttfont("ShippedC", font, shipped=tmp_path / "metrics")
    assert loaded.face.familyName != b"FromTheProgram"


def test_damaged_program_metrics_are_parsed_around_and_left_alone(tmp_path, cache):
    font, entry = _shipped(tmp_path, SMALL)
    entry.write_bytes(b"not a pickle")
    loaded = font_cache.load_ttfont("ShippedD", font, shipped=tmp_path / "metrics")
    assert loaded.face.charToGlyph == TTFont("ShippedFresh2", str(font)).face.charToGlyph
    assert entry.read_bytes() == b"not a pickle"  # a program file: never removed by the program


def test_every_face_a_report_can_use_gets_metrics(tmp_path):
    files = bundled_font_files()
    written = font_cache.write_shipped(files, tmp_path)
    assert len(written) == len(files) >= 6  # four Fandol styles, the numerals, the two fallbacks

"""Parsed font metrics are kept between runs and give exactly the font a fresh parse gives."""

from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from desktop.reports import font_cache
from desktop.reports.fonts import resolve_faces


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return font_cache.cache_dir()


def _face():
    return next(iter(resolve_faces().values()))


def test_a_cached_font_measures_and_maps_like_a_freshly_parsed_one(cache):
    face = _face()
    first = font_cache.load_ttfont("CacheTestA", face.path, face.subfont)
    assert len(list(cache.glob("*.pickle"))) == 1
    cached = font_cache.load_ttfont("CacheTestB", face.path, face.subfont)
    fresh = TTFont("CacheTestC", str(face.path), subfontIndex=face.subfont)
    text = "部门整体支出绩效自评报告 2024年 94.26%"
    assert cached.stringWidth(text, 16) == fresh.stringWidth(text, 16) == first.stringWidth(text, 16)
    assert cached.face.charToGlyph == fresh.face.charToGlyph
    assert cached.face.makeSubset([0x90E8, 0x95E8]) == fresh.face.makeSubset([0x90E8, 0x95E8])
    assert (cached.face.ascent, cached.face.descent, cached.face.bbox) == (fresh.face.ascent, fresh.face.descent, fresh.face.bbox)


def test_a_damaged_cache_file_is_parsed_again_and_replaced(cache):
    face = _face()
    font_cache.load_ttfont("CacheTestD", face.path, face.subfont)
    (entry,) = cache.glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    font = font_cache.load_ttfont("CacheTestE", face.path, face.subfont)
    assert font.stringWidth("妇联", 12) > 0
    assert font_cache.load_ttfont("CacheTestF", face.path, face.subfont).stringWidth("妇联", 12) == font.stringWidth("妇联", 12)
    assert entry.read_bytes() != b"not a pickle"

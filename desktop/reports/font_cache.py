"""Parsed TrueType metrics kept between runs, so that a PDF export does not re-read every glyph table.

ReportLab reads a font's character map and widths in Python at every start (about 40 ms per 公文 face,
a fifth of a second for the set). The parsed tables are stored once per font file in the user's cache
folder, keyed on the file's path, size and modification time and on the ReportLab version; the font
file itself is still read for subsetting. Any problem with the cache falls back to parsing the font.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

CACHE_FORMAT = 1
_DERIVED = ("_ttf_data", "_pdfScale")  # the file's bytes (re-read) and a scaling lambda (rebuilt)


def cache_dir() -> Path:
    from ..paths import user_cache_dir

    return user_cache_dir() / "fonts"


def _key(path: Path, subfont: int) -> str:
    import reportlab

    stat = path.stat()
    text = f"{CACHE_FORMAT}|{reportlab.Version}|{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{subfont}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def load_ttfont(name: str, path: Path, subfont: int = 0):
    """A ReportLab TTFont for the face, from the cache when this exact file was parsed before."""
    from reportlab.pdfbase.ttfonts import TTFont

    path = Path(path)
    try:
        entry = cache_dir() / f"{_key(path, subfont)}.pickle"
        font = _from_cache(name, path, entry)
        if font is not None:
            return font
    except (OSError, ImportError):
        entry = None
    font = TTFont(name, str(path), subfontIndex=subfont)
    if entry is not None:
        _store(font.face, entry)
    return font


def _from_cache(name: str, path: Path, entry: Path):
    if not entry.is_file():
        return None
    from fnmatch import fnmatch
    from weakref import WeakKeyDictionary

    from reportlab import rl_config
    from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

    try:
        with open(entry, "rb") as handle:
            state = pickle.load(handle)  # our own file in the user's own cache folder
        face = TTFontFace.__new__(TTFontFace)
        face.__dict__.update(state)
        face._ttf_data = path.read_bytes()
        units = face.unitsPerEm
        face._pdfScale = (lambda x: x) if units == 1000 else (lambda x, k=1000 / units: x * k)
    except Exception:  # noqa: BLE001 - a damaged or foreign cache file: parse the font instead
        entry.unlink(missing_ok=True)
        return None
    # What TTFont.__init__ does after parsing the face (ReportLab's version is part of the key).
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)
    return font


def _store(face, entry: Path) -> None:
    state = {k: v for k, v in face.__dict__.items() if k not in _DERIVED}
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".font-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(state, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # no cache this time; the export itself is unaffected

"""Which face each role of the document uses: the Word family name, and the TrueType file the PDF embeds.

The table of roles is data (resources/fonts/fonts.json). The PDF prefers the official Windows faces
(simfang.ttf, simhei.ttf, simkai.ttf, 方正小标宋简体) and otherwise takes the bundled Fandol faces in the
same four styles (Song, Hei, Kai, Fang), so a PDF always embeds a real TrueType font and never relies on
a viewer's Asian font pack. The Fandol faces cover GB2312 only: a character a face lacks (a rare
character in a name) is set in the bundled WenQuanYi Micro Hei instead, never drawn as an empty box.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from ..errors import UserError
from ..paths import resources_dir
from .document import Font


class FontFileError(UserError):
    """A font file the PDF needs cannot be used: damaged, cut short, or not readable."""

    def __init__(self, face: "Face"):
        if face.bundled:
            advice = "程序自带的字体文件不完整，请重新安装本程序。"
        else:
            advice = ("请在 Windows 的“设置 → 个性化 → 字体”中删除并重新安装该字体（或请技术人员处理）后再导出；"
                      "只导出 Word 文件不受影响。")
        super().__init__(f"字体文件“{face.path}”已损坏或无法读取，不能用它生成 PDF。{advice}"
                         "本次没有导出任何文件，原有文件未改动。")
        self.path = face.path


@dataclass(frozen=True)
class Face:
    """The face for one role: `docx` goes into the Word file; `path`/`subfont` is what the PDF embeds."""

    role: Font
    docx: str
    path: Path
    subfont: int
    bundled: bool  # True: the fallback font, not the official face

    @property
    def pdf_name(self) -> str:
        """The name under which reportlab knows this file (one registration per file and face)."""
        return f"F_{self.path.stem}_{self.subfont}"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def system_font_dirs() -> list[Path]:
    """Windows' font folders (machine-wide and per-user installs)."""
    dirs = []
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


def _split(entry: str) -> tuple[str, int]:
    name, _, index = entry.partition("#")
    return name, int(index or 0)


@lru_cache(maxsize=None)
def _table(folder: Path) -> dict:
    return json.loads((folder / "fonts.json").read_text(encoding="utf-8"))


def resolve_faces(search: Optional[list[Path]] = None, folder: Optional[Path] = None) -> dict[Font, Face]:
    """The face of every role, looking in resources/fonts then the system folders (`search` overrides)."""
    folder = folder or fonts_dir()
    table = _table(folder)
    dirs = [folder] + (system_font_dirs() if search is None else list(search))
    fallback_name, fallback_index = _split(table["fallback"]["file"])
    fallback = folder / fallback_name
    faces: dict[Font, Face] = {}
    for role in Font:
        spec = table["roles"][role.value]
        found: Optional[tuple[Path, int]] = None
        for entry in spec["files"]:
            name, index = _split(entry)
            for directory in dirs:
                candidate = directory / name
                if candidate.is_file():
                    found = (candidate, index)
                    break
            if found:
                break
        if found:
            # The first files in the list are the official face; a bundled stand-in (a Song for 小标宋)
            # means the Word file names the face a PC without 方正小标宋 has (宋体).
            bundled = found[0].parent == folder
            docx = spec["docx_fallback"] if bundled and "docx_fallback" in spec else spec["docx"]
            faces[role] = Face(role, docx, found[0], found[1], bundled=bundled)
        else:
            faces[role] = Face(role, spec.get("docx_fallback", spec["docx"]), fallback, fallback_index, bundled=True)
    return faces


def glyph_fallback(folder: Optional[Path] = None) -> Face:
    """The face for characters the role's face lacks (fonts.json "fallback")."""
    return glyph_fallbacks(folder)[0]


def glyph_fallbacks(folder: Optional[Path] = None) -> list[Face]:
    """The faces tried, in order, for a character the role's face lacks: fonts.json "fallback" (the
    common characters, GBK) and then "rare" (CJK Extension A, compatibility ideographs and the
    Extension B characters it has: the rare characters of names)."""
    folder = folder or fonts_dir()
    faces = []
    for key in ("fallback", "rare"):
        spec = _table(folder).get(key)
        if spec:
            name, index = _split(spec["file"])
            faces.append(Face(Font.BODY, spec["family"], folder / name, index, bundled=True))
    return faces


def bundled_font_files() -> list[tuple[Path, int]]:
    """(file, subfont) of every face the program brings that a report may be set in: the role faces
    found in resources/fonts and the glyph fallbacks."""
    faces = list(resolve_faces(search=[]).values()) + glyph_fallbacks()
    return sorted({(face.path, face.subfont) for face in faces})


_registered: dict[str, object] = {}
_on_demand: dict[str, Face] = {}  # fallback faces named but not yet parsed (pdf_name → face)
_lock = threading.RLock()


def _register(face: Face) -> str:
    from reportlab.pdfbase import pdfmetrics

    from .font_cache import load_ttfont

    if face.pdf_name not in _registered:
        try:
            font = load_ttfont(face.pdf_name, face.path, face.subfont)
        except Exception as exc:  # noqa: BLE001 - a damaged file fails anywhere in the parser (TTFError, KeyError …)
            raise FontFileError(face) from exc
        pdfmetrics.registerFont(font)
        _registered[face.pdf_name] = font
    return face.pdf_name


def register_pdf_fonts(faces: dict[Font, Face], fallbacks: Optional[list[Face]] = None) -> dict[Font, str]:
    """Register each file with reportlab once per process; returns role → reportlab font name.

    The glyph fallback faces (see `with_fallback`) are only named here: they are the largest files
    (WenQuanYi has five times the glyphs of a Fandol face) and most reports never need them, so each
    is parsed and registered when a character first turns out to be missing from the faces before it.
    """
    with _lock:
        for fallback in glyph_fallbacks() if fallbacks is None else fallbacks:
            if fallback.pdf_name not in _registered:
                _on_demand[fallback.pdf_name] = fallback
        return {role: _register(face) for role, face in faces.items()}


def covers(font_name: str, char: str) -> bool:
    """Whether a font has a glyph for the character (spaces and controls always pass).

    A fallback face named by register_pdf_fonts is registered here, the first time it is asked about.
    """
    if char.isspace() or ord(char) < 32:
        return True
    font = _registered.get(font_name)
    if font is None:
        with _lock:
            if font_name not in _registered:
                _register(_on_demand[font_name])
            font = _registered[font_name]
    return ord(char) in font.face.charToGlyph


def with_fallback(runs: list[tuple[str, str]], fallbacks: str | Sequence[str]) -> list[tuple[str, str]]:
    """Runs of (text, font) re-cut so that every character a font lacks is set in the first fallback
    font that has it.

    Where every fallback lacks it as well the character stays with the role's font (nothing better exists).
    """
    if isinstance(fallbacks, str):
        fallbacks = [fallbacks]
    result: list[tuple[str, str]] = []
    for text, font in runs:
        for char in text:
            face = font
            if not covers(font, char):
                face = next((name for name in fallbacks if covers(name, char)), font)
            if result and result[-1][1] == face:
                result[-1] = (result[-1][0] + char, face)
            else:
                result.append((char, face))
    return result

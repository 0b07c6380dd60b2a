"""Which face each role of the document uses: the Word family name, and the TrueType file the PDF embeds.

The table of roles is data (resources/fonts/fonts.json). The PDF prefers the official Windows faces
(simfang.ttf, simhei.ttf, simkai.ttf, simsun.ttc) and falls back to the bundled WenQuanYi Micro Hei, so
a PDF always embeds a real TrueType font and never relies on a viewer's Asian font pack.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..paths import resources_dir
from .document import Font


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
            # The first file in the list is the preferred face; a later one is a fallback face
            # (宋体 for 小标宋), and the Word file must then name that face too.
            first_name, _ = _split(spec["files"][0])
            docx = spec["docx"] if found[0].name == first_name or "docx_fallback" not in spec else spec["docx_fallback"]
            faces[role] = Face(role, docx, found[0], found[1], bundled=False)
        else:
            faces[role] = Face(role, spec.get("docx_fallback", spec["docx"]), fallback, fallback_index, bundled=True)
    return faces


_registered: set[str] = set()
_lock = threading.Lock()


def register_pdf_fonts(faces: dict[Font, Face]) -> dict[Font, str]:
    """Register each file with reportlab once per process; returns role → reportlab font name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names: dict[Font, str] = {}
    with _lock:
        for role, face in faces.items():
            if face.pdf_name not in _registered:
                pdfmetrics.registerFont(TTFont(face.pdf_name, str(face.path), subfontIndex=face.subfont))
                _registered.add(face.pdf_name)
            names[role] = face.pdf_name
    return names

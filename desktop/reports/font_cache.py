"""Parsed TrueType metrics kept between runs, and font files mapped instead of read, for a fast PDF export.

ReportLab reads a font's character map and widths in Python at every start (about 40 ms per 公文 face,
a fifth of a second for the set). The parsed tables are stored once per font file in the user's cache
folder, keyed on the file's path, size and modification time and on the ReportLab version. Any problem
with the cache falls back to parsing the font.

The program brings the metrics of its own fonts (resources/fonts/metrics, made by
scripts/make_font_metrics.py when it is set up or bundled), keyed on what the file is rather than where:
its name, size and TrueType checksum. A face the user's cache lacks is taken from there and copied into
the user's cache, so even the first PDF made on a PC parses no font.

What is stored is shaped for a fast load: the glyph offsets and horizontal metrics as int arrays (read
back as one block each instead of ten thousand Python objects), and the glyph → characters table, which
only ReportLab's text shaping reads, as a pickled block unpacked the first time it is asked for.

The font file itself (6–9 MB per face; a subset needs a few hundred glyphs of it) is mapped read-only
rather than read: a subset then touches only the pages of the glyphs it copies, and its glyph table is
sliced in place instead of copied whole once per subset (`get_table`). The mapping lives as long as the
face, which is registered for the life of the process. On Windows a mapped file cannot be replaced or
truncated; on Linux a file replaced by a new one (rename) leaves the old mapping valid. A file written
over in place would change under the mapping, so before each subset the file is looked at again: if it
is no longer the one that was loaded, the face is parsed afresh from the file as it is now.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import pickle
import struct
import tempfile
import threading
from array import array
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

CACHE_FORMAT = 2
_SUFFIX = f".v{CACHE_FORMAT}.pickle"  # files of other formats are never read again (see _store)
# The file's bytes (mapped again), a scaling lambda (rebuilt), the parser's read position, and the three
# tables stored in their own shape (see _state).
_NOT_STORED = ("_ttf_data", "_pdfScale", "_pos", "hmetrics", "glyphPos", "glyphToChar")


def cache_dir() -> Path:
    from ..paths import user_cache_dir

    return user_cache_dir() / "fonts"


def _key(path: Path, stat: os.stat_result, subfont: int) -> str:
    text = f"{CACHE_FORMAT}|{reportlab.Version}|{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{subfont}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _stamp(stat: os.stat_result) -> tuple[int, int]:
    return stat.st_size, stat.st_mtime_ns


class _Pairs:
    """ReportLab's `hmetrics` (a list of (advance, left side bearing) per glyph) held as two arrays."""

    __slots__ = ("advances", "bearings")

    def __init__(self, advances: array, bearings: array):
        self.advances, self.bearings = advances, bearings

    def __getitem__(self, glyph: int) -> tuple[int, int]:
        return self.advances[glyph], self.bearings[glyph]

    def __len__(self) -> int:
        return len(self.advances)


class _Slice:
    """A table of the font file as a window on it: slicing returns bytes, as slicing the table would.

    makeSubset only slices the 'glyf' table glyph by glyph; ReportLab's own get_table copies all of it
    (megabytes) for every subset to take a few hundred glyphs out."""

    __slots__ = ("data", "start", "length")

    def __init__(self, data, start: int, length: int):
        self.data, self.start, self.length = data, start, length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("a table window is read by slices")
        begin, end, step = index.indices(self.length)
        if step != 1:
            raise ValueError("a table window is read by contiguous slices")
        return self.data[self.start + begin:self.start + max(begin, end)]


class MappedFace(TTFontFace):
    """A ReportLab face built from the cached tables, reading its font file through a read-only mapping."""

    def _attach(self, path: Path, subfont: int, handle) -> None:
        """Map the open font file; `handle` is the file the cache key (or the parse) was made from."""
        self._path, self._subfont = path, subfont
        # Taken the way _reparse_if_changed looks again (by path), so that an unchanged file always
        # compares equal, whatever the system reports through an open handle.
        self._stamp = _stamp(path.stat())
        self._lock = threading.Lock()  # ReportLab's subsetting moves a read position kept on the face
        try:
            self._ttf_data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # a file system that cannot map: read it as ReportLab would
            handle.seek(0)
            self._ttf_data = handle.read()
        units = self.unitsPerEm
        self._pdfScale = (lambda x: x) if units == 1000 else (lambda x, k=1000 / units: x * k)

    def __getattr__(self, name):
        # Only called for an attribute the face does not have: the shaping table, unpacked on first use.
        packed = self.__dict__.get("_glyph_to_char")
        if name != "glyphToChar" or packed is None:
            raise AttributeError(name)
        table = self.glyphToChar = pickle.loads(packed)  # two threads asking at once both get a table
        self.__dict__.pop("_glyph_to_char", None)
        return table

    def get_table(self, tag):
        if tag == "glyf":
            start, length = self.get_table_pos(tag)
            return _Slice(self._ttf_data, start, length)
        return super().get_table(tag)

    def makeSubset(self, subset):
        with self._lock:
            self._reparse_if_changed()
            return super().makeSubset(subset)

    def _reparse_if_changed(self) -> None:
        """Parse the face again if its file was changed since it was loaded (see the module docstring)."""
        try:
            current = _stamp(self._path.stat())
        except OSError:
            return  # removed: the mapping still holds the file that was loaded
        if current == self._stamp:
            return
        with open(str(self._path), "rb") as handle:
            fresh = TTFontFace(handle, subfontIndex=self._subfont)
        old = self._ttf_data
        self.__dict__.pop("_glyph_to_char", None)
        self.__dict__.update(fresh.__dict__)  # the new file's tables, and its bytes as read just now
        self._stamp = current
        if isinstance(old, mmap.mmap):
            old.close()


def load_ttfont(name: str, path: Path, subfont: int = 0, shipped: Path | None = None):
    """A ReportLab TTFont for the face, from the cache when this exact file was parsed before.

    `shipped`: the program's own parsed metrics (default: resources/fonts/metrics, see write_shipped),
    asked when the user's cache has none, so that even the first PDF made on a PC parses no font.
    """
    path = Path(path)
    with open(str(path), "rb") as handle:  # ReportLab names the face's file by this handle's name
        stat = os.fstat(handle.fileno())
        try:
            entry = cache_dir() / f"{_key(path, stat, subfont)}{_SUFFIX}"
            face = _from_cache(entry, path, subfont, handle)
        except (OSError, ImportError):
            entry, face = None, None
        if face is None:
            face = _from_shipped(shipped if shipped is not None else shipped_dir(), path, subfont, handle, entry)
        if face is None:
            handle.seek(0)
            state = _state(TTFontFace(handle, subfontIndex=subfont))
            if entry is not None:
                _store(state, entry)
            face = _face(state, path, subfont, handle)
    return _font(name, face)


# ------------------------------------------------------------------ metrics shipped with the program


def shipped_dir() -> Path:
    from ..paths import resources_dir

    return resources_dir() / "fonts" / "metrics"


def _identity(handle, subfont: int) -> str | None:
    """What names a font file whatever its folder and date: its name's stem is not enough, so the
    size and the whole-file checksum TrueType keeps in its 'head' table (checkSumAdjustment, which
    any font editor rewrites) go with it. None for a file that is not a TrueType font or collection."""
    try:
        handle.seek(0)
        header = handle.read(12)
        offset = 0
        if header[:4] == b"ttcf":
            count = struct.unpack(">L", header[8:12])[0]
            if not 0 <= subfont < count:
                return None
            handle.seek(12 + 4 * subfont)
            offset = struct.unpack(">L", handle.read(4))[0]
            handle.seek(offset)
            header = handle.read(12)
        if header[:4] not in (b"\x00\x01\x00\x00", b"true"):
            return None
        tables = struct.unpack(">H", header[4:6])[0]
        directory = handle.read(16 * tables)
        for n in range(tables):
            tag, _checksum, start, _length = struct.unpack(">4sLLL", directory[16 * n:16 * n + 16])
            if tag == b"head":
                handle.seek(start + 8)
                checksum = struct.unpack(">L", handle.read(4))[0]
                size = os.fstat(handle.fileno()).st_size
                return f"{size}-{checksum:08x}-{subfont}"
    except (OSError, struct.error):
        return None
    return None


def _shipped_entry(folder: Path, path: Path, handle, subfont: int) -> Path | None:
    identity = _identity(handle, subfont)
    if identity is None:
        return None
    return folder / f"{path.stem}-{identity}-rl{reportlab.Version}{_SUFFIX}"


def _from_shipped(folder: Path, path: Path, subfont: int, handle, user_entry: Path | None):
    """The face from the program's metrics; they are copied into the user's cache (`user_entry`), the
    one place a face is read from once it has been used on this PC."""
    try:
        entry = _shipped_entry(folder, path, handle, subfont)
        if entry is None or not entry.is_file():
            return None
        data = entry.read_bytes()
        face = _face(pickle.loads(data), path, subfont, handle)  # a file of the program itself (write_shipped)
    except Exception:  # noqa: BLE001 - a damaged or foreign file: parse the font instead (never removed: not ours to fix)
        return None
    if user_entry is not None:
        _store_bytes(data, user_entry)
    return face


def write_shipped(files: list[tuple[Path, int]], folder: Path | None = None) -> list[Path]:
    """Parse each (font file, subfont) and keep its metrics in `folder` (default shipped_dir()):
    run when the program is set up or bundled. Returns the files written."""
    folder = folder if folder is not None else shipped_dir()
    written = []
    for path, subfont in files:
        path = Path(path)
        with open(str(path), "rb") as handle:
            entry = _shipped_entry(folder, path, handle, subfont)
            if entry is None:
                continue
            handle.seek(0)
            _store(_state(TTFontFace(handle, subfontIndex=subfont)), entry)
        if entry.is_file():
            entry.chmod(0o644)  # part of the program: readable by every account, as its other files
            written.append(entry)
    return written


def _from_cache(entry: Path, path: Path, subfont: int, handle):
    if not entry.is_file():
        return None
    try:
        with open(entry, "rb") as stored:
            state = pickle.load(stored)  # our own file in the user's own cache folder
        return _face(state, path, subfont, handle)
    except Exception:  # noqa: BLE001 - a damaged or foreign cache file: parse the font instead
        entry.unlink(missing_ok=True)
        return None


def _state(face: TTFontFace) -> dict:
    """What is stored of a freshly parsed face (_face builds the face back from it)."""
    state = {k: v for k, v in face.__dict__.items() if k not in _NOT_STORED}
    try:
        # Advances and bearings are read as unsigned shorts; a font whose advances ReportLab scaled to
        # other values keeps the plain list of pairs.
        state["hmetrics"] = (array("H", [m[0] for m in face.hmetrics]), array("H", [m[1] for m in face.hmetrics]))
    except (TypeError, OverflowError):
        state["hmetrics"] = face.hmetrics
    state["glyphPos"] = array("L", face.glyphPos)
    state["_glyph_to_char"] = pickle.dumps(face.glyphToChar, protocol=pickle.HIGHEST_PROTOCOL)
    return state


def _face(state: dict, path: Path, subfont: int, handle) -> MappedFace:
    face = MappedFace.__new__(MappedFace)
    face.__dict__.update(state)
    face.filename = str(path)  # where this face's file is now (the state may come from another folder)
    if isinstance(face.hmetrics, tuple):
        face.hmetrics = _Pairs(*face.hmetrics)
    face._attach(path, subfont, handle)
    return face


def _font(name: str, face: TTFontFace) -> TTFont:
    # What TTFont.__init__ does after parsing the face (ReportLab's version is part of the cache key).
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)
    return font


def _store(state: dict, entry: Path) -> None:
    try:
        data = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return  # no cache this time; the export itself is unaffected
    _store_bytes(data, entry)


def _store_bytes(data: bytes, entry: Path) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".font-", suffix=".tmp")
    except OSError:
        return  # no cache this time; the export itself is unaffected
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, entry)
    except OSError:
        Path(temporary).unlink(missing_ok=True)  # a full disk: no half file left in the cache folder
        return
    # A new format is written first after an update of the program: the files of the old one would
    # otherwise stay in the user's cache folder for good.
    try:
        for other in entry.parent.glob("*.pickle"):
            if not other.name.endswith(_SUFFIX):
                other.unlink(missing_ok=True)
    except OSError:
        pass  # in use by an older copy of the program still running: removed on a later run

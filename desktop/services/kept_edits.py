"""Edits the database could not take (server unreachable, disk full, report changed elsewhere), kept on this PC.

When a save fails, the clerk's whole copy of the report is written into `<user data>/未保存的修改/` as a
data file (.fulian.json, which 导入数据文件 also reads) beside a small note saying which database, unit
and year it belongs to, the revision it was based on, who and when, why it failed and what the edits
were. A later successful save of the same session removes both. So edits survive the program being
closed (or killed) while the server is unreachable: at the next start on that database the window
offers them, and they are saved only while the stored report is still the one they were made on —
otherwise the clerk is told who changed it and decides.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.model import Report
from ..errors import UserError
from ..storage import Database

if TYPE_CHECKING:
    from .workspace import Workspace

FOLDER_NAME = "未保存的修改"
NOTE_SUFFIX = ".note.json"
DATA_SUFFIX = ".fulian.json"


class KeptEditsError(UserError):
    """Kept edits that cannot be saved as they are: the report was changed elsewhere meanwhile."""

    def __init__(self, message: str, by: str | None = None, at: str | None = None):
        super().__init__(message)
        self.by = by
        self.at = at


def default_folder() -> Path:
    from ..paths import user_data_dir

    return user_data_dir() / FOLDER_NAME


@dataclass(frozen=True)
class KeptEdits:
    """One report's edits kept on this PC."""

    data_file: Path  # the clerk's whole copy of the report
    note_file: Path
    database: str  # the database's locator (a file path, or a server URL without password)
    unit: str
    year: int
    revision: int | None  # the stored revision the copy was made on
    author: str
    kept_at: str  # local time, ISO text
    reason: str  # why it could not be saved
    edits: tuple[str, ...]  # one line per edit, as the conflict dialog shows them

    @property
    def when(self) -> str:
        return self.kept_at.replace("T", " ")

    def summary(self) -> str:
        return f"“{self.unit}” {self.year} 年度（{self.author}，{self.when}）"


def keep(folder: Path, database: Database, report: Report, edits: list[str], reason: str,
         name: str | None = None) -> Path:
    """Write (or overwrite) the kept copy and its note; returns the data file. Raises OSError if it cannot."""
    from ..exchange import write_file
    from ..storage.author import current_author, now_text

    folder.mkdir(parents=True, exist_ok=True)
    if name is None:
        safe = re.sub(r'[\\/:*?"<>|\s]+', "_", report.unit.name).strip("_") or "单位"
        name = f"{datetime.now():%Y%m%d-%H%M%S-%f}-{safe}-{report.fiscal_year}"
    data_file = folder / f"{name}{DATA_SUFFIX}"
    write_file(report, data_file)
    note = {
        "database": database.locator,
        "unit": report.unit.name,
        "year": report.fiscal_year,
        "revision": report.revision,
        "author": current_author(),
        "kept_at": now_text(),
        "reason": reason,
        "edits": edits,
        "data_file": data_file.name,
    }
    note_file = folder / f"{name}{NOTE_SUFFIX}"
    temporary = note_file.with_name("." + note_file.name + ".tmp")
    temporary.write_text(json.dumps(note, ensure_ascii=False, indent=1), encoding="utf-8")
    temporary.replace(note_file)  # the note last: a note always names a whole data file
    return data_file


def discard(kept: KeptEdits | Path) -> None:
    """Remove a kept copy and its note (after it was saved, or when the clerk drops it)."""
    data_file = kept.data_file if isinstance(kept, KeptEdits) else Path(kept)
    note_file = kept.note_file if isinstance(kept, KeptEdits) else _note_of(data_file)
    for path in (note_file, data_file):
        path.unlink(missing_ok=True)


def _note_of(data_file: Path) -> Path:
    return data_file.with_name(data_file.name[: -len(DATA_SUFFIX)] + NOTE_SUFFIX)


def kept_for(workspace: Workspace, folder: Path | None = None) -> list[KeptEdits]:
    """The edits kept for this workspace's database, oldest first (notes that cannot be read are left alone)."""
    database = workspace.database
    folder = folder or default_folder()
    found = []
    for note_file in sorted(folder.glob(f"*{NOTE_SUFFIX}")) if folder.is_dir() else ():
        try:
            note = json.loads(note_file.read_text(encoding="utf-8"))
            kept = KeptEdits(
                data_file=note_file.with_name(note["data_file"]),
                note_file=note_file,
                database=note["database"],
                unit=note["unit"],
                year=int(note["year"]),
                revision=note.get("revision"),
                author=note.get("author", ""),
                kept_at=note.get("kept_at", ""),
                reason=note.get("reason", ""),
                edits=tuple(note.get("edits", ())),
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if kept.database == database.locator and kept.data_file.exists():
            found.append(kept)
    return sorted(found, key=lambda k: k.kept_at)


def save_kept(workspace: Workspace, kept: KeptEdits, *, replace: bool = False) -> Report:
    """Save the kept copy as the report; removes it when saved.

    Saved only while the stored report is still at the revision the edits were made on (or there is
    none any more); otherwise KeptEditsError naming who saved it and when, unless `replace` (the clerk,
    told so, chose to put her copy in place of theirs).
    """
    from ..exchange import read_file

    database = workspace.database
    try:
        report = read_file(kept.data_file)
    except UserError as exc:
        raise KeptEditsError(f"保留在本机的修改（{kept.data_file}）无法读取：{exc.message}") from None
    unit = database.units().find(report.unit.name)
    stored_stamp = database.reports().last_change(unit.id, report.fiscal_year) if unit is not None else None
    if stored_stamp is None:
        report.id, report.revision = None, None  # deleted meanwhile (or never saved): written anew
        report.unit.id = unit.id if unit is not None else None
    else:
        if stored_stamp.revision != kept.revision and not replace:
            at = (stored_stamp.changed_at or "").replace("T", " ") or "（时间不详）"
            by = stored_stamp.changed_by or "另一处"
            raise KeptEditsError(
                f"{kept.summary()}没能保存的修改是在旧的版本上做的：这份报告后来由 {by} 于 {at} 保存过。"
                "直接保存会覆盖他们的修改。您可以用保留的修改替换数据库中的报告，"
                f"或以后再处理（保留的修改仍在 {kept.data_file}，可以用“导入数据文件”对照）。",
                by=by, at=stored_stamp.changed_at,
            )
        stored = database.reports().get(unit.id, report.fiscal_year)
        report.id, report.revision, report.unit.id = stored.id, stored.revision, unit.id
    # A StorageError (the database is still not there, or refuses) leaves the copy kept; its message says why.
    if unit is not None and (report.unit.level, report.unit.superior) != (unit.level, unit.superior):
        database.units().update(report.unit)  # a unit field typed while the save failed
    saved = database.reports().save(report)
    discard(kept)
    return saved

"""收集: the district takes its townships' data files (a folder, a zip or single files) into its database.

Two steps, so that the clerk sees what will happen before anything changes:
`plan_collection` reads and checks every file (format, checksum, district and year, validation) and
compares it with what the database holds; `apply_collection` then imports each accepted file as its
township's report, one transaction per file. One bad file never stops the others.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..domain.district import Submission, TownshipFigures, figures_of
from ..domain.model import Report, UnitLevel
from ..errors import UserError
from ..exchange import ChecksumMismatchError, Envelope, ExchangeError
from ..exchange.fileformat import FILE_SUFFIX, MAX_FILE_BYTES, envelope_from_bytes
from .district import scored
from .workspace import Workspace

ZIP_RESAVE = "请把各乡镇的报送文件重新打包（或直接选择文件夹）后再收集"


class CollectError(UserError):
    """Nothing to collect (no files found, a path that does not exist)."""


class Outcome(str, Enum):
    """What collecting will do with one file."""

    NEW_TOWNSHIP = "新乡镇"  # a township the district does not list yet: offered as new
    NEW = "首次报送"
    REPLACE = "替换旧文件"
    SAME = "与已收文件相同"
    OLDER = "旧于已收文件"
    REFUSED = "拒收"

    @property
    def imports(self) -> bool:
        return self in (Outcome.NEW_TOWNSHIP, Outcome.NEW, Outcome.REPLACE)


@dataclass(frozen=True)
class IncomingFile:
    """A file to collect: where it came from (for the clerk) and how to read its bytes."""

    name: str
    read: Callable[[], bytes]


@dataclass(frozen=True)
class Change:
    """One figure before → after, for the preview of a replacement."""

    label: str
    before: str
    after: str


@dataclass
class PlannedFile:
    source: str
    outcome: Outcome
    township: str = ""
    reason: str = ""  # why refused / skipped; the check's summary otherwise
    envelope: Optional[Envelope] = None
    changes: list[Change] = field(default_factory=list)
    error_count: int = 0
    warning_count: int = 0
    rule_codes: tuple[str, ...] = ()

    def describe(self) -> str:
        head = f"{self.source}：{self.outcome.value}"
        if self.township:
            head += f"（{self.township}）"
        return f"{head}。{self.reason}" if self.reason else head


@dataclass
class CollectPlan:
    district: str
    year: int
    files: list[PlannedFile]

    @property
    def new_townships(self) -> list[str]:
        return [f.township for f in self.files if f.outcome is Outcome.NEW_TOWNSHIP]


@dataclass
class CollectResult:
    imported: list[PlannedFile]
    skipped: list[PlannedFile]  # refused, older, same, or a new township the clerk declined
    failed: list[tuple[PlannedFile, str]]  # accepted but could not be stored (nothing of it was stored)


# ------------------------------------------------------------------ finding the files


def gather(paths: Iterable[Path]) -> list[IncomingFile]:
    """Every data file under the given folders, inside the given zips, or the files themselves."""
    found: list[IncomingFile] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and (child.name.endswith(FILE_SUFFIX) or child.suffix.lower() == ".zip"):
                    found.extend(gather([child]))
        elif path.suffix.lower() == ".zip":
            found.extend(_zip_members(path))
        elif path.exists():
            found.append(IncomingFile(path.name, lambda p=path: _read_limited(p)))
        else:
            raise CollectError(f"找不到“{path}”。请检查文件或文件夹的位置。")
    return found


def _read_limited(path: Path) -> bytes:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ExchangeError(f"文件过大（{path.stat().st_size // (1024 * 1024)} MB），不是一个单位一年的数据文件。")
    return path.read_bytes()


def _zip_members(path: Path) -> list[IncomingFile]:
    """The data files inside a zip, read in memory under the same limits as any package we open."""
    # Here rather than at the top: the district page imports this module while the window is built,
    # and excel.safety brings openpyxl, which only a zip needs.
    from ..excel.safety import UnsafeFileError, check_members

    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            check_members(path, infos, resave=ZIP_RESAVE)
    except zipfile.BadZipFile:
        return [IncomingFile(path.name, lambda: _raise(ExchangeError("压缩包已损坏，无法打开。请重新打包后再收集。")))]
    except UnsafeFileError as exc:
        return [IncomingFile(path.name, lambda e=exc: _raise(e))]
    members = [i for i in infos if not i.is_dir() and i.filename.endswith(FILE_SUFFIX)]

    def reader(info: zipfile.ZipInfo) -> Callable[[], bytes]:
        def read() -> bytes:
            if info.file_size > MAX_FILE_BYTES:
                raise ExchangeError(f"文件过大（{info.file_size // (1024 * 1024)} MB），不是一个单位一年的数据文件。")
            with zipfile.ZipFile(path) as archive, archive.open(info) as member:
                data = member.read(MAX_FILE_BYTES + 1)
            if len(data) > info.file_size:  # the directory lied about the size
                raise ExchangeError("压缩包中的文件大小与目录记载不符，压缩包可能被恶意构造，不予收集。")
            return data

        return read

    return [IncomingFile(f"{path.name}/{i.filename}", reader(i)) for i in members]


def _raise(exc: Exception) -> bytes:
    raise exc


# ------------------------------------------------------------------ planning


def plan_collection(workspace: Workspace, district: str, year: int, files: list[IncomingFile]) -> CollectPlan:
    """Read and check every file; nothing is written."""
    from ..validation import validate
    from ..validation.issue import Severity

    repo = workspace.database.district()
    townships = {unit.name: unit for unit, _retired in repo.townships(district)}
    known_ids = [u.id for u in townships.values()]
    submissions = repo.submissions(known_ids, year)
    stored = repo.figures(known_ids, year)
    planned: list[PlannedFile] = []
    for incoming in files:
        try:
            envelope = envelope_from_bytes(incoming.read())
        except ChecksumMismatchError as exc:
            # Recorded against the township it names when that is one of ours for this year.
            named = exc.report
            ours = named is not None and named.fiscal_year == year and named.unit.name.strip() in townships
            planned.append(PlannedFile(incoming.name, Outcome.REFUSED, township=named.unit.name.strip() if ours else "",
                                       reason=f"[校验码不符] {exc.message}", rule_codes=("FILE-CHECKSUM",)))
            continue
        except (ExchangeError, UserError) as exc:
            planned.append(PlannedFile(incoming.name, Outcome.REFUSED, reason=f"[格式] {exc.message}"))
            continue
        except OSError as exc:
            planned.append(PlannedFile(incoming.name, Outcome.REFUSED, reason=f"[读取] 无法读取：{exc.strerror or exc}"))
            continue
        report = envelope.report
        name = report.unit.name.strip()
        item = PlannedFile(incoming.name, Outcome.NEW, township=name, envelope=envelope)
        refusal = _refusal(report, district, year, name in townships)
        if refusal:
            item.outcome, item.reason = Outcome.REFUSED, refusal
            planned.append(item)
            continue
        issues = validate(report)
        errors = [i for i in issues if i.severity is Severity.ERROR]
        item.error_count = len(errors)
        item.warning_count = sum(1 for i in issues if i.severity is Severity.WARNING)
        item.rule_codes = tuple(sorted({i.code for i in errors}))
        unit = townships.get(name)
        if unit is None:
            item.outcome = Outcome.NEW_TOWNSHIP
            item.reason = f"“{name}”不在本区的乡镇（街道）名单中，收集时将作为新乡镇（街道）加入。"
        elif unit.id in stored:
            previous = submissions.get(unit.id)
            item.outcome, item.reason = _against_previous(envelope, previous)
            if item.outcome is Outcome.REPLACE:
                item.changes = changes(scored(stored[unit.id]), scored(figures_of(report)))
        planned.append(item)
    _keep_newest_per_township(planned)
    return CollectPlan(district, year, planned)


def _refusal(report: Report, district: str, year: int, known: bool) -> str:
    if report.fiscal_year != year:
        return f"[年度] 文件是 {report.fiscal_year} 年度的，本次收集的是 {year} 年度。请让报送单位发送 {year} 年度的文件。"
    if report.unit.level is not UnitLevel.TOWNSHIP:
        return f"[层级] 文件的单位“{report.unit.name}”层级为“{report.unit.level.value}”，不是乡镇（街道）妇联的报送文件。"
    superior = report.unit.superior.strip()
    if superior != district and not (known and not superior):
        named = f"“{superior}”" if superior else "（未填写）"
        return f"[上级单位] 文件的上级单位为{named}，不是“{district}”。该文件应报送给其上级单位，本区不予收集。"
    return ""


def _against_previous(envelope: Envelope, previous: Optional[Submission]) -> tuple[Outcome, str]:
    """A file replaces the stored one only when it is newer (by its export time)."""
    if previous is None or previous.file_date is None or envelope.exported_at is None:
        return Outcome.REPLACE, "将替换已收的报告。"
    new, old = _aware(envelope.exported_at), _aware(previous.file_date)
    if new < old:
        return Outcome.OLDER, f"文件导出于 {new:%Y-%m-%d %H:%M}，早于已收文件（{old:%Y-%m-%d %H:%M}），不予替换。"
    if new == old:
        return Outcome.SAME, "与已收文件导出时间相同，无需重复导入。"
    return Outcome.REPLACE, f"文件导出于 {new:%Y-%m-%d %H:%M}，新于已收文件（{old:%Y-%m-%d %H:%M}），将替换。"


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _keep_newest_per_township(planned: list[PlannedFile]) -> None:
    """Two files of one township in one batch: only the newest is taken."""
    newest: dict[str, PlannedFile] = {}
    for item in planned:
        if not item.outcome.imports:
            continue
        other = newest.get(item.township)
        if other is None:
            newest[item.township] = item
            continue
        older, newer = sorted((other, item), key=lambda f: _aware(f.envelope.exported_at or datetime.min))
        older.outcome, older.reason = Outcome.OLDER, f"同一批中“{newer.source}”更新，本文件不予导入。"
        if newer.outcome is Outcome.REPLACE and not newer.changes:
            newer.reason = newer.reason or "将替换已收的报告。"
        newest[item.township] = newer


def changes(before: TownshipFigures, after: TownshipFigures) -> list[Change]:
    """The figures that differ between the stored report and the incoming one."""
    from ..domain.money import format_yuan

    def count(value) -> str:
        return "—" if value is None else str(value)

    def money(value) -> str:
        return "—" if value is None else format_yuan(value)

    rows = [
        ("活动数", count(before.totals.activities), count(after.totals.activities)),
        ("场次", count(before.totals.sessions), count(after.totals.sessions)),
        ("参与人次", count(before.totals.participants), count(after.totals.participants)),
        ("活动金额", money(before.totals.money), money(after.totals.money)),
        ("预算执行数", money(before.budget_executed), money(after.budget_executed)),
        ("自评得分", count(before.self_score), count(after.self_score)),
    ]
    for unit in sorted(set(before.totals.beneficiaries) | set(after.totals.beneficiaries)):
        rows.append((f"受益（{unit}）", count(before.totals.beneficiaries.get(unit)), count(after.totals.beneficiaries.get(unit))))
    return [Change(label, old, new) for label, old, new in rows if old != new]


# ------------------------------------------------------------------ applying


def apply_collection(
    workspace: Workspace,
    plan: CollectPlan,
    accept_new_townships: Callable[[str], bool] = lambda _name: True,
    progress: Optional[Callable[[int, int, str], None]] = None,
) -> CollectResult:
    """Import each accepted file as its township's report: one transaction per file."""
    repo = workspace.database.district()
    townships = {unit.name: unit for unit, _r in repo.townships(plan.district)}
    result = CollectResult([], [], [])
    now = datetime.now(timezone.utc).replace(microsecond=0)
    for number, item in enumerate(plan.files):
        if progress:
            progress(number, len(plan.files), f"正在收集 {item.source}…")
        if item.outcome is Outcome.REFUSED and item.envelope is None and item.township in townships:
            repo.store_refusal(townships[item.township].id, _record(item, plan.year, now))
        if not item.outcome.imports or (item.outcome is Outcome.NEW_TOWNSHIP and not accept_new_townships(item.township)):
            result.skipped.append(item)
            continue
        report = item.envelope.report
        report.id = None
        report.unit.level = UnitLevel.TOWNSHIP
        report.unit.superior = plan.district
        known = townships.get(item.township)
        report.unit.id = known.id if known else None
        try:
            repo.store_collected(report, _record(item, plan.year, now))
        except UserError as exc:
            result.failed.append((item, exc.message))
            continue
        result.imported.append(item)
    if progress:
        progress(len(plan.files), len(plan.files), "收集完成")
    return result


def _record(item: PlannedFile, year: int, now: datetime) -> Submission:
    envelope = item.envelope
    return Submission(
        unit_id=0,
        fiscal_year=year,
        file_name=item.source,
        file_date=envelope.exported_at if envelope else None,
        collected_at=now,
        integrity=envelope.integrity.name if envelope else "",
        refusal=item.reason if item.outcome is Outcome.REFUSED else "",
        error_count=item.error_count,
        warning_count=item.warning_count,
        rule_codes=item.rule_codes,
    )

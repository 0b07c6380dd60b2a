"""The exchange file's envelope: format name, version, and reading/writing it safely."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal
from enum import Enum
from pathlib import Path

from .. import __version__
from ..domain.model import Report
from ..errors import UserError
from ..fileio import atomic_write_bytes
from .codec import DecodeError, decode, encode

FORMAT_NAME = "fulian-desk/exchange"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 64 * 1024 * 1024  # a year of one unit is well under 10 MB
FILE_SUFFIX = ".fulian.json"


CHECKSUM_PREFIX = "sha256:"
CHECKSUM_PATTERN = r"^sha256:[0-9a-f]{64}$"


class ExchangeError(UserError):
    """An exchange file that cannot be taken, with a Chinese message for the clerk."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class ChecksumMismatchError(ExchangeError):
    """The report in the file is not the one its checksum was computed for: damaged or edited after export."""

    report: Report | None = None  # the report as the file states it (untrusted), when it could be read


class Integrity(Enum):
    """What the envelope's checksum says about the report in the file."""

    VERIFIED = "已校验"  # the checksum matches the report
    UNVERIFIED = "未校验"  # the file has no checksum (written before checksums existed, or removed by hand)


@dataclass(frozen=True)
class Envelope:
    """A file that was read: the report and what the envelope says about it."""

    report: Report
    integrity: Integrity
    exported_at: datetime | None
    generator: str


def _canonical_default(value: object) -> str:
    # Only a file that decode() refuses anyway holds a JSON float (parsed as Decimal); keep it hashable.
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(type(value).__name__)


def report_checksum(report_json: object) -> str:
    """SHA-256 of the canonical report: keys sorted, no whitespace, UTF-8 (docs/data-format.md §2.1).

    Canonical, so that re-indenting the file does not change it but any change to a value does.
    """
    canonical = json.dumps(
        report_json, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_canonical_default
    )
    return CHECKSUM_PREFIX + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def to_document(report: Report) -> dict:
    """The JSON document for one unit's year, with the checksum of its report."""
    encoded = encode(report)
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "generator": f"fulian-desk {__version__}",
        "exported_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "checksum": report_checksum(encoded),
        "report": encoded,
    }


def dumps(report: Report) -> str:
    return json.dumps(to_document(report), ensure_ascii=False, indent=2) + "\n"


class _Refused(ValueError):
    """A JSON text that parses but that no exported file can contain; the message is for the clerk."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


MAX_INT_DIGITS = 30  # Python refuses ints over 4300 digits with an English message; stop far earlier


def _reject_constant(name: str):
    raise _Refused(f"文件中含有不允许的数值 {name}")


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _Refused(f"文件中含有过长的数字（{len(text)} 位）")
    return int(text)


def _unique_keys(pairs: list[tuple[str, object]]) -> dict:
    # json keeps the last of two equal keys silently; a file edited by hand could then say two things.
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Refused(f"字段“{key}”在同一处出现了两次，文件可能已被改动", field=key)
            seen.add(key)
    return data


def loads(text: str) -> Report:
    """Parse and check an exchange document; ExchangeError says what is wrong and where."""
    return loads_envelope(text).report


def loads_envelope(text: str) -> Envelope:
    """Parse and check an exchange document, keeping what the envelope says about the report."""
    try:
        # Floats are parsed as Decimal so that nothing inexact ever reaches an amount.
        data = json.loads(
            text,
            parse_float=Decimal,
            parse_int=_parse_int,
            parse_constant=_reject_constant,
            object_pairs_hook=_unique_keys,
        )
    except json.JSONDecodeError as exc:
        raise ExchangeError(
            f"文件不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列附近有错误）。"
            "请确认选择的是本系统导出的数据文件，且文件未被其他程序修改。"
        ) from None
    except _Refused as exc:
        raise ExchangeError(f"{exc.message}。请重新导出数据文件。", field=exc.field) from None
    except RecursionError:
        raise ExchangeError("数据文件嵌套层次过深，不是本系统导出的文件。请重新导出数据文件。") from None
    except ValueError:
        raise ExchangeError("文件内容无法读取，不是本系统导出的数据文件。请重新导出数据文件。") from None
    return envelope_from_document(data)


def _version_text(version: object) -> str:
    text = str(version) if isinstance(version, Decimal) else json.dumps(version, ensure_ascii=False)
    return text if len(text) <= 20 else text[:20] + "…"


def from_document(data: object) -> Report:
    return envelope_from_document(data).report


def envelope_from_document(data: object) -> Envelope:
    if not isinstance(data, dict):
        raise ExchangeError("文件不是本系统的数据文件：最外层应为一个对象。")
    if data.get("format") != FORMAT_NAME:
        raise ExchangeError(
            "文件不是本系统的数据文件（缺少“format”: \"fulian-desk/exchange\" 标记）。"
            "请选择由“导出数据”生成的 .fulian.json 文件。",
            field="format",
        )
    version = data.get("version")
    # Exactly the integer: true and 1.0 equal 1 in Python but are not what a writer of this format writes.
    if type(version) is not int or version != FORMAT_VERSION:
        if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
            hint = "该文件由更新版本的程序导出，请先升级本程序后再导入。"
        else:
            hint = "请用导出该文件的程序重新导出，或联系上级妇联获取新版文件。"
        raise ExchangeError(
            f"数据文件版本为 {_version_text(version)}，本程序只能读取版本 {FORMAT_VERSION}。{hint}", field="version"
        )
    allowed = {"format", "version", "generator", "exported_at", "checksum", "report"}
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ExchangeError(f"数据文件含有本格式没有的字段“{unknown[0]}”，文件可能已被改动。", field=unknown[0])
    if "report" not in data:
        raise ExchangeError("数据文件缺少“report”（报告内容）。", field="report")
    try:
        report = decode(Report, data["report"], "report")
    except DecodeError as exc:
        raise ExchangeError(f"字段 {exc.path} 有误：{exc.message}。请改正后重新导入。", field=exc.path) from None
    except RecursionError:
        raise ExchangeError("数据文件嵌套层次过深，不是本系统导出的文件。") from None
    check_references(report)
    try:
        integrity = _check_checksum(data)
    except ChecksumMismatchError as exc:
        exc.report = report  # who sent it, so that a district can tell that township its file was damaged
        raise
    return Envelope(report, integrity, _exported_at(data.get("exported_at")), str(data.get("generator") or ""))


def _check_checksum(data: dict) -> Integrity:
    """Verified when the checksum matches; a file without one is taken as unverified; a mismatch is refused."""
    if "checksum" not in data:
        return Integrity.UNVERIFIED
    stated = data["checksum"]
    if not isinstance(stated, str) or not re.match(CHECKSUM_PATTERN, stated):
        raise ChecksumMismatchError(
            "数据文件的校验码（checksum）格式不对，文件可能已损坏。请让报送单位重新生成报送文件。", field="checksum"
        )
    if report_checksum(data["report"]) != stated:
        raise ChecksumMismatchError(
            "数据文件的内容与其校验码不符：文件在导出后被改动或已损坏。"
            "请让报送单位重新生成报送文件；如确系有意手工修改，请删除文件中的“checksum”一行后再导入（将标为未校验）。",
            field="checksum",
        )
    return Integrity.VERIFIED


def _exported_at(value: object) -> datetime | None:
    # Informational only: a file with an unreadable time is still a good file.
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def check_references(report: Report) -> None:
    """Keys are unique and every link from the ledger points at a task or project of this report."""
    for name, rows in (("tasks", report.tasks), ("projects", report.projects), ("activities", report.activities)):
        counts = Counter(row.key for row in rows)
        for index, row in enumerate(rows):
            if not row.key:
                raise ExchangeError(f"字段 report.{name}[{index}].key 为空：每一行都需要编号。", field=f"report.{name}[{index}].key")
            if counts[row.key] > 1:
                raise ExchangeError(
                    f"字段 report.{name}[{index}].key 的编号“{row.key}”重复出现，文件可能已被改动。",
                    field=f"report.{name}[{index}].key",
                )
    task_keys = {t.key for t in report.tasks}
    project_keys = {p.key for p in report.projects}
    for index, activity in enumerate(report.activities):
        if activity.task_key is not None and activity.task_key not in task_keys:
            raise ExchangeError(
                f"字段 report.activities[{index}].task_key：活动“{activity.title}”关联的工作任务“{activity.task_key}”在文件中不存在。",
                field=f"report.activities[{index}].task_key",
            )
        if activity.project_key is not None and activity.project_key not in project_keys:
            raise ExchangeError(
                f"字段 report.activities[{index}].project_key：活动“{activity.title}”关联的项目“{activity.project_key}”在文件中不存在。",
                field=f"report.activities[{index}].project_key",
            )
    if not report.unit.name.strip():
        raise ExchangeError("字段 report.unit.name 为空：数据文件必须写明单位名称。", field="report.unit.name")
    if not 1990 <= report.fiscal_year <= 2200:
        raise ExchangeError(f"字段 report.fiscal_year 的年度 {report.fiscal_year} 不合理。", field="report.fiscal_year")


def read_file(path: str | os.PathLike) -> Report:
    """Read an exchange file from disk; every failure becomes an ExchangeError for the clerk."""
    return read_envelope(path).report


def read_envelope(path: str | os.PathLike) -> Envelope:
    """Read an exchange file from disk with what its envelope says; failures are ExchangeErrors."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ExchangeError(f"文件过大（{size // (1024 * 1024)} MB），不是一个单位一年的数据文件。")
        if size == 0:
            raise ExchangeError("文件是空的。请重新导出数据文件。")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ExchangeError(f"找不到文件“{path}”。请检查文件位置。") from None
    except IsADirectoryError:
        raise ExchangeError(f"“{path}”是文件夹，不是数据文件。") from None
    except PermissionError:
        raise ExchangeError(f"没有权限读取“{path}”。请确认文件未被其他程序占用。") from None
    except OSError as exc:
        raise ExchangeError(f"读取“{path}”失败：{exc.strerror or exc}。") from None
    return envelope_from_bytes(raw)


def envelope_from_bytes(raw: bytes) -> Envelope:
    """An exchange file's bytes (from disk or from a zip member) → Envelope, or ExchangeError."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExchangeError("文件不是 UTF-8 编码的文本，不是本系统导出的数据文件（Excel 表格请用“导入台账”）。") from None
    return loads_envelope(text)


def write_file(report: Report, path: str | os.PathLike) -> Path:
    """Write an exchange file atomically: a temporary file in the same folder, then a rename."""
    return atomic_write_bytes(Path(path), dumps(report).encode("utf-8"))

"""Checks on a spreadsheet from outside before openpyxl reads it: format, sizes, zip and XML bombs."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import openpyxl.xml

from ..errors import UserError
from ..fileio import MAX_GIVEN_FILE_BYTES, OLE_MAGIC, ZIP_MAGIC, first_bytes

MAX_FILE_BYTES = MAX_GIVEN_FILE_BYTES
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # all members together, once inflated
MAX_MEMBER_BYTES = 100 * 1024 * 1024  # one member, once inflated
MAX_RATIO = 100  # inflated / compressed; real sheets stay well below 30
RATIO_FLOOR = 1024 * 1024  # small members may compress very well and harm nobody
MAX_MEMBERS = 2000
MAX_ROWS = 50_000  # rows of one worksheet
MAX_COLUMNS = 200  # columns of one worksheet (by the dimension or the cells seen)
MAX_SHEETS = 100

CONVERT_HINT = "请用 Excel 或 WPS 打开该文件，选择“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再导入另存后的文件。"

_ROW_RE = re.compile(rb"<(?:\w+:)?row[\s>/]")
# <c r="C5" …><f>…</f></c> or with an empty <v>: a formula whose result was never calculated and saved.
_UNCALCULATED_RE = re.compile(
    rb"<(?:\w+:)?c\b[^>]*?\br=\"([A-Z]{1,3}[0-9]{1,7})\"[^>]*>\s*"
    rb"<(?:\w+:)?f\b[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
_FORMULA_TAIL = 8192  # a formula cell longer than this across a read boundary is not seen (none is)
_MERGE_RE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)\"")
_DTD_RE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DIMENSION_RE = re.compile(rb"<(?:\w+:)?dimension\b[^>]*?\bref=\"([A-Z]+[0-9]+(?::([A-Z]+)([0-9]+))?)\"")
_CHUNK = 1024 * 1024


class UnsafeFileError(UserError):
    """A file that is not taken in; `message` tells the clerk why and what to do."""


@dataclass
class SheetFacts:
    """What the raw scan learnt about one worksheet: its rows and merged ranges (read-only mode loses them)."""

    path: str
    rows: int = 0
    merged: list[str] = field(default_factory=list)
    # Cells holding a formula but no calculated value (written by a program that does not calculate):
    # read with data_only they would come back empty, so they are named to the clerk instead.
    uncalculated: list[str] = field(default_factory=list)


@dataclass
class ScanResult:
    sheets: dict[str, SheetFacts] = field(default_factory=dict)  # by member path, e.g. xl/worksheets/sheet1.xml


def require_defusedxml() -> None:
    """openpyxl must parse through defusedxml; without it an entity bomb could exhaust memory."""
    if not openpyxl.xml.DEFUSEDXML:
        raise UnsafeFileError(
            "程序缺少安全解析组件（defusedxml），为防止恶意文件，暂不能导入 Excel 文件。请重新安装本程序。"
        )


def check_name(path: Path) -> None:
    """Refuse by extension the formats that need converting first, with the way to convert them."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return
    if suffix in (".xls", ".et", ".ett", ".xlt"):
        raise UnsafeFileError(f"“{path.name}”是旧版或 WPS 专用格式（{suffix}），本程序只能导入 .xlsx 文件。{CONVERT_HINT}")
    if suffix in (".csv", ".txt"):
        raise UnsafeFileError(f"“{path.name}”是文本表格（{suffix}），本程序只能导入 .xlsx 文件。{CONVERT_HINT}")
    if suffix in (".xlsm", ".xltx", ".xltm", ".xlsb", ".ods"):
        raise UnsafeFileError(f"“{path.name}”的格式（{suffix}）不能导入，本程序只能导入 .xlsx 文件。{CONVERT_HINT}")
    raise UnsafeFileError(f"“{path.name}”不是 Excel 工作簿（.xlsx）文件。请选择 .xlsx 文件；其他格式{CONVERT_HINT[1:]}")


def check_file(path: Path) -> ScanResult:
    """Every check that can be made without openpyxl; raises UnsafeFileError, returns the sheets' facts."""
    require_defusedxml()
    path = Path(path)
    check_name(path)
    head = first_bytes(
        path, UnsafeFileError, opened_in="Excel 或 WPS", limit=MAX_FILE_BYTES,
        when_empty="，里面没有表格。请选择正确的文件，或重新保存后再导入。",
        when_too_large="请删除多余的工作表、图片和空行，或把台账分成几个文件分别导入。",
    )
    if head.startswith(OLE_MAGIC):
        raise UnsafeFileError(
            f"“{path.name}”实际上是旧版 Excel 97-2003（.xls）文件，或是设置了打开密码的文件，只是扩展名为 .xlsx。"
            f"{CONVERT_HINT}如果设置了密码，请先取消密码。"
        )
    if not head.startswith(ZIP_MAGIC):
        raise UnsafeFileError(f"“{path.name}”不是有效的 Excel 工作簿（.xlsx）文件，文件可能已损坏或是其他格式改了扩展名。{CONVERT_HINT}")
    try:
        with zipfile.ZipFile(path) as archive:
            return _scan_archive(path, archive)
    except UnsafeFileError:
        raise
    except Exception:  # noqa: BLE001 - zlib, zipfile and struct errors alike: the file is damaged
        raise UnsafeFileError(f"“{path.name}”已损坏，无法打开。请在 Excel 或 WPS 中打开它并重新保存为 .xlsx 后再导入。") from None


EXCEL_RESAVE = "请在 Excel 或 WPS 中删除多余内容后重新保存"


def check_members(path: Path, infos: list[zipfile.ZipInfo], resave: str = EXCEL_RESAVE) -> None:
    """The limits every zip package we open obeys (a .xlsx here, a .docx for the report import):
    member count, encryption, inflated sizes and compression ratio. `resave` says how to make a new copy."""
    if len(infos) > MAX_MEMBERS:
        raise UnsafeFileError(f"“{path.name}”内部结构异常（包含 {len(infos)} 个部件），为安全起见不予导入。{resave}。")
    if any(info.flag_bits & 0x1 for info in infos):
        raise UnsafeFileError(f"“{path.name}”已加密，无法读取。请取消密码后重新保存，再导入。")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_UNCOMPRESSED_BYTES:
            raise _bomb(path, resave)
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _bomb(path, resave)


def _scan_archive(path: Path, archive: zipfile.ZipFile) -> ScanResult:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise UnsafeFileError(f"“{path.name}”内部结构异常（包含 {len(infos)} 个部件），为安全起见不予导入。请重新保存为普通 .xlsx 文件。")
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise UnsafeFileError(f"“{path.name}”不是 Excel 工作簿（可能是 Word 文档或其他文件改了扩展名）。请选择 .xlsx 表格文件。")
    if any(info.flag_bits & 0x1 for info in infos):
        raise UnsafeFileError(f"“{path.name}”已加密，无法读取。请在 Excel 或 WPS 中取消密码后重新保存，再导入。")
    check_members(path, infos)
    result = ScanResult()
    sheets = [info for info in infos if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")]
    if len(sheets) > MAX_SHEETS:
        raise UnsafeFileError(f"“{path.name}”的工作表太多（{len(sheets)} 个）。请只保留需要导入的工作表后再导入。")
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            facts = scan_member(path, archive, info)
            if info in sheets:
                result.sheets[info.filename] = facts
    return result


def _bomb(path: Path, resave: str = EXCEL_RESAVE) -> UnsafeFileError:
    return UnsafeFileError(
        f"“{path.name}”解压后的内容异常巨大（疑似“压缩炸弹”），为保护电脑不予打开。"
        f"如果这是您自己制作的文件，{resave}。"
    )


def scan_member(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, resave: str = EXCEL_RESAVE,
                worksheet: bool = True) -> SheetFacts:
    """Stream one XML member: refuse DTDs and entities, refuse a member larger than its directory
    entry says; for a worksheet also count rows and collect merged ranges."""
    facts = SheetFacts(info.filename)
    read = 0
    tail = b""
    formula_tail = b""
    with archive.open(info) as member:
        first = True
        while True:
            chunk = member.read(_CHUNK)
            if not chunk:
                break
            read += len(chunk)
            if read > info.file_size or read > MAX_MEMBER_BYTES:
                # The directory lied about the size: an inflating bomb in disguise.
                raise _bomb(path, resave)
            window = tail + chunk
            if _DTD_RE.search(window):
                raise UnsafeFileError(
                    f"“{path.name}”中含有不允许的 XML 实体定义（可能是恶意构造的文件），为安全起见不予导入。"
                    f"如果这是正常的文件，{resave}。"
                )
            tail = window[-64:]
            if not worksheet:
                continue
            if first:
                first = False
                _check_dimension(path, window)
            # A tag cut by the chunk boundary is complete in this window; counting the matches that end in
            # the new bytes counts each tag exactly once.
            offset = len(window) - len(chunk)
            facts.rows += sum(1 for m in _ROW_RE.finditer(window) if m.end() > offset)
            facts.merged.extend(m.group(1).decode("ascii") for m in _MERGE_RE.finditer(window) if m.end() > offset)
            cells = formula_tail + chunk
            cell_offset = len(formula_tail)
            facts.uncalculated.extend(
                m.group(1).decode("ascii") for m in _UNCALCULATED_RE.finditer(cells) if m.end() > cell_offset
            )
            formula_tail = cells[-_FORMULA_TAIL:]
            if facts.rows > MAX_ROWS:
                raise UnsafeFileError(
                    f"“{path.name}”中有工作表超过 {MAX_ROWS} 行，超出了一次导入的上限。请删除多余的空行，或把台账分成几个文件分别导入。"
                )
    return facts


def _check_dimension(path: Path, head: bytes) -> None:
    match = _DIMENSION_RE.search(head)
    if not match or not match.group(2):
        return
    from openpyxl.utils import column_index_from_string

    try:
        columns = column_index_from_string(match.group(2).decode("ascii"))
    except ValueError:
        return
    rows = int(match.group(3))
    if rows > MAX_ROWS or columns > MAX_COLUMNS:
        raise UnsafeFileError(
            f"“{path.name}”中有工作表的范围过大（{rows} 行 × {columns} 列），超出了一次导入的上限"
            f"（{MAX_ROWS} 行、{MAX_COLUMNS} 列）。请删除多余的行和列（包括只设了格式的空白区域）后重新保存。"
        )

"""Cell values as clerks type them → domain values: dates, whole counts, amounts in 元 or 万元, text."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from ..domain.model import BeneficiaryUnit
from ..domain.money import FEN, WAN, MoneyError, parse_amount
from ..errors import UserError

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01, counting Excel's phantom 1900-02-29
SERIAL_MIN, SERIAL_MAX = 20000, 80000  # 1954 … 2119: a bare number outside is not a date
MAX_COUNT = 10_000_000  # more 人次 than any unit serves in a year


class CellError(UserError, ValueError):
    """A cell value that does not fit its column: `message` says what is wrong, `hint` what to do."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


def normalise_text(value: str) -> str:
    """全角 → 半角 and no spaces at all: how headers and names are compared."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", value))


_NUMBERING = re.compile(r"^(?:[(（][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百]+[、.．]|\d+[、.．])\s*")


def name_key(text: str) -> str:
    """Task and project names compare without numbering ("（一）"), spaces, 全角/半角 or quote style."""
    text = _NUMBERING.sub("", text.strip())
    return normalise_text(text).strip("“”\"'‘’《》").replace("“", "").replace("”", "")


def cell_text(value) -> str:
    """The clerk's text of a cell, trimmed; numbers as they print (12.0 → "12")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


_DATE_PATTERNS = [
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
]
_SHORT_DATE = re.compile(r"^(\d{1,2})月(\d{1,2})[日号]?$|^(\d{1,2})[-/.](\d{1,2})$")

DATE_HINT = "请填写日期，例如 2024-03-08、2024.3.8 或 2024年3月8日"


def parse_date(value, year: int | None = None) -> date:
    """A date as Excel stores it or as a clerk types it; a month and day alone take `year`."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise CellError(f"“{cell_text(value)}”不是日期", DATE_HINT)
    if isinstance(value, (int, float)):
        if float(value).is_integer() and 19000101 <= value <= 21001231:
            return parse_date(str(int(value)), year)
        if SERIAL_MIN <= value < SERIAL_MAX:
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise CellError(f"数字 {cell_text(value)} 不是日期", DATE_HINT + "；如单元格显示为数字，请把单元格格式设为“日期”")
    text = normalise_text(str(value))
    if not text:
        raise CellError("日期为空", DATE_HINT)
    # The first pattern allows a time after a space ("2024-03-08 00:00:00"); the others see no spaces.
    candidates = [normalise_spaced(value), text, text]
    for pattern, candidate in zip(_DATE_PATTERNS, candidates):
        match = pattern.match(candidate)
        if match:
            return _make_date(value, int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _SHORT_DATE.match(text)
    if match and year is not None:
        month, day = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        return _make_date(value, year, int(month), int(day))
    raise CellError(f"“{cell_text(value)}”不是日期", DATE_HINT)


def normalise_spaced(value) -> str:
    """NFKC with runs of spaces kept as one (a date may carry a time after a space)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", str(value))).strip()


def _make_date(value, y: int, m: int, d: int) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise CellError(f"“{cell_text(value)}”不是有效日期（没有这一天）", DATE_HINT) from None


_COUNT_UNITS = ("人次", "人", "户", "场次", "场", "期", "次", "个", "名")


def parse_count(value) -> int:
    """A whole, non-negative count (场次, 人次, 受益人数); "180人次" is taken as 180."""
    hint = "请只填写不小于 0 的整数，例如 180；不要写“余”“约”或文字"
    if isinstance(value, bool):
        raise CellError(f"“{cell_text(value)}”不是整数", hint)
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    else:
        text = normalise_text(str(value)).replace(",", "")
        for unit in _COUNT_UNITS:
            if text.endswith(unit) and len(text) > len(unit):
                text = text[: -len(unit)]
                break
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise CellError(f"“{cell_text(value)}”不是整数", hint) from None
    if not number.is_finite() or number != number.to_integral_value():
        raise CellError(f"“{cell_text(value)}”不是整数", hint)
    if number < 0:
        raise CellError(f"“{cell_text(value)}”是负数", hint)
    if number > MAX_COUNT:
        raise CellError(f"“{cell_text(value)}”大得不合常理", hint)
    return int(number)


def parse_beneficiary_unit(value) -> BeneficiaryUnit:
    """受益单位 as typed: 人、人次、户、个 ("名" is 人); anything else is refused, never guessed."""
    text = normalise_text(cell_text(value))
    text = {"名": "人"}.get(text, text)
    try:
        return BeneficiaryUnit(text)
    except ValueError:
        raise CellError(f"受益单位“{cell_text(value)}”不是人、人次、户或个", "请从下拉列表中选择：人、人次、户或个（集体、基地等）") from None


def parse_money(value, unit: str = "元") -> Decimal:
    """An amount in 元 from a cell whose header says 元 or 万元; exact, never through a float's noise."""
    hint = "请只填写数字，例如 1234.56（不要写“约”“余”或文字）；金额单位以表头为准" if unit == "元" else (
        "请只填写数字，例如 1.5 表示 1.5 万元；金额单位以表头为准"
    )
    if isinstance(value, bool) or isinstance(value, (datetime, date)):
        raise CellError(f"“{cell_text(value)}”不是金额", hint)
    if isinstance(value, (int, float)):
        # repr gives the shortest decimal that round-trips, i.e. what Excel showed: 0.1, not 0.1000000000000000055…
        amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if not amount.is_finite():
            raise CellError(f"“{cell_text(value)}”不是金额", hint)
        if unit == "万元":
            amount *= WAN
        rounded = amount.quantize(FEN)
        if abs(amount - rounded) > Decimal("0.000001"):
            raise CellError(f"“{cell_text(value)}”超出了“分”的精度", "金额最多精确到 0.01 元（0.000001 万元），请四舍五入后再填")
        amount = rounded
    else:
        try:
            amount = parse_amount(str(value), unit)
        except MoneyError as exc:
            if "精度" in str(exc):
                raise CellError(f"“{cell_text(value)}”超出了“分”的精度", "金额最多精确到 0.01 元，请四舍五入后再填") from None
            raise CellError(f"“{cell_text(value)}”不是金额", hint) from None
    if amount < 0:
        raise CellError(f"“{cell_text(value)}”是负数", "金额不能为负数；退款或冲减请在备注中说明")
    if amount >= Decimal("1e13"):
        raise CellError(f"“{cell_text(value)}”大得不合常理", "请检查金额和表头的单位（元 / 万元）")
    return amount

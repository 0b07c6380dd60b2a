"""Exact money: amounts are Decimal 元 to the 分; reports print 万元 the way the seeds do."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

FEN = Decimal("0.01")
WAN = Decimal("10000")
# 13 digits of 元, as the exchange file allows; beyond it Decimal's 28-digit context cannot even
# round to the 分 (quantize raises InvalidOperation), and no 妇联 budget comes near.
LIMIT = Decimal(10) ** 13
# Plain decimal notation only: Decimal itself would also take "1e3" and "1_000".
_PLAIN_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")


class MoneyError(ValueError):
    """A text or number that is not an amount of money."""


def to_yuan(value: Decimal | int | str) -> Decimal:
    """An amount in 元 rounded to the 分. Floats are refused: they are never exact."""
    if isinstance(value, float):
        raise MoneyError("金额不能用浮点数表示")
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise MoneyError(f"“{value}”不是金额") from None
    if not amount.is_finite():
        raise MoneyError(f"“{value}”不是金额")
    if abs(amount) >= LIMIT:
        raise MoneyError(f"“{value}”超出了金额的范围（最多 13 位整数）")
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def parse_amount(text: str, unit: str = "元") -> Decimal:
    """Parse what a clerk types ("1,234.5", "１２３", " 219.7 ") in 元 or 万元 into 元."""
    cleaned = _normalise_digits(text).replace(",", "").replace(" ", "").strip()
    for suffix in ("万元", "元", "万"):
        if cleaned.endswith(suffix):
            if suffix.startswith("万"):
                unit = "万元"
            cleaned = cleaned[: -len(suffix)]
            break
    if not cleaned:
        raise MoneyError("金额为空")
    if not _PLAIN_NUMBER.fullmatch(cleaned):
        raise MoneyError(f"“{text}”不是金额，请只输入数字，例如 1234.56")
    amount = Decimal(cleaned)
    if unit == "万元":
        amount *= WAN
    if abs(amount) >= LIMIT:
        raise MoneyError(f"“{text}”超出了金额的范围，请检查是否多输了数字")
    if amount != amount.quantize(FEN, rounding=ROUND_HALF_UP):
        raise MoneyError(f"“{text}”超出了“分”的精度，金额最多精确到 0.01 元")
    return to_yuan(amount)


def yuan_to_wan(amount: Decimal) -> Decimal:
    """元 → 万元, exact: as many decimals as the amount needs (899,740 元 → 89.974), so no 元 is lost in
    print or in the workbook. Amounts in whole hundreds of 元 keep the seeds' 2 decimals (219.7, 143.24)."""
    exact = (to_yuan(amount) / WAN).quantize(Decimal("0.000001"))
    places = max(0, -exact.normalize().as_tuple().exponent)
    return exact.quantize(Decimal(1).scaleb(-places))


def plain_number(value: Decimal) -> str:
    """A Decimal without trailing zeros or exponent: 219.70 → "219.7", 0.00 → "0"."""
    if value == 0:
        return "0"
    text = format(value.normalize(), "f")
    return text


def format_wan(amount: Decimal | None, suffix: str = "万元") -> str:
    """Format 元 as the seeds print 万元: "219.7万元", "0万元", "143.24万元"."""
    if amount is None:
        return ""
    return plain_number(yuan_to_wan(amount)) + suffix


def format_yuan(amount: Decimal | None, suffix: str = "元") -> str:
    """Format 元 with thousands separators and 2 decimals: "14,400.00元"."""
    if amount is None:
        return ""
    return f"{to_yuan(amount):,.2f}{suffix}"


def yuan_to_fen(amount: Decimal) -> int:
    """元 → integer 分, the storage form."""
    return int(to_yuan(amount) * 100)


def fen_to_yuan(fen: int) -> Decimal:
    """Integer 分 → Decimal 元."""
    return (Decimal(fen) / 100).quantize(FEN)


def sum_amounts(amounts) -> Decimal:
    """Σ of the amounts that are present; None counts as nothing entered."""
    total = Decimal("0.00")
    for amount in amounts:
        if amount is not None:
            total += amount
    return total


_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－＋", "0123456789.,-+")


def _normalise_digits(text: str) -> str:
    """Full-width digits and punctuation (全角) as typed by Chinese input methods → ASCII."""
    return str(text).translate(_FULLWIDTH)

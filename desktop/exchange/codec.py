"""Strict conversion between domain dataclasses and JSON values, driven by the dataclasses' type hints.

Exchange files come from other offices and are untrusted: every value is checked against the field's
type, unknown fields are refused, and the error names the offending field by its path.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import lru_cache
from typing import Any, Annotated, Union, get_args, get_origin

from ..domain.model import MONEY
from ..domain.text import describe_bad_character

MAX_TEXT = 200_000  # characters in one text field
MAX_ITEMS = 200_000  # rows in one list
# [0-9], not \d: Python's \d takes "１２" and other Unicode digits, which Decimal then accepts. fullmatch,
# because "$" also matches before a trailing newline. The file's JSON Schema states these patterns, and
# [0-9] means the same in every regex engine a reader of the schema may use.
_DECIMAL_RE = re.compile(r"^-?[0-9]{1,15}(\.[0-9]{1,6})?$")
_MONEY_RE = re.compile(r"^-?[0-9]{1,13}(\.[0-9]{1,2})?$")
_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


class DecodeError(ValueError):
    """A value that does not fit its field. `path` is like report.activities[3].money."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}：{message}")
        self.path = path
        self.message = message


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, include_extras=True)


# The type questions below are asked once per value of a file (5,000 ledger lines ask them ~10⁵ times):
# their answers depend on the type only, so they are cached.
@lru_cache(maxsize=None)
def exchanged_fields(cls: type) -> tuple[dataclasses.Field, ...]:
    """The fields of a dataclass that the exchange file carries (database ids are not)."""
    return tuple(f for f in dataclasses.fields(cls) if f.metadata.get("exchange", True))


@lru_cache(maxsize=None)
def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(get_args(tp)) == 2:
            return args[0], True
    return tp, False


@lru_cache(maxsize=None)
def _is_money(tp: Any) -> bool:
    return get_origin(tp) is Annotated and MONEY in tp.__metadata__


def _describe(value: Any) -> str:
    if value is None:
        return "空值 null"
    if isinstance(value, bool):
        return f"布尔值 {str(value).lower()}"
    if isinstance(value, (int, float, Decimal)):
        text = str(value)
        # A number of 100,000 digits is shown by its length, not echoed whole.
        return f"数字 {text}" if len(text) <= 20 else f"数字 {text[:20]}…（共 {len(text)} 个字符）"
    if isinstance(value, str):
        shown = value if len(value) <= 20 else value[:20] + "…"
        return f"文字“{shown}”"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "对象"
    return type(value).__name__


# ---------------------------------------------------------------- encoding


def encode(value: Any, tp: Any = None) -> Any:
    """A domain value → JSON-compatible value (Decimals and dates as strings)."""
    if value is None:
        return None
    if dataclasses.is_dataclass(value):
        hints = _hints(type(value))
        return {f.name: encode(getattr(value, f.name), hints[f.name]) for f in exchanged_fields(type(value))}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        inner, _ = _unwrap_optional(tp) if tp is not None else (None, False)
        if inner is not None and _is_money(inner):
            return f"{value:.2f}"
        text = format(value.normalize(), "f") if value != 0 else "0"
        return text
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        inner, _ = _unwrap_optional(tp) if tp is not None else (None, False)
        item_tp = get_args(inner)[0] if inner is not None and get_args(inner) else None
        return [encode(v, item_tp) for v in value]
    return value


# ---------------------------------------------------------------- decoding


def decode(tp: Any, data: Any, path: str) -> Any:
    """A JSON value → the domain value of type `tp`, or DecodeError naming `path`."""
    inner, optional = _unwrap_optional(tp)
    if data is None:
        if optional:
            return None
        raise DecodeError(path, "不能为空")
    if _is_money(inner):
        return _decode_decimal(data, path, money=True)
    if get_origin(inner) is Annotated:
        inner = get_args(inner)[0]
    if dataclasses.is_dataclass(inner):
        return _decode_dataclass(inner, data, path)
    if get_origin(inner) is list:
        if not isinstance(data, list):
            raise DecodeError(path, f"应为列表，实际为{_describe(data)}")
        if len(data) > MAX_ITEMS:
            raise DecodeError(path, f"条目过多（{len(data)} 条，上限 {MAX_ITEMS} 条）")
        (item_tp,) = get_args(inner)
        return [decode(item_tp, item, f"{path}[{i}]") for i, item in enumerate(data)]
    if isinstance(inner, type) and issubclass(inner, Enum):
        allowed = [m.value for m in inner]
        if data not in allowed:
            listed = "、".join(f"“{a}”" for a in allowed)
            raise DecodeError(path, f"应为 {listed} 之一，实际为{_describe(data)}")
        return inner(data)
    if inner is bool:
        if not isinstance(data, bool):
            raise DecodeError(path, f"应为 true 或 false，实际为{_describe(data)}")
        return data
    if inner is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise DecodeError(path, f"应为整数，实际为{_describe(data)}")
        if abs(data) > 10**12:
            raise DecodeError(path, f"数值过大（{_describe(data)}）")
        return data
    if inner is str:
        if not isinstance(data, str):
            raise DecodeError(path, f"应为文字，实际为{_describe(data)}")
        if len(data) > MAX_TEXT:
            raise DecodeError(path, f"文字过长（{len(data)} 字，上限 {MAX_TEXT} 字）")
        bad = describe_bad_character(data)
        if bad is not None:
            raise DecodeError(path, f"含有不能保存的字符（{bad}），请删除该字符")
        return data
    if inner is Decimal:
        return _decode_decimal(data, path, money=False)
    if inner is date:
        return _decode_date(data, path)
    raise TypeError(f"no decoder for {inner!r} at {path}")  # a programming error, not bad input


def _decode_dataclass(cls: type, data: Any, path: str) -> Any:
    if not isinstance(data, dict):
        raise DecodeError(path, f"应为对象，实际为{_describe(data)}")
    fields = {f.name: f for f in exchanged_fields(cls)}
    unknown = [k for k in data if k not in fields]
    if unknown:
        raise DecodeError(f"{path}.{unknown[0]}", "不是本格式的字段（文件可能来自其他程序或其他版本）")
    hints = _hints(cls)
    values = {}
    for name, f in fields.items():
        if name in data:
            values[name] = decode(hints[name], data[name], f"{path}.{name}")
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise DecodeError(f"{path}.{name}", "缺少此必填字段")
    return cls(**values)


def _decode_decimal(data: Any, path: str, money: bool) -> Decimal:
    what = "金额（以元为单位的文字，最多两位小数，如 \"2197000.00\"）" if money else "数值（文字形式，如 \"90\" 或 \"12.5\"）"
    if not isinstance(data, str):
        raise DecodeError(path, f"应为{what}，实际为{_describe(data)}")
    pattern = _MONEY_RE if money else _DECIMAL_RE
    if not pattern.fullmatch(data):
        raise DecodeError(path, f"应为{what}，实际为{_describe(data)}")
    try:
        value = Decimal(data)
    except InvalidOperation:  # the pattern already excludes this; kept as a guard
        raise DecodeError(path, f"应为{what}，实际为{_describe(data)}") from None
    return value.quantize(Decimal("0.01")) if money else value


def _decode_date(data: Any, path: str) -> date:
    if not isinstance(data, str) or not _DATE_RE.fullmatch(data):
        raise DecodeError(path, f"应为日期（如 \"2024-03-08\"），实际为{_describe(data)}")
    try:
        return date.fromisoformat(data)
    except ValueError:
        raise DecodeError(path, f"日期“{data}”不存在") from None

"""A "full" report: seed 000 with every list holding at least one item, down to the deepest level.

A field path that indexes a list (``report.narratives.achievements[0].blocks[0].text``) can only be
followed on a report whose lists are not empty; this one lets a test follow every path the program
declares (forms, outlines, import maps) on a real report.
"""

from __future__ import annotations

import copy
import dataclasses
import types
import typing
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from typing import Any

from desktop.domain.model import Report
from desktop.exchange.fileformat import loads

from .conftest import SEED_000


def _unwrap(tp: Any) -> Any:
    """Annotated[X, …] → X; Optional[X] → X."""
    if typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return _unwrap(args[0])
    return tp


# Deep enough for every list the program indexes; NarrativeBlock holds NarrativeBlocks without end.
DEPTH = 5


def _made(tp: Any, depth: int = 0) -> Any:
    """A value of the type, every list in it filled."""
    tp = _unwrap(tp)
    if typing.get_origin(tp) is list:
        return [_made(typing.get_args(tp)[0], depth + 1)]
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp, include_extras=True)
        required = {
            f.name: _made(hints[f.name], depth + 1)
            for f in dataclasses.fields(tp)
            if f.init and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        }
        return _filled(tp(**required), depth + 1)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return next(iter(tp))
    if tp is str:
        return "一项内容"
    if tp is bool:
        return True
    if tp is int:
        return 1
    if tp is Decimal:
        return Decimal("1")
    if tp is date:
        return date(2024, 3, 8)
    raise TypeError(f"no value for {tp!r}")


def _filled(obj: Any, depth: int = 0) -> Any:
    hints = typing.get_type_hints(type(obj), include_extras=True)
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        tp = _unwrap(hints[f.name])
        if isinstance(value, list):
            if not value and typing.get_origin(tp) is list and depth < DEPTH:
                value.append(_made(typing.get_args(tp)[0], depth + 1))
            for item in value:
                if dataclasses.is_dataclass(item):
                    _filled(item, depth + 1)
        elif dataclasses.is_dataclass(value):
            _filled(value, depth + 1)
        elif value is None and dataclasses.is_dataclass(tp):
            setattr(obj, f.name, _made(tp, depth + 1))
    return obj


@lru_cache(maxsize=1)
def _full() -> Report:
    return _filled(loads(SEED_000.read_text(encoding="utf-8")))


def full_report() -> Report:
    """A fresh copy each call: tests may change it."""
    return copy.deepcopy(_full())

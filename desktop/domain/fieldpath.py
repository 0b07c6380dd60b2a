"""Field paths such as ``report.finance.income_lines[0].amount``: the one language that names a field
of a report, and the one place that reads and writes a report by it.

The same paths name fields in validation issues, in the exchange codec's errors, in the forms, in the
outlines (resources/outlines: ``narratives.conclusion``, a path *under* the report, see `under_report`),
in the outline requirements and in the Excel import's map, so a problem found anywhere can be shown
beside the field it concerns and the clerk taken there. Pure: standard library and the domain model.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from functools import lru_cache
from typing import Any, Union

ROOT = "report"
_TOKEN = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")

Step = Union[str, int]


class FieldPathError(ValueError):
    """A path that does not name a field of the report."""


def parse(path: str) -> list[Step]:
    """``report.projects[2].name`` → ["projects", 2, "name"]."""
    if not path.startswith(ROOT):
        raise FieldPathError(path)
    steps: list[Step] = []
    position = len(ROOT)
    while position < len(path):
        match = _TOKEN.match(path, position)
        if match is None:
            raise FieldPathError(path)
        steps.append(match.group(1) if match.group(1) is not None else int(match.group(2)))
        position = match.end()
    return steps


def join(*steps: Step) -> str:
    """The inverse of parse: join("finance", "income_lines", 0) → report.finance.income_lines[0]."""
    text = ROOT
    for step in steps:
        text += f"[{step}]" if isinstance(step, int) else f".{step}"
    return text


def under_report(relative: str) -> str:
    """A path written below the report, as the outline files do: "narratives.conclusion" →
    "report.narratives.conclusion"."""
    return f"{ROOT}.{relative}" if relative else ROOT


def child(path: str, step: Step) -> str:
    return path + (f"[{step}]" if isinstance(step, int) else f".{step}")


def _walk(obj: Any, step: Step, path: str) -> Any:
    try:
        return obj[step] if isinstance(step, int) else getattr(obj, step)
    except (IndexError, AttributeError, TypeError, KeyError):
        raise FieldPathError(path) from None


def get(report: Any, path: str) -> Any:
    obj = report
    for step in parse(path):
        obj = _walk(obj, step, path)
    return obj


def set_value(report: Any, path: str, value: Any) -> Any:
    """Set the field and return the value it had."""
    steps = parse(path)
    if not steps:
        raise FieldPathError(path)
    parent = report
    for step in steps[:-1]:
        parent = _walk(parent, step, path)
    last = steps[-1]
    old = _walk(parent, last, path)
    if isinstance(last, int):
        parent[last] = value
    else:
        setattr(parent, last, value)
    return old


def check_names_a_field(path: str) -> None:
    """Raise FieldPathError when no report could have this field (a misspelt name, a list indexed as a
    record): a mistake in the program, unlike an item that is merely missing from this report."""
    _check_shape(re.sub(r"\[\d+\]", "[0]", path))


@lru_cache(maxsize=None)
def _check_shape(path: str) -> None:
    from ..domain.model import Report

    current: Any = Report
    for step in parse(path):
        current = _unwrap(current)
        if isinstance(step, int):
            if typing.get_origin(current) is not list:
                raise FieldPathError(path)
            (current,) = typing.get_args(current) or (Any,)
        else:
            if not dataclasses.is_dataclass(current):
                raise FieldPathError(path)
            hints = typing.get_type_hints(current)
            if step not in hints:
                raise FieldPathError(path)
            current = hints[step]


def _unwrap(tp: Any) -> Any:
    """Optional[X] → X."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def is_within(path: str, prefix: str) -> bool:
    """Whether `path` is `prefix` itself or a field below it."""
    return path == prefix or path.startswith(prefix + ".") or path.startswith(prefix + "[")


def split_list_item(path: str, list_path: str) -> tuple[int, str] | None:
    """For a path below ``<list_path>[i]``: (i, the rest such as ".amount"); None when not below it."""
    if not path.startswith(list_path + "["):
        return None
    rest = path[len(list_path) + 1 :]
    close = rest.find("]")
    if close <= 0 or not rest[:close].isdigit():
        return None
    return int(rest[:close]), rest[close + 1 :]

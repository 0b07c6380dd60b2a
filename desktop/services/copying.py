"""Moving a whole database between a file and a server: every unit and every year, exactly.

An office that starts sharing copies its clerk's fulian.db to the server; one that stops sharing copies
the server back into a file. The copy goes through the same repositories as any save, so what arrives is
what the program itself would have written; units without reports come along too.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Callable

from ..errors import UserError
from ..storage import Database, open_database


class CopyRefused(UserError):
    """The copy cannot be made as asked (same database, target not empty …)."""


@dataclass(frozen=True)
class CopyResult:
    units: int
    reports: int
    activities: int


def copy_database(
    source: str,
    target: str,
    progress: Callable[[str], None] | None = None,
    **target_options,
) -> CopyResult:
    """Copy every unit and report of `source` into `target` (a file path or a server URL).

    The target must hold no unit yet: a copy never mixes two offices' data. If the copy fails part way,
    what was copied is removed again, so the target is left empty rather than half filled.
    """
    if _same(source, target):
        raise CopyRefused("复制的来源和目标是同一个数据库。请指定另一个目标。")
    say = progress or (lambda _line: None)
    with open_database(source) as origin:
        units = origin.units().list()
        entries = origin.reports().list_all()
        with open_database(target, **target_options) as destination:
            if destination.units().list():
                raise CopyRefused(
                    f"目标数据库“{destination.path.name}”中已有单位，不能复制到这里（复制不会把两处的数据混在一起）。"
                    "请指定一个新的空数据库（新文件，或服务器上新建的空数据库）。"
                )
            try:
                result = _copy(origin, destination, units, entries, say)
            except BaseException:
                _empty(destination)
                raise
    return result


def _copy(origin: Database, destination: Database, units, entries, say) -> CopyResult:
    new_ids: dict[int, int] = {}
    for unit in units:
        stored = destination.units().add(_fresh(unit))
        new_ids[unit.id] = stored.id
    activities = 0
    for number, (unit, year, _status) in enumerate(entries, start=1):
        report = origin.reports().get(unit.id, year)
        report.id = None
        report.unit.id = new_ids[unit.id]
        _forget_revision(report)
        destination.reports().save(report)
        activities += len(report.activities)
        say(f"（{number}/{len(entries)}）{unit.name} {year} 年度：活动 {len(report.activities)} 条")
    return CopyResult(units=len(units), reports=len(entries), activities=activities)


def _fresh(unit):
    clone = copy.copy(unit)
    clone.id = None
    return clone


def _forget_revision(report) -> None:
    """A copied report is new in the target: it has no revision there yet."""
    if hasattr(report, "revision"):
        report.revision = None


def _empty(destination: Database) -> None:
    """Take back a half-done copy; the target held no unit before, so removing every unit restores it."""
    try:
        for unit in destination.units().list():
            destination.units().delete(unit.id)
    except UserError:
        pass  # the target is gone as well (e.g. the server went away): the original error says so


def _same(source: str, target: str) -> bool:
    from pathlib import Path

    from ..storage.server import is_server_locator, parse_server_url

    if is_server_locator(source) and is_server_locator(target):
        a, b = parse_server_url(source), parse_server_url(target)
        return (a.host, a.port, a.database) == (b.host, b.port, b.database)
    if is_server_locator(source) or is_server_locator(target):
        return False
    return Path(source).resolve() == Path(target).resolve()

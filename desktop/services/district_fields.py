"""Fields in a district's narrative that stand for its townships' collected figures, resolved at export.

The clerk writes 〔全区汇总〕 (the sentence on the whole district) or 〔全区汇总：宣讲〕 (the sentence on one
activity kind) where the figures belong; the export puts in the sentence computed from the collected
data at that moment. The figures are never typed, so they follow any file collected later.
"""

from __future__ import annotations

import copy
import dataclasses
import re

from ..domain.model import Report
from ..reports.district_prose import kind_sentence, summary_sentences
from .district import DistrictError, district_summary
from .workspace import Workspace

FIELD = re.compile(r"〔全区汇总(?:：([^〕]+))?〕")
WHOLE = "〔全区汇总〕"


def field_for(kind: str | None = None) -> str:
    """The text to write into a narrative: the whole district, or one activity kind."""
    return f"〔全区汇总：{kind}〕" if kind else WHOLE


def _texts(value, replace) -> None:
    """Replace within every text of a dataclass tree (narratives, tasks), in place."""
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if isinstance(item, str):
                setattr(value, f.name, replace(item))
            else:
                _texts(item, replace)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                value[index] = replace(item)
            else:
                _texts(item, replace)


def _has_field(report: Report) -> bool:
    found = []
    _texts([report.narratives, report.tasks], lambda text: (found.append(True) if FIELD.search(text) else None) or text)
    return bool(found)


def resolve_district_fields(workspace: Workspace, report: Report) -> Report:
    """A copy of the report with each 〔全区汇总…〕 replaced by its sentence; the report itself as it was
    when it has no such field or no township has reported yet (the field then stays visible)."""
    if not _has_field(report):
        return report
    try:
        summary = district_summary(workspace, report.unit.name, report.fiscal_year)
    except DistrictError:
        return report
    opening = summary_sentences(summary)[0]
    by_kind = summary.by_kind

    def sentence(match: re.Match) -> str:
        kind = match.group(1)
        if kind is None:
            return opening
        tally = by_kind.get(kind.strip())
        return kind_sentence(kind.strip(), tally) if tally else f"全区各乡镇（街道）妇联本年度未报送{kind}类活动。"

    resolved = copy.deepcopy(report)
    _texts([resolved.narratives, resolved.tasks], lambda text: FIELD.sub(sentence, text))
    return resolved

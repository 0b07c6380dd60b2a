"""The Issue value a validation rule returns, its severity, and counting them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Iterable


class Severity(str, Enum):
    """错误 blocks submission; 警告 is what a reviewer is likely to query; 提示 is advice."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


# Field-path prefixes → the part of the report the clerk edits them in (longest prefix wins).
_SECTIONS: list[tuple[str, str]] = [
    ("report.profile", "单位基本情况"),
    ("report.unit", "单位基本情况"),
    ("report.tasks", "年度工作任务"),
    ("report.activities", "活动台账"),
    ("report.department_target", "部门整体绩效目标"),
    ("report.finance", "财政资金收支"),
    ("report.projects", "项目支出"),
    ("report.self_evaluation", "绩效自评表"),
    ("report.narratives", "文字材料"),
    ("report.problems", "存在问题与改进措施"),
    ("report.measures", "存在问题与改进措施"),
]
SECTION_ORDER = [
    "单位基本情况", "年度工作任务", "活动台账", "部门整体绩效目标", "财政资金收支", "项目支出",
    "绩效自评表", "文字材料", "存在问题与改进措施", "其他",
]


def section_of(field: str) -> str:
    """The report part a field path belongs to, for grouping issues ("财政资金收支" …)."""
    for prefix, name in _SECTIONS:
        if field == prefix or field.startswith(prefix + ".") or field.startswith(prefix + "["):
            return name
    return "其他"


@dataclass(frozen=True)
class Issue:
    """One finding: a stable code, its severity, the field it concerns, what is wrong and what to do.

    `field` is an exchange path (``report.projects[2].indicators[1].score``) that the GUI can jump to.
    """

    code: str
    severity: Severity
    field: str
    message: str
    hint: str = ""

    @property
    def section(self) -> str:
        return section_of(self.field)

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "field": self.field,
            "section": self.section,
            "message": self.message,
            "hint": self.hint,
        }


def error(code: str, field: str, message: str, hint: str = "") -> Issue:
    return Issue(code, Severity.ERROR, field, message, hint)


def warning(code: str, field: str, message: str, hint: str = "") -> Issue:
    return Issue(code, Severity.WARNING, field, message, hint)


def info(code: str, field: str, message: str, hint: str = "") -> Issue:
    return Issue(code, Severity.INFO, field, message, hint)


@dataclass(frozen=True)
class Summary:
    """How many issues of each severity: the status line of the GUI and the CLI's exit status."""

    errors: int = 0
    warnings: int = 0
    infos: int = 0

    @property
    def ok(self) -> bool:
        """True when nothing blocks submission (warnings and hints may remain)."""
        return self.errors == 0

    @property
    def text(self) -> str:
        if not (self.errors or self.warnings or self.infos):
            return "未发现问题"
        return f"{self.errors} 个错误，{self.warnings} 个警告，{self.infos} 条提示"


def summarize(issues: Iterable[Issue]) -> Summary:
    counts = {Severity.ERROR: 0, Severity.WARNING: 0, Severity.INFO: 0}
    for issue in issues:
        counts[issue.severity] += 1
    return Summary(counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO])


def sort_key(issue: Issue) -> tuple:
    """Order for display: by report part, then severity (a stable sort keeps the catalogue's order)."""
    section = issue.section
    position = SECTION_ORDER.index(section) if section in SECTION_ORDER else len(SECTION_ORDER)
    return (position, issue.severity.rank)

"""Validation as the interface uses it: the issues of a report, counted and located by field path.

The rules live in desktop.validation; this is the one place the interface reaches them, so the 校验
page appears only when that package is installed with the program.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.model import Report


@dataclass(frozen=True)
class Finding:
    """An issue as shown: code, severity value ("error"/"warning"/"info") and label, where, what, what to do."""

    code: str
    severity: str
    severity_label: str
    field: str
    section: str
    message: str
    hint: str

    @property
    def text(self) -> str:
        return self.message + (f"（{self.hint}）" if self.hint else "")


@dataclass(frozen=True)
class CheckResult:
    findings: list[Finding]
    errors: int
    warnings: int
    infos: int

    @property
    def summary(self) -> str:
        if not self.findings:
            return "校验通过，未发现问题"
        return f"{self.errors} 个错误，{self.warnings} 个警告，{self.infos} 条提示"

    def marks(self) -> list[tuple[str, str, str]]:
        """(field path, severity, message) for marking fields in place."""
        return [(f.field, f.severity, f.text) for f in self.findings]


def check(report: Report) -> CheckResult:
    from ..validation import summarize, validate
    from ..validation.issue import sort_key

    issues = sorted(validate(report), key=sort_key)
    counts = summarize(issues)
    findings = [
        Finding(i.code, i.severity.value, i.severity.label, i.field, i.section, i.message, i.hint) for i in issues
    ]
    return CheckResult(findings, counts.errors, counts.warnings, counts.infos)

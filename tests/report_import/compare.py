"""What "imported back equal" means: every narrative, task, problem, measure and figure of the seed."""

from __future__ import annotations

import dataclasses

from desktop.domain.model import Report


def _indicators(indicators):
    return [(i.name, i.kind, i.target, i.unit) for i in indicators]


def _blocks(blocks):
    return [(b.title, b.text, _blocks(b.blocks)) for b in blocks]


def comparable(report: Report) -> dict:
    """The parts of a report that a printed report carries (not the ledger, keys or ids)."""
    profile = dataclasses.asdict(report.profile)
    narratives = dataclasses.asdict(report.narratives)
    narratives["achievements"] = _blocks(report.narratives.achievements)
    return {
        "unit": report.unit.name,
        "fiscal_year": report.fiscal_year,
        "outline": report.outline,
        "title": report.title,
        "report_date": report.report_date,
        "profile": profile,
        "tasks": [(t.title, t.narrative) for t in report.tasks],
        "department_target": (report.department_target.text, _indicators(report.department_target.indicators)),
        "finance": dataclasses.asdict(report.finance),
        "projects": [(p.name, p.initial, p.adjusted, p.executed, p.self_score) for p in report.projects],
        "self_evaluation": (report.self_evaluation.entered_total, report.self_evaluation.execution_weight,
                            _indicators(report.self_evaluation.indicators)),
        "narratives": narratives,
        "problems": report.problems,
        "measures": report.measures,
    }


def differences(imported: Report, original: Report) -> dict:
    """{part: (imported, original)} for every part that differs; {} when equal."""
    a, b = comparable(imported), comparable(original)
    return {key: (a[key], b[key]) for key in b if a[key] != b[key]}


def describe(diffs: dict) -> str:
    """The first differing item of each part, for a readable failure."""
    lines = []
    for key, (got, want) in diffs.items():
        if isinstance(got, dict):
            for k in want:
                if got.get(k) != want[k]:
                    lines.append(f"{key}.{k}:\n  got  {got.get(k)!r}\n  want {want[k]!r}")
        elif isinstance(got, list) and isinstance(want, list):
            if len(got) != len(want):
                lines.append(f"{key}: {len(got)} items, want {len(want)}")
            for i, (g, w) in enumerate(zip(got, want)):
                if g != w:
                    lines.append(f"{key}[{i}]:\n  got  {g!r}\n  want {w!r}")
                    break
        else:
            lines.append(f"{key}:\n  got  {got!r}\n  want {want!r}")
    return "\n".join(lines)

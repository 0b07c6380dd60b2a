"""Rules on the attachments a final document prints: a filled 自评表 form has every figure and goal."""

from __future__ import annotations

from typing import Iterator

from ...domain.attachments import department_form_filled, department_form_gaps, project_form_filled, project_form_gaps
from ..context import Context
from ..issue import Issue, error


def project_forms_complete(ctx: Context) -> Iterator[Issue]:
    """ATT-001 a printed 项目支出绩效自评表 lacks a figure or a goal."""
    for i, project in enumerate(ctx.report.projects):
        if not project_form_filled(project):
            continue
        for gap in project_form_gaps(ctx.report, i):
            yield error("ATT-001", gap.field,
                        f"附件项目支出绩效自评表（{project.name.strip() or i + 1}）缺少{gap.label}。",
                        "请填写后再导出正式稿；缺项的自评表只能导出为草稿。")


def department_form_complete(ctx: Context) -> Iterator[Issue]:
    """ATT-002 a printed 部门整体支出绩效自评表 lacks the figures of its 预算执行率 row."""
    if not department_form_filled(ctx.report):
        return
    for gap in department_form_gaps(ctx.report):
        yield error("ATT-002", gap.field, f"附件部门整体支出绩效自评表缺少{gap.label}。",
                    "请在收支情况中填写后再导出正式稿。")


RULES = [project_forms_complete, department_form_complete]

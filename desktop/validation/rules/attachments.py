"""Rules on the attachments a final document prints: a filled 自评表 form has every figure and goal."""

from __future__ import annotations

from typing import Iterator

from ...domain.attachments import (
    attachment_gaps,
    department_form_filled,
    department_form_gaps,
    project_form_filled,
    project_form_gaps,
    project_table_gaps,
)
from ...domain.field_labels import label_of
from ..context import Context, enum_value
from ..issue import Issue, error


def project_forms_complete(ctx: Context) -> Iterator[Issue]:
    """ATT-001 a printed 项目支出绩效自评表 lacks a figure or a goal."""
    for i, project in enumerate(ctx.report.projects):
        if not project_form_filled(project):
            continue
        for gap in project_form_gaps(ctx.report, i):
            yield error("ATT-001", gap.field,
                        f"附件项目支出绩效自评表（{project.name.strip() or i + 1}）缺少{gap.label}。",
                        f"请在“{label_of(gap.field, gap.label)}”中填写后再导出正式稿；缺项的自评表只能导出为草稿。")


def department_form_complete(ctx: Context) -> Iterator[Issue]:
    """ATT-002 a printed 部门整体支出绩效自评表 lacks the figures of its 预算执行率 row."""
    if not department_form_filled(ctx.report):
        return
    for gap in department_form_gaps(ctx.report):
        yield error("ATT-002", gap.field, f"附件部门整体支出绩效自评表缺少{gap.label}。",
                    "请在收支情况中填写后再导出正式稿。")


def _outline_appendices(ctx: Context):
    from ...reports.outline import OutlineError, load_outline

    try:
        return load_outline(enum_value(ctx.report.outline)).appendices
    except (OutlineError, OSError, KeyError):
        return []  # an outline that cannot be read is reported by the export itself


def required_attachments(ctx: Context) -> Iterator[Issue]:
    """ATT-003 an attachment the outline requires has no data to print."""
    for appendix in _outline_appendices(ctx):
        if not appendix.required:
            continue
        for gap in attachment_gaps(ctx.report, appendix.table):
            yield error("ATT-003", gap.field, f"报告提纲要求附件“{appendix.title}”，但缺少{gap.label}。",
                        "请填写后再导出正式稿；缺少数据的附件不会打印，报告只能导出为草稿。")


def project_table_complete(ctx: Context) -> Iterator[Issue]:
    """ATT-004 the 项目支出表 prints a column (执行数, 得分 …) that a project leaves empty."""
    if not any(a.table == "projects" for a in _outline_appendices(ctx)):
        return
    for gap in project_table_gaps(ctx.report):
        yield error("ATT-004", gap.field, f"附件项目支出表中其他项目已填写这一栏，但缺少{gap.label}。",
                    "请补填该数字（正式稿中表格不留空格），或清空其他项目的这一栏。")


RULES = [project_forms_complete, department_form_complete, required_attachments, project_table_complete]

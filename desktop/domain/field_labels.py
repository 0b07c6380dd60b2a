"""The words the forms show for a field, in one place: the pages label their fields with them and the
validation messages name fields with them, so a message says “主要职能” where the page says 主要职能.

Keys are field paths with list positions left out (``report.tasks[].narrative``).
"""

from __future__ import annotations

import re

FIELD_LABELS: dict[str, str] = {
    # 单位概况
    "report.profile.functions": "主要职能",
    "report.profile.actual_staff": "年末在职人数",
    "report.profile.establishment.administrative": "行政编制",
    "report.profile.establishment.institutional": "事业编制",
    "report.profile.establishment.political_legal": "政法编制",
    "report.profile.establishment.worker": "工勤编制",
    # 年度工作
    "report.narratives.overall_work": "总体情况",
    "report.tasks[].title": "重点工作任务",
    "report.tasks[].narrative": "工作情况",
    # 活动台账
    "report.activities[].title": "活动名称",
    "report.activities[].kind": "类型",
    "report.activities[].beneficiaries": "受益数",
    # 收支情况
    "report.finance.income_total": "决算表所列收入总计",
    "report.finance.budget.adjustment_reason": "年中调整说明",
    "report.finance.budget.low_execution_reason": "执行率偏低原因",
    # 绩效指标 (部门整体与项目的自评表、绩效目标)
    "report.self_evaluation.indicators[].actual": "实际完成值",
    "report.projects[].indicators[].actual": "实际完成值",
    "report.self_evaluation.indicators[].deviation_reason": "偏差原因及改进措施",
    "report.projects[].indicators[].deviation_reason": "偏差原因及改进措施",
    # 项目
    "report.projects[].expected_goal": "年度预期目标",
    "report.projects[].actual_goal": "实际完成情况",
    "report.projects[].analysis": "项目绩效分析",
    # 分析与结论
    "report.narratives.performance_management": "部门整体绩效管理情况",
    "report.narratives.budget_preparation": "预算编制",
    "report.narratives.budget_execution": "预算执行",
    "report.narratives.final_accounts": "决算",
    "report.narratives.finance_comment": "预算完成情况评述",
    "report.narratives.project_analysis": "特定目标类项目绩效分析",
    "report.narratives.results_application": "结果应用情况",
    "report.narratives.task_completion": "各项工作任务绩效目标完成情况",
    "report.narratives.project_completion": "各重点任务项目支出完成情况",
    "report.narratives.conclusion": "评价结论",
    "report.problems": "存在的问题",
    "report.measures": "改进措施",
}


def template(path: str) -> str:
    """The path with its list positions left out: report.tasks[2].title → report.tasks[].title."""
    return re.sub(r"\[\d+\]", "[]", path)


def label_of(path: str, default: str = "") -> str:
    """The form's word for the field (its own label, else the nearest enclosing field's), or `default`."""
    key = template(path if path.startswith("report") else f"report.{path}")
    while key:
        if key in FIELD_LABELS:
            return FIELD_LABELS[key]
        cut = max(key.rfind("."), key.rfind("["))
        key = key[:cut] if cut > 0 else ""
    return default

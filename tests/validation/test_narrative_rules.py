"""Text rules: sections the outline prints, “无” as 存在问题/改进措施, numbering, numbers in the text."""

from desktop.domain.model import NarrativeBlock
from desktop.validation import Severity

from .builders import codes, fields, find


def test_required_section_empty_in_sichuan(report, gd_report):
    report.narratives.results_application = ""
    gd_report.narratives.results_application = ""
    assert fields(report, "NAR-001") == {"report.narratives.results_application"}
    assert "NAR-001" not in codes(gd_report)  # Guangdong's outline has no 结果应用 section


def test_required_section_empty_in_guangdong(report, gd_report):
    report.narratives.achievements = []
    gd_report.narratives.achievements = [NarrativeBlock("", "  ")]
    assert fields(gd_report, "NAR-001") == {"report.narratives.achievements"}
    assert "NAR-001" not in codes(report)


def test_any_of_the_alternatives_fills_a_section(gd_report):
    gd_report.narratives.overall_work = ""  # the task list prints instead
    assert "NAR-001" not in codes(gd_report)
    gd_report.tasks = []
    gd_report.activities = [a for a in gd_report.activities if a.task_key is None]
    assert fields(gd_report, "NAR-001") == {"report.narratives.overall_work"}


def test_placeholder_as_a_required_section(report):
    report.narratives.conclusion = "无。"
    issue = find(report, "NAR-004")[0]
    assert issue.field == "report.narratives.conclusion"


def test_problems_left_as_none(report):
    report.problems = ["暂无"]
    assert fields(report, "NAR-002") == {"report.problems[0]"}
    assert find(report, "NAR-002")[0].severity is Severity.ERROR


def test_measures_left_as_none(report):
    report.measures = ["加强培训。", "无"]
    assert fields(report, "NAR-003") == {"report.measures[1]"}


def test_empty_problem_list_is_a_missing_section(report):
    report.problems = []
    assert fields(report, "NAR-001") == {"report.problems"}


def test_real_problem_mentioning_none_passes(report):
    report.problems = ["无专职财务人员，预算编制依赖兼职会计。"]
    assert not {"NAR-002", "NAR-001"} & codes(report)


def test_task_without_title_or_text(report, gd_report):
    report.tasks[0].title = ""
    assert fields(report, "NAR-005") == {"report.tasks[0].title"}
    report.tasks[0].title, report.tasks[1].narrative = "标题", ""
    issue = find(report, "NAR-005")[0]
    assert issue.field == "report.tasks[1].narrative" and issue.severity is Severity.WARNING
    gd_report.tasks[1].narrative = ""  # Guangdong prints titles only
    assert "NAR-005" not in codes(gd_report)


def test_numbering_gap_in_a_list(report):
    report.problems = ["（一）预算编制不细。", "（二）监控不够。", "（四）结果运用不足。"]
    issue = find(report, "NAR-006")[0]
    assert issue.field == "report.problems" and "3" in issue.message


def test_numbering_gap_in_a_text(report):
    report.tasks[1].narrative = "一是走访。二是慰问。四是回访。"
    assert fields(report, "NAR-006") == {"report.tasks[1].narrative"}


def test_numbering_restarting_under_a_new_heading_passes(report):
    report.narratives.achievements[0].text = "（1）乡村振兴\n一是头雁村。二是妇女之家。\n（2）科技创新\n一是方案。二是故事会。"
    assert "NAR-006" not in codes(report)


def test_amount_in_text_contradicting_the_table(report):
    report.narratives.finance_comment = "本年收入总计120万元，其中一般公共预算财政拨款收入100万元。"
    issue = find(report, "NUM-001")[0]
    assert issue.field == "report.narratives.finance_comment"
    assert "120万元" in issue.message and "100万元" in issue.message


def test_amount_rounded_as_printed_passes(report):
    report.narratives.budget_execution = "全年预算数 100.00 万元，执行数 98 万元，完成预算的 98.00%。"
    assert "NUM-001" not in codes(report)


def test_approximate_amount_is_not_checked(report):
    report.narratives.budget_execution = "执行数约97万元。"
    assert "NUM-001" not in codes(report)


def test_rate_in_text_contradicting_the_table(report):
    report.narratives.budget_execution = "完成预算的 94.26%。"
    assert fields(report, "NUM-001") == {"report.narratives.budget_execution"}


def test_project_amount_in_text(report):
    report.narratives.project_analysis = "关爱困境儿童项目12万元。"
    assert fields(report, "NUM-001") == {"report.narratives.project_analysis"}
    report.narratives.project_analysis = "关爱困境儿童项目10万元，执行9.5万元。"
    assert "NUM-001" not in codes(report)


def test_project_figure_is_not_the_department_figure(report):
    report.narratives.project_analysis = "项目执行数 9.5 万元。"
    assert "NUM-001" not in codes(report)


def test_share_in_text_must_recompute(report):
    report.narratives.finance_comment = "基本支出40万元，占45%；项目支出58万元，占55%。"
    issue = find(report, "SHR-002")[0]
    assert issue.field == "report.narratives.finance_comment" and "40.8%" in issue.message
    report.narratives.finance_comment = "基本支出40万元，占40.82%。"
    assert "SHR-002" not in codes(report)


def test_ledger_total_in_a_task(report):
    report.tasks[0].narrative = "举办培训班 3 期，共计 150 人次妇女参加培训。"
    issue = find(report, "NUM-002")[0]
    assert issue.field == "report.tasks[0].narrative" and "120" in issue.message


def test_ledger_total_matching_one_kind_or_record_passes(report):
    report.tasks[0].narrative = "共举办 3 期，其中直播班共计 40 人次。"
    assert "NUM-002" not in codes(report)


def test_approximate_ledger_total(report):
    report.tasks[0].narrative = "共计 100 余人次参加培训。"
    assert "NUM-002" not in codes(report)
    report.tasks[0].narrative = "共计 200 余人次参加培训。"
    assert "NUM-002" in codes(report)


def test_shares_in_text_must_add_to_100(report):
    report.narratives.finance_comment = "基本支出40万元，占41%；项目支出58万元，占59.2%。"
    assert "SHR-002" not in codes(report)  # each share rounds correctly on its own
    issue = find(report, "SHR-003")[0]
    assert issue.field == "report.narratives.finance_comment" and "100.2%" in issue.message
    report.narratives.finance_comment = "基本支出40万元，占40.8%；项目支出58万元，占59.2%。"
    assert "SHR-003" not in codes(report)

from decimal import Decimal

from desktop.domain.ledger import totals
from desktop.domain.model import Activity, BeneficiaryUnit, Budget, Project, FundColumn, WorkTask
from desktop.reports import prose

from .conftest import seed_report
from .seed_expectations import GENERATED, squeeze


def test_seed_000_sentences_are_generated_from_its_tables():
    report = seed_report("000")
    assert prose.organisation(report) == [GENERATED["000"][0]]
    assert prose.staffing(report) == [GENERATED["000"][1]]
    assert prose.income(report) == [GENERATED["000"][2]]
    assert prose.expenditure(report) == [GENERATED["000"][3]]
    assert prose.carry_over(report) == [GENERATED["000"][4]]
    assert prose.project_list(report) == ["2024年，金口河区妇联" + GENERATED["000"][5]]
    assert prose.large_projects(report) == ["50万以上项目：无"]
    # Seed 000 states neither a budget execution nor a score: nothing is invented.
    assert prose.budget_execution(report) == []
    assert prose.self_evaluation(report) == []


def test_seed_004_sentences_are_generated_from_its_tables():
    report = seed_report("004")
    # The document's title keeps the clerk's own blank ("机关主要任务 内设机构"); compare without blanks.
    assert [squeeze(t) for t in prose.profile_overview(report)] == [GENERATED["004"][0]]
    assert prose.budget_execution(report) == [GENERATED["004"][1]]
    assert prose.self_evaluation(report) == [GENERATED["004"][2]]


def test_figures_follow_the_data_not_the_text():
    report = seed_report("000")
    report.finance.income_lines[0].amount = Decimal("1500000.00")
    report.finance.income_lines[1].amount = Decimal("500000.00")
    report.finance.income_total = None
    assert prose.income(report) == [
        "2024年本年收入总计200万元，其中：一般公共预算财政拨款收入150万元，占75%；其他收入50万元，占25%。"]
    report.finance.expenditure.total = Decimal("2000000.00")
    report.finance.expenditure.basic = Decimal("666666.67")
    report.finance.expenditure.project = Decimal("1333333.33")
    text = prose.expenditure(report)[0]
    assert "占33.3%" in text and "占66.7%" in text and text.endswith("收支相等。")


def test_adjusted_and_low_execution_carry_the_clerks_reasons_unchanged():
    report = seed_report("004")
    report.finance.budget = Budget(initial=Decimal("5000000"), adjusted=Decimal("6000000"), executed=Decimal("4800000"),
                                   adjustment_reason="年中追加专项经费100万元。", low_execution_reason="个别项目跨年实施。")
    assert prose.budget_execution(report) == [
        "年初预算数500万元，全年预算数600万元，执行数480万元，完成预算的80%。",
        "年中追加专项经费100万元。",
        "个别项目跨年实施。",
    ]


def test_large_projects_are_listed_with_their_own_analysis():
    report = seed_report("000")
    report.projects.append(Project(name="妇女之家建设", initial=FundColumn(total=Decimal("600000")),
                                   analysis="该项目按期完成。"))
    assert prose.large_projects(report) == ["50万以上项目：妇女之家建设（60万元）。", "该项目按期完成。"]


def test_a_task_section_is_the_clerks_narrative_then_the_ledgers_totals():
    report = seed_report("000")
    task = report.task("t05")  # 多措并举，促进女性就业创业
    paragraphs = prose.task_paragraphs(report, task)
    assert paragraphs[0] == task.narrative  # never altered
    linked = [a for a in report.activities if a.task_key == "t05"]
    sessions = sum(a.sessions or 0 for a in linked)
    people = sum(a.participants or 0 for a in linked)
    assert paragraphs[1] == (f"据活动台账统计，全年开展相关活动{len(linked)}项，共{sessions}场（期），"
                             f"参与{people}人次，受益166人、600人次。")  # 结对儿童 166 人，帮扶 600 余人次: not 766
    # A new activity changes the figures in the text.
    report.activities.append(Activity(title="直播带货培训", task_key="t05", sessions=1, participants=20,
                                      money=Decimal("3000")))
    assert f"参与{people + 20}人次" in prose.task_paragraphs(report, task)[1]
    assert "涉及资金0.3万元" in prose.task_paragraphs(report, task)[1]


def test_a_task_without_activities_has_only_its_narrative():
    report = seed_report("000")
    report.tasks.append(WorkTask(title="新任务", narrative="第一段。\n第二段。"))
    assert prose.task_paragraphs(report, report.tasks[-1]) == ["第一段。", "第二段。"]


def test_beneficiaries_in_unlike_units_are_never_added():
    """5 先进集体 and 50 人 are not "55人（户）"; 2000 人次 is not "2000人（户）"."""
    ledger = [Activity(title="评选三八红旗集体", beneficiaries=5, beneficiary_unit=BeneficiaryUnit.ITEM),
              Activity(title="评选三八红旗手", beneficiaries=50, beneficiary_unit=BeneficiaryUnit.PERSON)]
    sentence = prose.ledger_sentence(totals(ledger))
    assert "55" not in sentence and "人（户）" not in sentence
    assert "受益50人、5个" in sentence
    served = [Activity(title="巾帼志愿服务", beneficiaries=1200, beneficiary_unit=BeneficiaryUnit.VISIT),
              Activity(title="走访困难家庭", beneficiaries=35, beneficiary_unit=BeneficiaryUnit.HOUSEHOLD),
              Activity(title="再次服务", beneficiaries=800, beneficiary_unit=BeneficiaryUnit.VISIT)]
    assert prose.ledger_sentence(totals(served)) == "据活动台账统计，全年开展相关活动3项，受益2000人次、35户。"


def test_unstated_units_keep_the_old_wording_only_when_no_line_states_one():
    old = [Activity(title="慰问", beneficiaries=30), Activity(title="救助", beneficiaries=6)]
    assert prose.ledger_sentence(totals(old)) == "据活动台账统计，全年开展相关活动2项，受益36人（户）。"
    mixed = old + [Activity(title="志愿服务", beneficiaries=100, beneficiary_unit=BeneficiaryUnit.VISIT)]
    sentence = prose.ledger_sentence(totals(mixed))
    assert "受益100人次" in sentence and "136" not in sentence and "人（户）" not in sentence
    assert "36（未注明单位）" in sentence


def test_year_on_year_change_when_last_year_is_known():
    """收入792.22万元，比上年增加189.25万元，增长31.39%: exact, 减少/下降 for a fall, nothing when unknown."""
    report = seed_report("000")
    finance = report.finance
    finance.income_lines = finance.income_lines[:1]
    finance.income_lines[0].amount = finance.income_total = Decimal("7922200.00")
    assert "比上年" not in prose.income(report)[0]  # last year unknown: no comparison is made up
    finance.previous_income_total = Decimal("6029700.00")
    assert prose.income(report)[0].startswith("2024年本年收入总计792.22万元，比上年增加189.25万元，增长31.39%，其中：")
    finance.previous_income_total = Decimal("8000000.00")
    assert "比上年减少7.78万元，下降0.97%" in prose.income(report)[0]
    finance.previous_income_total = Decimal("7922200.00")
    assert "与上年持平" in prose.income(report)[0]
    finance.previous_income_total = Decimal("0.00")
    assert "比上年增加792.22万元，其中" in prose.income(report)[0]  # no percentage of nothing
    finance.previous_expenditure_total = Decimal("2000000.00")
    assert "本年支出合计219.7万元，比上年增加19.7万元，增长9.85%" in prose.expenditure(report)[0]


def test_shares_print_at_the_decimals_the_clerk_chose():
    report = seed_report("000")
    exp = report.finance.expenditure
    exp.total, exp.basic, exp.project = Decimal("1000000.00"), Decimal("940000.00"), Decimal("60000.00")
    assert "基本支出94万元，占94%；项目支出6万元，占6%" in prose.expenditure(report)[0]  # as the seeds print
    report.finance.share_places = 1
    assert "基本支出94万元，占94.0%；项目支出6万元，占6.0%" in prose.expenditure(report)[0]
    report.finance.share_places = 2
    exp.basic, exp.project = Decimal("939650.00"), Decimal("60350.00")
    assert "占93.97%；项目支出6.035万元，占6.03%" in prose.expenditure(report)[0]  # reconciled to 100.00%


def test_each_project_is_named_with_its_share_of_the_department_budget():
    report = seed_report("000")
    report.finance.budget.adjusted = Decimal("1004600.00")  # 100.46 万元
    report.projects[0].initial.total = Decimal("345000.00")
    text = prose.project_list(report)[0]
    assert "春蕾行动计划经费34.5万元，占部门预算的34.34%；妇工委工作经费0.5万元，占部门预算的0.50%" in text

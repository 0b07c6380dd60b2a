from decimal import Decimal

from desktop.domain.model import FundColumn, Indicator
from desktop.domain.scoring import IndicatorKind
from desktop.reports.document import Amount, Percent
from desktop.reports.tables import TABLES, department_evaluation_table, income_expenditure, project_evaluation_table, projects

from .conftest import seed_report


def _row(table, label):
    return next(row for row in table.rows if row[0].text.strip("　") == label)


def test_every_table_has_a_valid_grid_for_both_seeds():
    for seed in ("000", "004"):
        report = seed_report(seed)
        for name, builder in TABLES.items():
            targets = report.projects if name == "project_evaluation" else [None]
            for project in targets:
                table = builder(report, project)
                assert len(table.grid()) == len(table.rows)


def test_income_table_holds_typed_amounts_and_shares():
    table = income_expenditure(seed_report("000"))
    basic = _row(table, "基本支出")
    assert basic[1].value == Amount(Decimal("764600.00")) and basic[1].text == "76.46"
    assert basic[2].value == Percent(Decimal("34.8"))
    assert _row(table, "项目支出")[2].text == "65.2%"
    assert table.header_rows == 1 and table.note == "单位：万元"


def test_project_table_prints_only_the_columns_that_were_entered():
    """Seed 000 lists its projects with budgets only: no empty 执行数/执行率/得分 column is printed."""
    table = projects(seed_report("000"))
    assert [c.text for c in table.rows[0]] == ["序号", "项目名称", "年初预算数", "全年预算数"]
    total = table.rows[-1]
    assert total[0].text == "合计" and total[0].colspan == 2
    assert total[1].text == "10.5" and total[2].text == "10.5"
    assert all(cell.text for row in table.rows for cell in row)  # no empty figure cell anywhere
    report = seed_report("000")
    report.projects[1].executed.total = Decimal("4000.00")  # one project's 执行数 entered: the column is printed
    header = [c.text for c in projects(report).rows[0]]
    assert header == ["序号", "项目名称", "年初预算数", "全年预算数", "全年执行数", "执行率"]


def test_project_form_follows_the_national_layout():
    report = seed_report("000")
    project = report.projects[0]
    project.adjusted = FundColumn(total=Decimal("10000"), current_year=Decimal("10000"))
    project.executed = FundColumn(total=Decimal("9000"), current_year=Decimal("9000"))
    project.indicators = [
        Indicator(name="救助人数", level1="产出指标", level2="数量指标", kind=IndicatorKind.AT_LEAST,
                  target=Decimal("50"), actual=Decimal("54"), unit="人", weight=Decimal("50")),
        Indicator(name="救助金发放及时率", level1="产出指标", level2="时效指标", kind=IndicatorKind.AT_LEAST,
                  target=Decimal("100"), actual=Decimal("100"), unit="%", weight=Decimal("10")),
        Indicator(name="受助女童满意度", level1="满意度指标", level2="服务对象满意度指标", kind=IndicatorKind.AT_LEAST,
                  target=Decimal("90"), actual=Decimal("95"), unit="%", weight=Decimal("30")),
    ]
    table = project_evaluation_table(report, project)
    grid = table.grid()
    assert table.column_count == 10
    texts = [[pos[0].text for pos in row] for row in grid]
    assert texts[0][:2] == ["项目名称", "春蕾行动计划经费"]
    funds = texts[3]
    assert funds[1] == "年度资金总额" and funds[3:6] == ["1", "1", "0.9"]
    assert funds[6:9] == ["10", "90%", "9"]
    indicators = [row for row in texts if row[3] in ("救助人数", "救助金发放及时率", "受助女童满意度")]
    assert [row[1] for row in indicators] == ["产出指标", "产出指标", "满意度指标"]  # 一级 merged over two rows
    assert indicators[0][4:8] == ["≥50人", "54人", "50", "50"]
    # 总分 = Σ of the rows shown: 分值 10 + 50 + 10 + 30 = 100; 得分 9 + 50 + 10 + 30 = 99, graded 优.
    assert texts[-3][0] == "总分" and texts[-3][6] == "100" and texts[-3][7] == "99"
    assert texts[-2][0] == "评价等级" and texts[-2][6] == "优"
    # The last row says which rule set scored the form and whether the execution cap applied.
    assert texts[-1][0] == "评分说明" and "评分方案：四川省一体化系统" in texts[-1][1]
    assert "按预算执行率封顶总分：未采用" in texts[-1][1]


def test_department_form_totals_its_rows_and_grades_on_a_line_of_its_own():
    from .conftest import filled_seed

    table = department_evaluation_table(filled_seed("004"))
    total, grade = ([pos[0].text for pos in row] for row in table.grid()[-3:-1])
    # 9.43 for execution + 20 + 30 + 28 + 10 for the indicators, over 10 + 90 分.
    assert total[0] == "总分" and total[5] == "100" and total[6] == "97.43" and total[7] == ""
    assert grade[0] == "评价等级" and grade[5] == "优"
    cells = {(r, c): cell for r, c, cell in table.placed()}
    assert cells[len(table.rows) - 3, 6].sum_of == tuple((r, 6) for r in range(1, 6))


def test_a_form_whose_weights_miss_the_full_score_shows_no_grade():
    from .conftest import filled_seed

    report = filled_seed("004")
    report.self_evaluation.indicators[0].weight = Decimal("5")
    table = department_evaluation_table(report)
    total, grade = ([pos[0].text for pos in row] for row in table.grid()[-3:-1])
    assert total[5] == "85" and grade[5] == "—"
    execution = [pos[0].text for pos in table.grid()[1]]
    assert execution[0] == "预算执行率" and execution[4] == "94.26%" and execution[6] == "9.43"


def test_figures_not_entered_leave_no_empty_rows():
    table = income_expenditure(seed_report("004"))
    labels = [row[0].value.strip("　") for row in table.rows[1:]]
    # Seed 004 prints its budget and execution only: no income or expenditure rows stand empty.
    assert labels == ["全年预算数", "全年执行数", "预算执行率"]
    assert table.column_count == 2  # no row has a share: no empty 占比 column either


def test_no_project_rows_say_whether_there_were_none_or_they_are_missing():
    report = seed_report("004")
    assert projects(report).rows[1][0].value == "项目明细未填写"
    report.finance.expenditure.project = Decimal("0.00")
    assert projects(report).rows[1][0].value == "本年度无项目支出"


def test_each_project_shows_its_share_of_the_department_budget():
    from tests.validation.builders import clean_report

    report = clean_report()
    report.finance.budget.adjusted = Decimal("1004600.00")  # 100.46 万元
    report.projects[0].adjusted.total = report.projects[0].adjusted.current_year = Decimal("345000.00")
    table = projects(report)
    assert table.rows[0][-1].text == "占部门预算"
    assert table.rows[1][-1].text == "34.34%"  # 34.5 of 100.46 万元
    assert table.rows[-1][-1].text == "34.34%"
    # Without a department budget there is nothing to compare with: no column.
    assert "占部门预算" not in [c.text for c in projects(seed_report("000")).rows[0]]


def test_an_actual_in_words_scores_nothing_and_is_marked_where_the_clerk_kept_full_marks():
    """"完成" against "≥ 4 期" cannot be checked: the row scores 0, its actual is marked ※ and the form says why."""
    report = seed_report("000")
    project = report.projects[0]
    project.adjusted = FundColumn(total=Decimal("10000"), current_year=Decimal("10000"))
    project.executed = FundColumn(total=Decimal("10000"), current_year=Decimal("10000"))
    project.indicators = [
        Indicator(name="培训期数", level1="产出指标", level2="数量指标", kind=IndicatorKind.AT_LEAST,
                  target=Decimal("4"), actual_text="完成", unit="期", weight=Decimal("50"), score=Decimal("50")),
        Indicator(name="满意度", level1="满意度指标", level2="服务对象满意度指标", kind=IndicatorKind.AT_LEAST,
                  target=Decimal("90"), actual=Decimal("95"), unit="%", weight=Decimal("40")),
    ]
    texts = [[pos[0].text for pos in row] for row in project_evaluation_table(report, project).grid()]
    row = next(r for r in texts if r[3] == "培训期数")
    assert row[5] == "完成※" and row[7] == "0"
    assert texts[-3][0] == "总分" and texts[-3][7] == "50"  # 10 + 0 + 40, not 100
    assert "※ 定量指标的实际完成值不是数字" in texts[-1][1] and "按 0 分计" in texts[-1][1]
    project.indicators[0].actual, project.indicators[0].actual_text = Decimal("4"), ""
    texts = [[pos[0].text for pos in row] for row in project_evaluation_table(report, project).grid()]
    assert next(r for r in texts if r[3] == "培训期数")[5:8] == ["4期", "50", "50"] and "※" not in texts[-1][1]


def test_the_cap_the_report_switches_on_is_printed_with_its_bands():
    report = seed_report("004")
    report.self_evaluation.indicators = filled_department_indicators()
    report.overlays = ["score_cap"]
    note = [pos[0].text for pos in department_evaluation_table(report).grid()[-1]]
    assert note[0] == "评分说明" and "评分方案：全国通用" in note[2]
    assert "按预算执行率封顶总分：采用（执行率低于 80% 不超过 89 分" in note[2] and "本报告启用" in note[2]


def filled_department_indicators():
    from .conftest import filled_seed

    return filled_seed("004").self_evaluation.indicators


def test_a_source_of_funds_nobody_split_leaves_no_empty_row():
    report = seed_report("000")
    project = report.projects[0]
    project.indicators = filled_department_indicators()
    texts = [[pos[0].text for pos in row] for row in project_evaluation_table(report, project).grid()]
    assert [row[1] for row in texts[3:4]] == ["年度资金总额"] and texts[4][0] == "年度总体目标"
    project.initial.current_year = project.initial.total
    texts = [[pos[0].text for pos in row] for row in project_evaluation_table(report, project).grid()]
    assert texts[4][1] == "其中：当年财政拨款" and texts[5][0] == "年度总体目标"

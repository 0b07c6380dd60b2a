from desktop.reports.build import build_document, title_of
from desktop.reports.document import Heading, PageBreak, Paragraph, Table
from desktop.reports.numbering import level_number
from desktop.reports.outline import load_outline

from .conftest import SEEDS, seed_report


def _document(seed, **kwargs):
    return build_document(seed_report(seed), load_outline(SEEDS[seed][1]), **kwargs)


def test_seed_000_numbering_has_no_gap_and_no_repeat():
    """The printed seed runs (一)…(五), (七) and has two (四); the program counts."""
    headings = _document("000").headings()
    under_tasks = []
    collecting = False
    for h in headings:
        if h.full_text == "（三）年度主要工作任务":
            collecting = True
            continue
        if collecting and h.level <= 2:
            break
        if collecting:
            under_tasks.append(h.number)
    assert under_tasks == [level_number(3, n) for n in range(1, 12)]
    seen = set()
    parents: list[str] = []
    for h in headings:
        parents = parents[: h.level - 1] + [h.number]
        key = tuple(parents)
        assert key not in seen, key
        seen.add(key)


def test_headings_follow_the_outline_in_order(seed):
    outline = load_outline(SEEDS[seed][1])
    texts = [h.text for h in _document(seed).headings()]
    positions = [texts.index(section.title) for _, section in outline.walk()]
    assert positions == sorted(positions)


def test_clerk_text_is_carried_unchanged():
    report = seed_report("000")
    document = build_document(report, load_outline("sichuan"))
    paragraphs = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert report.narratives.conclusion in paragraphs
    for line in report.narratives.results_application.split("\n"):
        assert line in paragraphs


def test_lists_are_numbered_one_level_below_their_heading():
    document = _document("004")
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    report = seed_report("004")
    for n, problem in enumerate(report.problems, start=1):
        assert f"（{'一二三'[n - 1]}）{problem}" in texts


def test_achievements_are_run_in_headings_numbered_by_level():
    texts = [b.text for b in _document("004").blocks if isinstance(b, Paragraph)]
    assert any(t.startswith("1．持之以恒拓新路，思政建设有板有眼。一是持之以恒学党史。") for t in texts)
    assert "5．扬帆逐浪展新颜，助力发展有亮有为" in texts
    assert any(t.startswith("（1）助推“三农”发展，乡村振兴画卷绚丽。一是") for t in texts)


def test_appendices_each_start_a_page():
    document = _document("000")
    kinds = [type(b) for b in document.appendices]
    tables = [b for b in document.appendices if isinstance(b, Table)]
    # Seed 000's 自评表 forms have no indicator rows: they are left out, never printed as skeletons.
    assert [t.name for t in tables] == ["income_expenditure", "projects"]
    assert kinds.count(PageBreak) == len(tables)
    assert document.signature_unit == "乐山市金口河区妇女联合会"


def test_title_and_draft():
    report = seed_report("004")
    assert title_of(report, load_outline("guangdong")) == "2022年度广州市黄埔区妇女联合会\n部门整体支出绩效自评报告"
    report.title = ""
    assert title_of(report, load_outline("guangdong")) == "2022年度广州市黄埔区妇女联合会\n部门整体支出绩效自评报告"
    assert _document("004", draft=True).draft
    assert not _document("004").draft


def test_bold_lower_headings_is_a_setting_of_the_outline():
    assert _document("004").layout.bold_lower_headings
    assert not _document("000").layout.bold_lower_headings
    heads = [b for b in _document("004").blocks if isinstance(b, Paragraph) and b.text.startswith("1．持之以恒")]
    assert heads[0].runs[0].bold
    assert all(isinstance(h, Heading) for h in _document("000").headings())


def test_filled_forms_are_attached_and_unfilled_ones_left_out():
    import copy

    from tests.validation.builders import department_indicators, project_indicators

    report = copy.deepcopy(seed_report("000"))
    report.self_evaluation.indicators = department_indicators()
    report.projects[1].indicators = project_indicators()
    document = build_document(report, load_outline("sichuan"))
    tables = [b for b in document.appendices if isinstance(b, Table)]
    assert [t.name for t in tables] == ["income_expenditure", "projects", "department_evaluation", "project_evaluation"]
    assert tables[-1].rows[0][1].value == report.projects[1].name
    listing = [b.text for b in document.blocks if isinstance(b, Paragraph) and "附件" in b.text or "　　　" in b.text[:3]]
    assert any("4．项目支出绩效自评表（" + report.projects[1].name in t for t in listing)

import json
import shutil

import pytest

from desktop.reports.build import build_document
from desktop.reports.outline import OutlineError, available_outlines, load_outline, outlines_dir, parse_outline

from .conftest import seed_report


def test_both_outlines_ship_and_load():
    assert {"sichuan", "guangdong"} <= set(available_outlines())
    sichuan = load_outline("sichuan")
    titles = [s.title for _, s in sichuan.walk()]
    assert titles[:5] == ["部门基本情况", "机构组成", "机构职能和人员概况", "年度主要工作任务", "部门整体支出绩效目标"]
    guangdong = load_outline("guangdong")
    assert [s.title for s in guangdong.sections] == ["基本情况", "综合评价分析", "存在的主要问题", "下一步改进措施"]


def test_unknown_outline_names_the_available_ones():
    with pytest.raises(OutlineError) as caught:
        load_outline("hunan")
    assert "sichuan" in caught.value.message and "guangdong" in caught.value.message


def _base():
    return json.loads((outlines_dir() / "sichuan.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("damage, words", [
    (lambda d: d.update(format="other"), "不是报告提纲"),
    (lambda d: d["sections"][0]["children"][0]["content"].append({"generated": "no_such_thing"}), "未知的生成内容"),
    (lambda d: d["sections"][0]["children"][0]["content"].append({"narrative": "narratives.nothing"}), "没有字段"),
    (lambda d: d["sections"][0]["children"][0]["content"].append({"table": "nope"}), "未知的表格"),
    (lambda d: d["sections"][0]["children"][0].update(colour="red"), "未知的键"),
    (lambda d: d["sections"][0].update(title=""), "标题"),
    (lambda d: d.update(layout={"font": "x"}), "layout"),
])
def test_a_damaged_outline_is_refused_in_chinese(damage, words):
    data = _base()
    damage(data)
    with pytest.raises(OutlineError) as caught:
        parse_outline(data, "sichuan.json")
    assert words in caught.value.message and "sichuan.json" in caught.value.message


def test_a_third_province_is_a_new_file_not_new_code(tmp_path):
    """A Hunan-style outline written as data renders with the same program."""
    for name in ("sichuan.json", "guangdong.json"):
        shutil.copy(outlines_dir() / name, tmp_path / name)
    hunan = {
        "format": "fulian-desk/outline", "id": "hunan", "name": "湖南省（示例）",
        "title": "{full_name}{year}年度部门整体支出绩效自评报告",
        "sections": [
            {"title": "部门概况", "content": [{"generated": "organisation"}, {"generated": "staffing"}]},
            {"title": "部门收支", "children": [
                {"title": "收入", "content": [{"generated": "income"}]},
                {"title": "支出", "content": [{"generated": "expenditure"}, {"table": "income_expenditure"}]},
            ]},
            {"title": "重点工作", "content": [{"tasks": "sections"}]},
            {"title": "自评结论", "optional": True, "content": [{"generated": "self_evaluation"}]},
            {"title": "问题和建议", "content": [{"list": "problems"}, {"list": "measures"}]},
        ],
    }
    (tmp_path / "hunan.json").write_text(json.dumps(hunan, ensure_ascii=False), encoding="utf-8")
    assert "hunan" in available_outlines(tmp_path)
    document = build_document(seed_report("000"), load_outline("hunan", tmp_path))
    headings = [h.full_text for h in document.headings()]
    # 自评结论 is optional and seed 000 states no score: it is left out and numbering closes up.
    assert headings[:4] == ["一、部门概况", "二、部门收支", "（一）收入", "（二）支出"]
    assert headings[4] == "三、重点工作"
    assert headings[-1] == "四、问题和建议"
    assert any(t.name == "income_expenditure" for t in document.tables())

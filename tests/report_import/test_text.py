"""Heading numbers as clerks type them, and the spaces they leave."""

import pytest

from desktop.report_import.text import sentences, split_number, tidy, title_text


@pytest.mark.parametrize("text, level, value, rest", [
    ("一、部门基本情况", 1, 1, "部门基本情况"),
    ("(一) 机构组成。", 2, 1, "机构组成。"),
    ("（十二）全面推进家庭家教家风建设", 2, 12, "全面推进家庭家教家风建设"),
    ("1、预算编制。", 3, 1, "预算编制。"),
    ("1. 2024年，区妇联", 3, 1, "2024年，区妇联"),
    ("2．50万以上项目：无", 3, 2, "50万以上项目：无"),
    ("（1）助推“三农”发展", 4, 1, "助推“三农”发展"),
    ("(2) 强化人才支撑", 4, 2, "强化人才支撑"),
    ("③其他", 5, 3, "其他"),
])
def test_numbers_are_read_in_every_form(text, level, value, rest):
    numbered = split_number(text)
    assert (numbered.level, numbered.value, numbered.rest) == (level, value, rest)


@pytest.mark.parametrize("text", ["1.5万元", "2024年本年收入", "一是持之以恒学党史", "一，要", "十分重视"])
def test_figures_and_enumerations_are_not_numbers(text):
    assert split_number(text) is None


def test_tidy_drops_typed_spaces_around_digits_but_keeps_those_between_words():
    assert tidy("\u3000\u3000现有编制 4 个，“爱心妈妈” 168 人") == "现有编制4个，“爱心妈妈”168人"
    assert tidy("“嘉帼情怀 嘉幼成长”") == "“嘉帼情怀 嘉幼成长”"
    assert tidy("1. 2024年，区妇联") == "1．2024年，区妇联"


def test_titles_lose_spaces_and_the_closing_stop():
    assert title_text("学习教育，常抓不懈。") == "学习教育，常抓不懈"
    assert title_text("2022 年度广州市黄埔区妇女联合会 部门整体") == "2022年度广州市黄埔区妇女联合会部门整体"


def test_sentences_keep_their_stops():
    assert sentences("收入219.7万元。收支相等。余") == ["收入219.7万元。", "收支相等。", "余"]

"""What each seed report prints and the regenerated documents must contain (from tests/data/*.source.txt)."""

from __future__ import annotations

import re

from tests.exchange.seed_text import SOURCES, comparable, printed_numbers, source_text, without_heading_numbers

from .conftest import SEEDS

# Sentences the program generates from the data, as the seeds print them (blanks removed).
GENERATED = {
    "000": [
        "金口河区妇联设置主席1名，副主席1名，设置妇联综合办公室1个。",
        "金口河区妇联现有编制4个，均为行政编制，其中：政法编制0个，工勤编制0个。截止2024年末财政实际供养在职人数3人。",
        "2024年本年收入总计219.7万元，其中：一般公共预算财政拨款收入219.7万元，占100%；其他收入0万元。",
        "2024年本年支出合计219.7万元，其中：基本支出76.46万元，占34.8%；项目支出143.24万元，占65.2%。收支相等。",
        "年末结转0万元。",
        "纳入绩效评价项目预算5个，分别是春蕾行动计划经费1万元；妇工委工作经费0.5万元；贫困母亲救助2万元；"
        "三八节活动经费2万元；乡镇妇联工作经费5万元。",
        "50万以上项目：无",
    ],
    "004": [
        "根据《广州市黄埔区妇女联合会机关主要任务内设机构和人员编制规定》（穗埔办〔2017〕6号）文件规定，"
        "广州市黄埔区妇女联合会，为黄埔区委、广州开发区党工委领导下的全区各族各界妇女的群众团体组织（简称黄埔区妇联），"
        "是党和政府联系妇女群众的桥梁和纽带，代表和维护妇女权益，促进男女平等，设办公室、权益部（挂区妇女儿童工作委员会办公室牌子）"
        "2个内设机构。",
        "全年预算数570.54万元，执行数537.81万元，完成预算的94.26%。",
        "按照《部门整体支出绩效自评表》的评价指标，2022年我部门整体支出绩效自评结果为98分，达到“优”等级。",
    ],
}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def seed_figures(seed: str) -> set[str]:
    """Every number the printed seed report shows (its hand-typed heading numbers aside: the program numbers)."""
    return set(printed_numbers(comparable(without_heading_numbers(source_text(SEEDS[seed][0])))))


def figures_in(text: str) -> set[str]:
    return set(printed_numbers(text))


__all__ = ["GENERATED", "SOURCES", "squeeze", "seed_figures", "figures_in"]

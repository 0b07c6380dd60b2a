"""Exchange files that must be refused, each made from a real seed file by one change."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

DATA = Path(__file__).resolve().parents[1] / "data"
SEED = DATA / "seed_000_jinkouhe_2024.fulian.json"


def seed_document() -> dict:
    return json.loads(SEED.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class BadFile:
    """One way a file can be wrong: its text, the field the error must name, words the message must hold.

    `schema_rejects`: whether JSON Schema alone can see the fault (links between rows and duplicated
    keys are beyond a schema; the reader checks those itself).
    """

    name: str
    text: str
    field: str | None
    words: tuple[str, ...]
    schema_rejects: bool = True

    @property
    def is_json(self) -> bool:
        try:
            json.loads(self.text)
        except (ValueError, RecursionError):
            return False
        return True


def _changed(change: Callable[[dict], None]) -> str:
    document = copy.deepcopy(seed_document())
    change(document)
    return json.dumps(document, ensure_ascii=False, indent=2)


def _set(path: str, value) -> Callable[[dict], None]:
    """A change that sets report.a.b[0].c (path without the leading "report.")."""

    def change(document: dict) -> None:
        target = document["report"]
        parts = path.replace("[", ".[").split(".")
        for part in parts[:-1]:
            target = target[int(part[1:-1])] if part.startswith("[") else target[part]
        last = parts[-1]
        if last.startswith("["):
            target[int(last[1:-1])] = value
        else:
            target[last] = value

    return change


def _envelope(key: str, value) -> Callable[[dict], None]:
    def change(document: dict) -> None:
        document[key] = value

    return change


def _duplicated_key() -> str:
    text = SEED.read_text(encoding="utf-8")
    # A hand edit that pasted the year twice: json would silently keep the second one.
    return text.replace('"fiscal_year": 2024,', '"fiscal_year": 2024,\n    "fiscal_year": 2023,', 1)


def bad_files() -> list[BadFile]:
    return [
        BadFile("not_json", "单位：金口河区妇联\n年度：2024\n", None, ("JSON",)),
        BadFile("truncated_json", SEED.read_text(encoding="utf-8")[:500], None, ("JSON", "第")),
        BadFile("top_level_list", "[1, 2, 3]", None, ("最外层",)),
        BadFile("wrong_format", _changed(_envelope("format", "wps/table")), "format", ("format", "fulian-desk/exchange")),
        BadFile("version_2", _changed(_envelope("version", 2)), "version", ("版本为 2", "升级")),
        BadFile("version_0", _changed(_envelope("version", 0)), "version", ("版本为 0",)),
        BadFile("version_as_text", _changed(_envelope("version", "1")), "version", ("版本",)),
        BadFile("version_true", _changed(_envelope("version", True)), "version", ("版本为 true",)),
        BadFile("version_one_point_zero", _changed(_envelope("version", 1.0)), "version", ("版本为 1.0",),
                schema_rejects=False),  # JSON Schema compares numbers by value: 1.0 is 1 there
        BadFile("unknown_envelope_field", _changed(_envelope("password", "x")), "password", ("password",)),
        BadFile("missing_report", _changed(lambda d: d.pop("report")), "report", ("report",)),
        BadFile("unknown_field", _changed(_set("profile.website", "http://example.org")),
                "report.profile.website", ("report.profile.website", "不是本格式的字段")),
        BadFile("missing_required_field", _changed(lambda d: d["report"].pop("fiscal_year")),
                "report.fiscal_year", ("report.fiscal_year", "缺少")),
        BadFile("number_for_money", _changed(_set("finance.expenditure.basic", 764600)),
                "report.finance.expenditure.basic", ("report.finance.expenditure.basic", "应为金额", "数字 764600")),
        BadFile("float_for_money", _changed(_set("finance.income_total", 2197000.5)),
                "report.finance.income_total", ("report.finance.income_total", "应为金额")),
        BadFile("money_three_decimals", _changed(_set("finance.expenditure.project", "1432400.001")),
                "report.finance.expenditure.project", ("report.finance.expenditure.project", "最多两位小数")),
        BadFile("money_garbage_minus", _changed(_set("activities[21].money", "--10000")),
                "report.activities[21].money", ("report.activities[21].money", "应为金额")),
        BadFile("money_bare_minus", _changed(_set("finance.carry_over_end", "-")),
                "report.finance.carry_over_end", ("report.finance.carry_over_end",)),
        BadFile("money_in_wan", _changed(_set("finance.income_total", "219.7万元")),
                "report.finance.income_total", ("report.finance.income_total", "应为金额")),
        BadFile("money_exponent", _changed(_set("finance.income_total", "1e999999")),
                "report.finance.income_total", ("report.finance.income_total",)),
        BadFile("bad_date", _changed(_set("activities[0].date", "2024-02-30")),
                "report.activities[0].date", ("report.activities[0].date", "2024-02-30", "不存在")),
        BadFile("date_wrong_shape", _changed(_set("report_date", "2025年3月31日")),
                "report.report_date", ("report.report_date", "应为日期")),
        BadFile("text_for_count", _changed(_set("activities[0].sessions", "6场")),
                "report.activities[0].sessions", ("report.activities[0].sessions", "应为整数")),
        BadFile("bool_for_count", _changed(_set("profile.actual_staff", True)),
                "report.profile.actual_staff", ("report.profile.actual_staff", "应为整数")),
        BadFile("unknown_enum", _changed(_set("outline", "beijing")),
                "report.outline", ("report.outline", "sichuan")),
        BadFile("null_for_required_text", _changed(_set("tasks[0].title", None)),
                "report.tasks[0].title", ("report.tasks[0].title", "不能为空")),
        BadFile("object_for_list", _changed(_set("problems", {"1": "人手不足"})),
                "report.problems", ("report.problems", "应为列表")),
        BadFile("duplicated_key", _duplicated_key(), "fiscal_year", ("fiscal_year", "两次"), schema_rejects=False),
        BadFile("activity_to_missing_task", _changed(_set("activities[0].task_key", "t99")),
                "report.activities[0].task_key", ("report.activities[0].task_key", "t99", "不存在"), schema_rejects=False),
        BadFile("activity_to_missing_project", _changed(_set("activities[22].project_key", "p9")),
                "report.activities[22].project_key", ("report.activities[22].project_key", "p9"), schema_rejects=False),
        BadFile("repeated_task_key", _changed(_set("tasks[1].key", "t01")),
                "report.tasks[0].key", ("report.tasks[0].key", "t01", "重复"), schema_rejects=False),
        BadFile("empty_unit_name", _changed(_set("unit.name", "  ")), "report.unit.name", ("report.unit.name",)),
        BadFile("year_out_of_range", _changed(_set("fiscal_year", 20240)), "report.fiscal_year", ("report.fiscal_year",)),
        BadFile("nan", SEED.read_text(encoding="utf-8").replace('"fiscal_year": 2024', '"fiscal_year": NaN', 1),
                None, ("NaN",)),
        BadFile("huge_integer", SEED.read_text(encoding="utf-8").replace('"fiscal_year": 2024', '"fiscal_year": ' + "9" * 5000, 1),
                None, ("数字",)),
        BadFile("nested_list_bomb", "[" * 100_000 + "]" * 100_000, None, ("嵌套",)),
        BadFile("nested_object_bomb", '{"a":' * 100_000 + "1" + "}" * 100_000, None, ("嵌套",)),
        BadFile("bomb_inside_report", _changed(_set("title", [])).replace('"title": []', '"title": ' + "[" * 50_000 + "]" * 50_000),
                None, ("嵌套",)),
    ]


def more_bad_files() -> list[BadFile]:
    """Texts that look like numbers to Python but are not the file's ASCII form; characters no text may hold."""
    return [
        # "\ud800" passes the JSON codec and then cannot be stored as UTF-8.
        BadFile("lone_surrogate_in_title", _changed(_set("activities[3].title", "巾帼\ud800宣讲")).replace("\ud800", "\\ud800"),
                "report.activities[3].title", ("report.activities[3].title", "第 3 个字符", "U+D800"), schema_rejects=False),
        # Control characters import fine but break the Word file's XML.
        BadFile("control_character_in_narrative", _changed(_set("narratives.conclusion", "总体\x01较好")),
                "report.narratives.conclusion", ("report.narratives.conclusion", "控制字符", "U+0001"), schema_rejects=False),
        BadFile("nul_in_unit_name", _changed(_set("unit.name", "金口河\x00区妇联")),
                "report.unit.name", ("report.unit.name", "U+0000"), schema_rejects=False),
        BadFile("money_fullwidth_digits", _changed(_set("finance.income_total", "２１９７０００.００")),
                "report.finance.income_total", ("report.finance.income_total", "应为金额")),
        # Python's re.search lets "$" match before a final newline, so jsonschema in Python takes this
        # one although the schema's pattern refuses it in ECMA-262 regex; the reader refuses it always.
        BadFile("money_trailing_newline", _changed(_set("finance.income_total", "2197000.00\n")),
                "report.finance.income_total", ("report.finance.income_total",), schema_rejects=False),
        BadFile("date_trailing_newline", _changed(_set("report_date", "2025-03-31\n")),
                "report.report_date", ("report.report_date",)),
        BadFile("decimal_arabic_digits", _changed(_set("department_target.indicators[0].target", "٩٠")),
                "report.department_target.indicators[0].target", ("report.department_target.indicators[0].target",)),
    ]

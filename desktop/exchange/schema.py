"""JSON Schema (draft 2020-12) of the exchange file, generated from the domain dataclasses.

The schema states for other programs what `codec.decode` checks: the same fields, types, patterns and
limits. What a schema cannot say (unique row keys, links between rows, duplicated JSON keys) the
reader checks itself; docs/data-format.md lists those. `python -m desktop.exchange.schema` rewrites
docs/exchange.schema.json.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import sys
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, get_args, get_origin

from ..domain.model import Activity, Project, Report, Unit, WorkTask, new_key
from .codec import (
    MAX_ITEMS,
    MAX_TEXT,
    _DATE_RE,
    _DECIMAL_RE,
    _MONEY_RE,
    _hints,
    _is_money,
    _unwrap_optional,
    encode,
    exchanged_fields,
)
from .fileformat import CHECKSUM_PATTERN, FORMAT_NAME, FORMAT_VERSION

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = f"urn:fulian-desk:exchange:{FORMAT_VERSION}"
MAX_INT = 10**12  # codec.decode refuses integers beyond this
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "docs" / "exchange.schema.json"

# Checks that `fileformat.check_references` makes on single values, stated here as well.
_FIELD_RULES: dict[tuple[type, str], dict[str, Any]] = {
    (Report, "fiscal_year"): {"minimum": 1990, "maximum": 2200},
    (Unit, "name"): {"pattern": r"\S"},
    (WorkTask, "key"): {"minLength": 1},
    (Project, "key"): {"minLength": 1},
    (Activity, "key"): {"minLength": 1},
}


def _describe(cls: type) -> str:
    doc = inspect.getdoc(cls) or ""
    return doc.split("\n\n")[0].replace("\n", " ")


def _value_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    inner, optional = _unwrap_optional(tp)
    schema = _inner_schema(inner, defs)
    if optional:
        return {"anyOf": [schema, {"type": "null"}]}
    return schema


def _inner_schema(inner: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if _is_money(inner):
        return {"type": "string", "pattern": _MONEY_RE.pattern, "description": "金额，单位元，最多两位小数"}
    if get_origin(inner) is Annotated:
        inner = get_args(inner)[0]
    if dataclasses.is_dataclass(inner):
        return {"$ref": f"#/$defs/{_define(inner, defs)}"}
    if get_origin(inner) is list:
        (item_tp,) = get_args(inner)
        return {"type": "array", "items": _value_schema(item_tp, defs), "maxItems": MAX_ITEMS}
    if isinstance(inner, type) and issubclass(inner, Enum):
        return {"type": "string", "enum": [member.value for member in inner]}
    if inner is bool:
        return {"type": "boolean"}
    if inner is int:
        return {"type": "integer", "minimum": -MAX_INT, "maximum": MAX_INT}
    if inner is str:
        return {"type": "string", "maxLength": MAX_TEXT}
    if inner is Decimal:
        return {"type": "string", "pattern": _DECIMAL_RE.pattern}
    if inner is date:
        return {"type": "string", "format": "date", "pattern": _DATE_RE.pattern}
    raise TypeError(f"no schema for {inner!r}")  # a new field type needs a rule here and in codec


def _default(f: dataclasses.Field, tp: Any) -> tuple[bool, Any]:
    """The field's default as the file would carry it, when it is a plain value worth stating."""
    if f.default is not dataclasses.MISSING:
        value = f.default
    elif f.default_factory not in (dataclasses.MISSING, new_key):  # a new key is random: no default
        value = f.default_factory()
    else:
        return False, None
    if dataclasses.is_dataclass(value) or (isinstance(value, list) and any(dataclasses.is_dataclass(v) for v in value)):
        return False, None
    return True, encode(value, tp)


def _define(cls: type, defs: dict[str, Any]) -> str:
    name = cls.__name__
    if name in defs:
        return name
    defs[name] = {}  # placeholder first: NarrativeBlock contains NarrativeBlocks
    hints = _hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for f in exchanged_fields(cls):
        prop = dict(_value_schema(hints[f.name], defs))
        prop.update(_FIELD_RULES.get((cls, f.name), {}))
        has_default, default = _default(f, hints[f.name])
        if has_default:
            prop["default"] = default
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.append(f.name)
        properties[f.name] = prop
    definition: dict[str, Any] = {
        "type": "object",
        "description": _describe(cls),
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        definition["required"] = required
    defs[name] = definition
    return name


def exchange_schema() -> dict[str, Any]:
    """The whole file: the envelope and, under `report`, one unit's year."""
    defs: dict[str, Any] = {}
    report = _define(Report, defs)
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": "fulian-desk 数据文件（.fulian.json）",
        "description": (
            "一个单位一个年度的部门整体支出绩效自评数据。金额以元为单位写成文字（如 \"2197000.00\"）。"
            "行之间的关联（活动所属的工作任务、项目）和编号不重复由程序另行检查。"
        ),
        "type": "object",
        "properties": {
            "format": {"const": FORMAT_NAME},
            "version": {"const": FORMAT_VERSION},
            "generator": {"type": "string", "maxLength": MAX_TEXT},
            "exported_at": {"type": "string", "format": "date-time"},
            "checksum": {
                "type": "string",
                "pattern": CHECKSUM_PATTERN,
                "description": "report 的 SHA-256 校验码：键排序、无空白、UTF-8 的规范 JSON 文本的摘要；缺少时视为未校验",
            },
            "report": {"$ref": f"#/$defs/{report}"},
        },
        "required": ["format", "version", "report"],
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def schema_text() -> str:
    return json.dumps(exchange_schema(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(schema_text(), encoding="utf-8", newline="\n")
    print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""The exchange file's JSON Schema: generated from the dataclasses, committed, and in step with the reader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from desktop.domain.model import NarrativeBlock, Report
from desktop.exchange import loads
from desktop.exchange.codec import exchanged_fields
from desktop.exchange.schema import DEFAULT_PATH, exchange_schema, schema_text

from .bad_files import bad_files, more_bad_files
from .seed_text import DATA, SOURCES

SEED_FILES = sorted(SOURCES)
JSON_BAD = [b for b in bad_files() + more_bad_files() if b.is_json]


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def test_committed_schema_is_the_generated_one():
    assert DEFAULT_PATH == Path(__file__).resolve().parents[2] / "docs" / "exchange.schema.json"
    assert DEFAULT_PATH.read_text(encoding="utf-8") == schema_text(), (
        "docs/exchange.schema.json is stale: run python -m desktop.exchange.schema"
    )


def test_schema_mirrors_the_dataclasses():
    schema = exchange_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    report = schema["$defs"]["Report"]
    assert list(report["properties"]) == [f.name for f in exchanged_fields(Report)]
    assert "id" not in report["properties"]  # database ids never travel
    assert report["required"] == ["unit", "fiscal_year"]
    assert all(d["additionalProperties"] is False for d in schema["$defs"].values())
    money = schema["$defs"]["Expenditure"]["properties"]["basic"]["anyOf"][0]
    assert money["pattern"] == r"^-?[0-9]{1,13}(\.[0-9]{1,2})?$"
    target = schema["$defs"]["Indicator"]["properties"]["target"]["anyOf"][0]
    assert target["pattern"] == r"^-?[0-9]{1,15}(\.[0-9]{1,6})?$"
    assert schema["$defs"]["Activity"]["properties"]["date"]["anyOf"][0]["format"] == "date"
    assert schema["$defs"]["Report"]["properties"]["outline"]["enum"] == ["sichuan", "guangdong"]
    assert schema["$defs"]["Indicator"]["properties"]["kind"]["enum"] == [">=", "<=", "=", "qualitative"]
    blocks = schema["$defs"][NarrativeBlock.__name__]["properties"]["blocks"]
    assert blocks["items"] == {"$ref": "#/$defs/NarrativeBlock"}  # nesting by reference


@pytest.mark.parametrize("name", SEED_FILES)
def test_seed_files_validate(validator, name):
    document = json.loads((DATA / name).read_text(encoding="utf-8"))
    errors = list(validator.iter_errors(document))
    assert errors == []


@pytest.mark.parametrize("bad", [b for b in JSON_BAD if b.schema_rejects], ids=lambda b: b.name)
def test_bad_files_are_rejected_by_the_schema_too(validator, bad):
    document = json.loads(bad.text)
    assert not validator.is_valid(document)


@pytest.mark.parametrize("bad", [b for b in JSON_BAD if not b.schema_rejects], ids=lambda b: b.name)
def test_what_only_the_reader_sees(validator, bad):
    """Links between rows and repeated keys pass a schema; the reader refuses them all the same."""
    assert validator.is_valid(json.loads(bad.text))
    with pytest.raises(Exception) as caught:
        loads(bad.text)
    assert type(caught.value).__name__ == "ExchangeError"


def test_enough_bad_files_are_json():
    assert len([b for b in JSON_BAD if b.schema_rejects]) >= 20

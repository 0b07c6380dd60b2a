"""Row conversion: money to integer 分 and back exactly, Decimals as exact text, narrative trees as JSON."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.domain.model import NarrativeBlock, Narratives
from desktop.storage import rows


@pytest.mark.parametrize(
    "amount, fen", [("0", 0), ("0.01", 1), ("12.34", 1234), ("-5.67", -567), ("2197000.00", 219700000), ("1E+2", 10000)]
)
def test_money_to_fen_and_back(amount, fen):
    assert rows.fen(Decimal(amount)) == fen
    assert rows.yuan(fen) == Decimal(amount)


def test_money_finer_than_fen_or_float_is_refused():
    with pytest.raises(ValueError):
        rows.fen(Decimal("0.001"))
    with pytest.raises(ValueError):
        rows.fen(0.1)  # type: ignore[arg-type]
    assert rows.fen(None) is None and rows.yuan(None) is None


@pytest.mark.parametrize("text", ["12.5", "0.125", "100", "98.50", "1E+3", "-0"])
def test_decimal_text_is_exact(text):
    value = Decimal(text)
    stored = rows.decimal_text(value)
    assert stored == text
    assert rows.text_decimal(stored).as_tuple() == value.as_tuple()  # the very same digits, not just ==


def test_decimal_text_refuses_floats():
    with pytest.raises(TypeError):
        rows.decimal_text(12.5)  # type: ignore[arg-type]


def test_narratives_store_only_written_sections_and_trees_as_json():
    narratives = Narratives(
        conclusion="优",
        achievements=[NarrativeBlock(title="甲", blocks=[NarrativeBlock(text="一是\n二是")])],
    )
    stored = rows.narrative_rows(7, narratives)
    assert [r["name"] for r in stored] == ["achievements", "conclusion"]
    assert '"甲"' in stored[0]["value"]  # readable Chinese, not \\u escapes
    assert rows.narratives_from(stored) == narratives


def test_unknown_narrative_names_are_ignored():
    assert rows.narratives_from([{"name": "retired_field", "value": "x"}]) == Narratives()


def test_every_narrative_field_has_a_storage_form():
    # A new Narratives field of an unplanned type fails here rather than at a clerk's save.
    assert set(rows.NARRATIVE_KINDS) == set(Narratives.__dataclass_fields__)
    assert rows.NARRATIVE_KINDS["achievements"] == "blocks"

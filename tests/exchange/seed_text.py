"""Reading the seed reports' printed text (tests/data/*.source.txt) the way the fixtures were made from it."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
SOURCES = {
    "seed_000_jinkouhe_2024.fulian.json": DATA / "seed_000_jinkouhe_2024.source.txt",
    "seed_004_huangpu_2022.fulian.json": DATA / "seed_004_huangpu_2022.source.txt",
}


def comparable(text: str) -> str:
    """Text with the conversion artefacts of the sources undone and every blank removed.

    The sources are markdown taken from PDFs: bold markers, one LaTeX formula, a broken dash printed
    as "- -", spaces around digits and words split by page breaks. None of these is the clerk's.
    """
    text = text.replace(r"$\geq 90\%$", "≥90%").replace("**", "").replace("- -", "——")
    return re.sub(r"\s+", "", text)


def source_text(name: str) -> str:
    return SOURCES[name].read_text(encoding="utf-8")


def strings_of(value) -> list[str]:
    """Every text held anywhere in a domain object (titles, narratives, notes, list items)."""
    found: list[str] = []

    def walk(v):
        if isinstance(v, Enum):
            return
        if isinstance(v, str):
            found.append(v)
        elif isinstance(v, list):
            for item in v:
                walk(item)
        elif dataclasses.is_dataclass(v):
            for f in dataclasses.fields(v):
                walk(getattr(v, f.name))

    walk(value)
    return found


def figures_of(value) -> list:
    """Every number and date held anywhere in a domain object (ints, Decimals, dates)."""
    found: list = []

    def walk(v):
        if isinstance(v, bool) or isinstance(v, Enum):
            return
        if isinstance(v, (int, Decimal, date)):
            found.append(v)
        elif isinstance(v, list):
            for item in v:
                walk(item)
        elif dataclasses.is_dataclass(v):
            for f in dataclasses.fields(v):
                walk(getattr(v, f.name))

    walk(value)
    return found


_HEADING_NUMBER = re.compile(r"^\s*(#+\s*)?(\*\*)?\s*(\d+[\.、]|[（(]\d+[)）])\s*", re.MULTILINE)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def without_heading_numbers(text: str) -> str:
    """Text without the numbers that start its lines ("1.", "2、", "(1)"): the program makes those."""
    return _HEADING_NUMBER.sub("", text)


def printed_numbers(text: str) -> list[str]:
    return _NUMBER.findall(text)

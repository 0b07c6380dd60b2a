"""A clerk's typed text made comparable: heading numbers read (一、 （一） 1． （1） ①), spaces tidied.

Clerks number headings by hand and mix full- and half-width forms: "(一)", "（一）", "1.", "1．", "1、",
"（1）", "(1)", "①". A number is recognised only where it stands before the words, and "2024年" or
"1.5万元" are never taken for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "零〇一二三四五六七八九十两"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_SPACE = " \u3000\u00a0\t"

# The five numbering levels of GB/T 9704 practice; the level is the style's, not the value's.
_PATTERNS = [
    (1, "一、", re.compile(rf"^([{_CN}]{{1,3}})\s*[、，,．.]\s*")),
    (2, "（一）", re.compile(rf"^[（(]\s*([{_CN}]{{1,3}})\s*[）)]\s*[、，,．.]?\s*")),
    (4, "（1）", re.compile(r"^[（(]\s*([0-9０-９]{1,2})\s*[）)]\s*[、，,．.]?\s*")),
    (5, "①", re.compile(rf"^([{_CIRCLED}])\s*[、，,．.]?\s*")),
    # 1、 1． always; "1." only when not a decimal ("1.5万元"): a space or a non-digit follows.
    (3, "1．", re.compile(r"^([0-9０-９]{1,2})\s*(?:[、，,．]|\.(?![0-9０-９]))\s*")),
]


def chinese_value(text: str) -> Optional[int]:
    """一 → 1, 十二 → 12, 二十 → 20, 九十九 → 99; None for anything else."""
    if not text or any(c not in _CN for c in text):
        return None
    if "十" not in text:
        if len(text) != 1:
            return None
        return _CN_DIGITS[text]
    tens, _, ones = text.partition("十")
    if "十" in ones:
        return None
    value = (_CN_DIGITS.get(tens, -100) if tens else 1) * 10 + (_CN_DIGITS.get(ones, -100) if ones else 0)
    return value if 0 < value < 100 else None


def _digit_value(text: str) -> int:
    return int(text.translate(str.maketrans("０１２３４５６７８９", "0123456789")))


@dataclass(frozen=True)
class Numbered:
    """A paragraph split into its typed number and the words after it."""

    level: int  # 1 一、 2 （一） 3 1． 4 （1） 5 ①
    value: int
    number: str  # as typed, e.g. "(一) "
    rest: str


def split_number(text: str) -> Optional[Numbered]:
    stripped = text.lstrip(_SPACE)
    for level, _name, pattern in _PATTERNS:
        match = pattern.match(stripped)
        if not match:
            continue
        token = match.group(1)
        if level in (1, 2):
            value = chinese_value(token)
            # "一是…" is a run-in enumeration of the text, not a heading number.
            if value is None:
                continue
        elif level == 5:
            value = _CIRCLED.index(token) + 1
        else:
            value = _digit_value(token)
            if value == 0:
                continue
        rest = stripped[match.end():]
        if not rest.strip(_SPACE):
            continue
        if level == 1 and match.group(0).rstrip(_SPACE)[-1] in "，,":
            continue  # "一，" begins a sentence far more often than a heading
        return Numbered(level, value, match.group(0), rest)
    return None


def level_name(level: int) -> str:
    return {1: "一、", 2: "（一）", 3: "1．", 4: "（1）", 5: "①"}.get(level, "")


# ------------------------------------------------------------------ spaces

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "，。、；：？！“”‘’（）《》〔〕【】—…·％"
_TIGHT = rf"0-9０-９%{_CJK_PUNCT}"
# A run of spaces between a digit or CJK punctuation and anything but a Latin letter: a typing or
# conversion artefact ("编制 4 个", "“爱心妈妈” 168 人"). Spaces between two Chinese words stay:
# clerks use them inside titles (“嘉帼情怀 嘉幼成长”).
_LOOSE_AFTER = re.compile(rf"(?<=[{_TIGHT}])[ \u3000\u00a0\t]+(?=[^A-Za-z \u3000\u00a0\t])")
_LOOSE_BEFORE = re.compile(rf"(?<=[^A-Za-z \u3000\u00a0\t])[ \u3000\u00a0\t]+(?=[{_TIGHT}])")


def tidy(text: str) -> str:
    """The paragraph as the program keeps clerk text: ends trimmed, artefact spaces dropped."""
    text = text.replace("\u200b", "").replace("\ufeff", "")
    text = text.strip(_SPACE + "\r\n")
    numbered = split_number(text)
    if numbered is not None and numbered.number.rstrip(_SPACE).endswith("."):
        # "1. 2024年" must not close up into the decimal "1.2024": the number keeps a full-width stop.
        return numbered.number.rstrip(_SPACE)[:-1] + "．" + tidy(numbered.rest)
    text = _LOOSE_AFTER.sub("", text)
    text = _LOOSE_BEFORE.sub("", text)
    return text


def title_text(text: str) -> str:
    """A heading's or a task's title: no spaces at all, no closing stop or colon."""
    text = re.sub(r"[ \u3000\u00a0\t]+", "", text)
    return text.rstrip("。.：:；;，,")


def compact(text: str) -> str:
    """For comparing titles: only the characters that carry meaning."""
    return re.sub(rf"[^{_CJK}0-9A-Za-z]", "", text)


def sentences(text: str) -> list[str]:
    """Split after each "。" (and "！？"), keeping the stop; a closing quote stays with its sentence."""
    parts = re.findall(r"[^。！？]*[。！？]+[”’」』）)]?|[^。！？]+$", text)
    return [p for p in parts if p]

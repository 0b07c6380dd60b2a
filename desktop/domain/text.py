"""Which characters a clerk's text may hold: no lone surrogates, no control characters but tab and newline.

A lone surrogate ("\\ud800", possible in JSON escapes and in some pasted text) cannot be stored as UTF-8;
control characters (U+0000–U+001F but tab, line feed and carriage return, and U+007F) break the Word
file's XML. Text from outside (a data file, a spreadsheet, the clipboard) is checked here once, where it
enters, so that nothing later meets them.
"""

from __future__ import annotations

import re

ALLOWED_CONTROLS = "\t\n\r"
_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def first_bad_character(text: str) -> tuple[int, str] | None:
    """(position, the character) of the first character a text may not hold, or None when it is clean."""
    match = _BAD.search(text)
    return None if match is None else (match.start(), match.group())


def describe_bad_character(text: str) -> str | None:
    """A Chinese description of the first bad character, e.g. "第 3 个字符是控制字符 U+0001", or None."""
    found = first_bad_character(text)
    if found is None:
        return None
    position, char = found
    kind = "不完整的字符（孤立的代理码）" if "\ud800" <= char <= "\udfff" else "不可见的控制字符"
    return f"第 {position + 1} 个字符是{kind} U+{ord(char):04X}"


def clean(text: str) -> str:
    """The text without the characters it may not hold (what pasting keeps)."""
    return _BAD.sub("", text)

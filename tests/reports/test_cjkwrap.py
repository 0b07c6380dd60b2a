from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.reports.cjkwrap import NO_LINE_END, NO_LINE_START, breakable, line_breaks

ALPHABET = "妇联工作全年开展活动培训救助人次万元，。、；：？！（）《》“”0123456789.%"


def _widths(text):
    return [8.0 if ch.isascii() else 16.0 for ch in text]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=200), st.integers(min_value=4, max_value=30))
def test_lines_fit_and_never_start_with_a_closing_mark(text, chars):
    width = chars * 16.0
    lines = line_breaks(text, _widths(text), [width])
    assert "".join(text[a:b] for a, b in lines) == text
    for a, b in lines:
        assert b > a
        fits = sum(_widths(text[a:b])) <= width + 0.01
        forced = b - a == 1  # one glyph a line is the floor when nothing else is allowed
        assert fits or forced
    for (a, b), (c, _) in zip(lines, lines[1:]):
        # A break is either allowed or was the only way to make progress (a run of marks).
        assert breakable(text[b - 1], text[c]) or b - a == 1


def test_marks_and_numbers_move_together():
    text = "全年开展活动共计180人次，受益儿童600余人次。"
    lines = line_breaks(text, _widths(text), [16 * 9])
    pieces = [text[a:b] for a, b in lines]
    assert pieces[0] == "全年开展活动共计"  # "180" is not split, so it goes down whole
    assert all(p[0] not in NO_LINE_START and p[-1] not in NO_LINE_END for p in pieces)


def test_a_closing_mark_pulls_the_character_before_it_down():
    text = "一二三四五，六"
    pieces = [text[a:b] for a, b in line_breaks(text, _widths(text), [16 * 5])]
    assert pieces == ["一二三四", "五，六"]


def test_hard_breaks_end_lines():
    text = "第一行第二行"
    assert line_breaks(text, _widths(text), [1000], frozenset({2})) == [(0, 3), (3, 6)]

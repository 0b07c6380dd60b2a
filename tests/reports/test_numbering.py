from desktop.reports.numbering import Counter, chinese_number, level_number


def test_chinese_numbers():
    assert [chinese_number(n) for n in (1, 9, 10, 11, 12, 19, 20, 21, 99)] == [
        "一", "九", "十", "十一", "十二", "十九", "二十", "二十一", "九十九"]


def test_level_formats():
    assert [level_number(level, 2) for level in (1, 2, 3, 4)] == ["二、", "（二）", "2．", "（2）"]


def test_counter_restarts_deeper_levels_and_never_skips():
    counter = Counter()
    seen = [counter.next(1), counter.next(2), counter.next(2), counter.next(3), counter.next(2),
            counter.next(1), counter.next(2)]
    assert seen == ["一、", "（一）", "（二）", "1．", "（三）", "二、", "（一）"]

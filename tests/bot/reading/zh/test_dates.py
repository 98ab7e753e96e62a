# Patients type full-width punctuation: the cases keep it as typed.
# ruff: noqa: RUF001
"""Reading Chinese dates and ages (bot/reading/zh/dates.py, numerals.py).

A fixed screening date throughout; every rejection is checked for its reason
code (the chat turns it into `utter_invalid_date_<reason>`) or its own hint.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.protocol.answers import DateSpan
from bot.reading.dates import InvalidDate, TwoWays
from bot.reading.en.dates import PARSER as ENGLISH
from bot.reading.reader import Unreadable
from bot.reading.zh.dates import ASK_EXACT_BIRTH, PARSER
from bot.reading.zh.lunar import ASK_GREGORIAN
from bot.reading.zh.numerals import arabic

english_birth, english_past_date = ENGLISH.birth, ENGLISH.past
parse_age, parse_birth, parse_past_date = PARSER.age, PARSER.birth, PARSER.past
TODAY = date(2026, 11, 25)  # a Wednesday


def on(year: int, month: int, day: int) -> DateSpan:
    return DateSpan.exact(date(year, month, day))


def between(first: date, last: date) -> DateSpan:
    return DateSpan(first, last)


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("一九八五年三月十五日", "1985年3月15日"),
        ("八五年三月", "85年3月"),
        ("零三年", "03年"),  # a year, never "3年"
        ("二\u3007二四年十二月", "2024年12月"),
        ("四十五周岁", "45周岁"),
        ("两周前", "2周前"),
        ("一个半月前", "1个半月前"),
        ("我一直没有", "我一直没有"),  # "一直" is a word, not a number
        ("两三周前", "两三周前"),  # a range, never 23
        ("四十五六岁", "四十五六岁"),
        ("一九四五", "1945"),
        ("三十号", "30号"),
    ],
)
def test_chinese_numerals_become_digits(text: str, digits: str) -> None:
    assert arabic(text) == digits


# --- ages ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("45岁", (45, False)),
        ("四十五周岁", (45, False)),
        ("我今年45", (45, False)),
        ("快50岁了", (49, False)),  # almost 50
        ("马上就30了", (29, False)),
        ("虚岁45", (45, True)),
        ("45", (45, False)),
        ("1985年3月", None),
        ("我45岁，我女儿20岁", None),
        ("45岁做过手术", None),
    ],
)
def test_parse_age(text: str, age: tuple[int, bool] | None) -> None:
    assert parse_age(text) == age


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("1985年3月15日", on(1985, 3, 15)),
        ("1985年3月15号", on(1985, 3, 15)),
        ("一九八五年三月十五日", on(1985, 3, 15)),
        ("1985.3.15", on(1985, 3, 15)),
        ("1985-03-15", on(1985, 3, 15)),
        ("1985/3/15", on(1985, 3, 15)),
        ("19850315", on(1985, 3, 15)),
        ("我是1985年3月15日出生的", on(1985, 3, 15)),
        ("85年3月", between(date(1985, 3, 1), date(1985, 3, 31))),
        ("八五年", between(date(1985, 1, 1), date(1985, 12, 31))),
        ("1985年", between(date(1985, 1, 1), date(1985, 12, 31))),
        ("1985", between(date(1985, 1, 1), date(1985, 12, 31))),
        ("80后", between(date(1980, 1, 1), date(1989, 12, 31))),
        ("1976年生人", between(date(1976, 1, 1), date(1976, 12, 31))),
        ("15/03/1985", on(1985, 3, 15)),  # year last: day first, as in English
        ("05/05/1990", on(1990, 5, 5)),
        ("5.5.1990", on(1990, 5, 5)),  # "." between digits is no clause break
        # an age is the span of birth dates it allows, as in English
        ("45岁", between(date(1980, 11, 26), date(1981, 11, 25))),
        ("四十五周岁", between(date(1980, 11, 26), date(1981, 11, 25))),
        ("快50岁了", between(date(1976, 11, 26), date(1977, 11, 25))),
        # a 虚岁 is one or two years over the real age: both are in the span
        ("虚岁45", between(date(1981, 11, 26), date(1983, 11, 25))),
        ("17岁", between(date(2008, 11, 26), date(2009, 11, 25))),  # under 18 either way
        ("20岁", between(date(2005, 11, 26), date(2006, 11, 25))),
    ],
)
def test_parse_birth(text: str, span: DateSpan) -> None:
    assert parse_birth(text, TODAY) == span


@pytest.mark.parametrize(
    ("chinese", "english"), [("45岁", "45"), ("1985年3月15日", "15 March 1985")]
)
def test_birth_is_the_value_english_stores(chinese: str, english: str) -> None:
    assert parse_birth(chinese, TODAY) == english_birth(english, TODAY)


@pytest.mark.parametrize("text", ["18岁", "十八周岁", "19", "虚岁19", "快20岁了", "我今年十八"])
def test_an_age_near_18_asks_for_the_birth_date(text: str) -> None:
    with pytest.raises(Unreadable) as raised:
        parse_birth(text, TODAY)
    assert raised.value.hint == ASK_EXACT_BIRTH == "utter_ask_birth_date_exact"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # lunar dates converted by lunar-python; checked against the calendar's
        # new years (1985: 20 February, 1986: 9 February) and the leap fourth
        # month of 2020 (from 23 May)
        ("农历1985年三月十五", on(1985, 5, 4)),
        ("农历八五年正月初一", on(1985, 2, 20)),
        ("阴历八五年腊月初八", on(1986, 1, 17)),  # the 12th month of 1985 is in 1986
        ("2020年闰四月初一", on(2020, 5, 23)),
        ("農曆1985年三月十五日出生", on(1985, 5, 4)),  # traditional characters
        ("农历1985年三月", between(date(1985, 4, 20), date(1985, 5, 19))),
        ("农历1985年", between(date(1985, 2, 20), date(1986, 2, 8))),
    ],
)
def test_a_lunar_birth_date_is_converted(text: str, span: DateSpan) -> None:
    assert parse_birth(text, TODAY) == span


@pytest.mark.parametrize("text", ["农历三月十五", "农历1985年三月十五，阳历不记得", "农历廿三"])
def test_a_lunar_birth_date_not_read_is_asked_in_the_gregorian_calendar(text: str) -> None:
    with pytest.raises(Unreadable) as raised:
        parse_birth(text, TODAY)
    assert raised.value.hint == ASK_GREGORIAN == "utter_ask_birth_gregorian"


@pytest.mark.parametrize(
    "text",
    ["1985年闰四月初一", "农历1985年四月三十", "农历1985年十三月", "农历2031年正月初一"],
)
def test_a_lunar_day_that_does_not_exist_is_refused(text: str) -> None:
    with pytest.raises(InvalidDate) as raised:
        parse_birth(text, TODAY)
    assert raised.value.reason in ("impossible", "future")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2031年1月1日", "future"),
        ("1800年", "too_old"),
        ("1985年2月30日", "impossible"),
        ("1985年13月", "impossible"),
        ("3月15日", "no_year"),
        ("上周", "unreadable"),  # a birth is never "last week"
        ("三个月前", "unreadable"),
        ("8岁", "unreadable"),  # not the age of someone in this chat
        ("150岁", "too_old"),
        ("好几年", "unreadable"),
        ("85年做过手术", "unreadable"),
        ("我妈妈1960年生的", "unreadable"),
    ],
)
def test_impossible_births_are_refused(text: str, reason: str) -> None:
    with pytest.raises(InvalidDate) as raised:
        parse_birth(text, TODAY)
    assert raised.value.reason == reason


# --- past dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("三个月前", on(2026, 8, 25)),
        ("3个月前", on(2026, 8, 25)),
        ("半年前", on(2026, 5, 25)),
        ("两周前", on(2026, 11, 11)),
        ("3天前", on(2026, 11, 22)),
        ("一个半月前", on(2026, 10, 10)),
        ("一年半前", on(2025, 5, 25)),
        ("三个多月前", between(date(2026, 7, 25), date(2026, 8, 25))),  # more than 3
        ("两三周前", between(date(2026, 11, 4), date(2026, 11, 11))),
        ("上上周", between(date(2026, 11, 9), date(2026, 11, 15))),
        ("上上个月", between(date(2026, 9, 1), date(2026, 9, 30))),
        ("昨天", on(2026, 11, 24)),
        ("前天", on(2026, 11, 23)),
        ("上周", between(date(2026, 11, 16), date(2026, 11, 22))),
        ("上个星期", between(date(2026, 11, 16), date(2026, 11, 22))),
        ("上个月", between(date(2026, 10, 1), date(2026, 10, 31))),
        ("去年十月", between(date(2025, 10, 1), date(2025, 10, 31))),
        ("去年", between(date(2025, 1, 1), date(2025, 12, 31))),
        ("今年3月", between(date(2026, 3, 1), date(2026, 3, 31))),
        ("今年", between(date(2026, 1, 1), TODAY)),  # not after today
        ("2025年10月", between(date(2025, 10, 1), date(2025, 10, 31))),
        ("20年3月", between(date(2020, 3, 1), date(2020, 3, 31))),
        ("2026年11月1日", on(2026, 11, 1)),
        ("2025年3月确诊", between(date(2025, 3, 1), date(2025, 3, 31))),
        ("今年8月结束", between(date(2026, 8, 1), date(2026, 8, 31))),
    ],
)
def test_parse_past_date(text: str, span: DateSpan) -> None:
    assert parse_past_date(text, TODAY) == span


@pytest.mark.parametrize(
    ("chinese", "english"),
    [("三个月前", "3 months ago"), ("上周", "last week"), ("上个月", "last month")],
)
def test_past_date_is_the_value_english_stores(chinese: str, english: str) -> None:
    assert parse_past_date(chinese, TODAY) == english_past_date(english, TODAY)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2027年1月", "future"),
        ("明年", "unreadable"),
        ("10月", "no_year"),
        ("5000年前", "too_long_ago"),
        ("1850年", "too_long_ago"),
        ("很久以前", "unreadable"),
        ("三五天前", "unreadable"),  # not neighbours: no range read
        ("2025年2月29日", "impossible"),
        ("", "unreadable"),
        ("好" * 100, "unreadable"),  # longer "dates" are not dates
    ],
)
def test_impossible_past_dates_are_refused(text: str, reason: str) -> None:
    with pytest.raises(InvalidDate) as raised:
        parse_past_date(text, TODAY)
    assert raised.value.reason == reason


def test_a_date_in_digits_that_reads_two_ways_gives_both() -> None:
    """ "05/03/1985": 5 March or 3 May; bot/reading/settling.py keeps one only
    when both decide alike."""
    with pytest.raises(TwoWays) as two:
        parse_birth("05/03/1985", TODAY)
    assert [span.earliest for span in two.value.spans] == [date(1985, 3, 5), date(1985, 5, 3)]

"""Reading dates and ages as patients type them (bot/reading/en/dates.py).

A fixed screening date throughout; every rejection is checked for its reason code
(the chat turns it into `utter_invalid_date_<reason>`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from bot.protocol.answers import DateSpan
from bot.reading.dates import InvalidDate, TwoWays
from bot.reading.en.dates import NUMBERS, PARSER
from bot.reading.en.dates import WRITTEN as _EN_DATES

parse_birth, parse_past_date, parse_number = PARSER.birth, PARSER.past, NUMBERS.value

written_date = _EN_DATES.written


TODAY = date(2026, 11, 25)  # a Wednesday
SITE = ZoneInfo("Asia/Shanghai")


def on(year: int, month: int, day: int) -> DateSpan:
    return DateSpan.exact(date(year, month, day))


def between(first: date, last: date) -> DateSpan:
    return DateSpan(first, last)


# --- parse_number / parse_age ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("45", 45),
        ("  7 ", 7),
        ("0", 0),
        ("forty-five", 45),
        ("forty five", 45),
        ("Forty-Five", 45),
        ("ninety-nine", 99),
        ("twenty", 20),
        ("nineteen", 19),
        ("three", 3),
        ("a", 1),
        ("an", 1),
        ("twenty-zero", None),
        ("one hundred", None),
        ("forty-five years", None),
        ("abc", None),
        ("12a", None),
        ("-5", None),
        ("", None),
    ],
    ids=lambda value: repr(value) if isinstance(value, str) else None,
)
def test_parse_number(text: str, expected: int | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("45", 45),
        ("I'm 45", 45),
        ("Im 45.", 45),
        ("I am 45", 45),
        ("45 years old", 45),
        ("45 yrs", 45),
        ("45yo", 45),
        ("45 y/o", 45),
        ("aged 45", 45),
        ("my age is 45", 45),
        ("forty-five", 45),
        ("I'm forty five years old", 45),
        ("1985", None),
        ("March 1985", None),
        ("15/03/1980", None),
        ("hello there", None),
        ("", None),
    ],
    ids=lambda value: repr(value) if isinstance(value, str) else None,
)
def test_parse_age(text: str, expected: int | None) -> None:
    assert PARSER.age(text) == (None if expected is None else (expected, False))


# --- parse_birth: accepted ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/03/1980", on(1980, 3, 15)),
        ("15.03.1980", on(1980, 3, 15)),
        ("13/04/1980", on(1980, 4, 13)),  # day first: 13 is no month
        ("04/04/1980", on(1980, 4, 4)),  # the same either way
        ("March 15 1980", on(1980, 3, 15)),
        ("1980-03-15", on(1980, 3, 15)),
        # two-digit year: dateutil pivots on the wall clock's year (see report)
        ("15th of march 80", on(1980, 3, 15)),
        ("born 3 March 1985", on(1985, 3, 3)),
        ("I was born on the 3rd of March, 1985", on(1985, 3, 3)),
        ("29/02/2024", on(2024, 2, 29)),
        ("March 1985", between(date(1985, 3, 1), date(1985, 3, 31))),
        ("April 1985", between(date(1985, 4, 1), date(1985, 4, 30))),
        ("February 1985", between(date(1985, 2, 1), date(1985, 2, 28))),
        ("February 2024", between(date(2024, 2, 1), date(2024, 2, 29))),
        ("1985", between(date(1985, 1, 1), date(1985, 12, 31))),
        ("around 1985", between(date(1985, 1, 1), date(1985, 12, 31))),
        # an age is the span of birth dates it allows
        ("I'm 45", between(date(1980, 11, 26), date(1981, 11, 25))),
        ("45 years old", between(date(1980, 11, 26), date(1981, 11, 25))),
        ("forty-five", between(date(1980, 11, 26), date(1981, 11, 25))),
        ("18", between(date(2007, 11, 26), date(2008, 11, 25))),
        ("aged 120", between(date(1905, 11, 26), date(1906, 11, 25))),
        ("26 November 1905", on(1905, 11, 26)),  # 120 today
    ],
    ids=repr,
)
def test_parse_birth_accepts(text: str, expected: DateSpan) -> None:
    assert parse_birth(text, TODAY) == expected


@pytest.mark.parametrize("text", ["03/04/1980", "12/08/2008", "3.4.80", "03-04-1980"])
def test_a_date_in_digits_that_reads_two_ways_gives_both_day_first_first(text: str) -> None:
    with pytest.raises(TwoWays) as two:
        parse_birth(text, TODAY)
    day_first, month_first = two.value.spans
    assert (day_first.earliest.day, day_first.earliest.month) == (
        month_first.earliest.month,
        month_first.earliest.day,
    )
    assert day_first.earliest.year == month_first.earliest.year


# --- parse_past_date: accepted -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/03/1980", on(1980, 3, 15)),
        ("1980-03-15", on(1980, 3, 15)),
        ("15th of march 80", on(1980, 3, 15)),
        ("March 1985", between(date(1985, 3, 1), date(1985, 3, 31))),
        ("1985", between(date(1985, 1, 1), date(1985, 12, 31))),
        ("1 January 1900", on(1900, 1, 1)),
        # this month: only the days up to today
        ("November 2026", between(date(2026, 11, 1), TODAY)),
        ("2026", between(date(2026, 1, 1), TODAY)),
        # relative
        ("today", on(2026, 11, 25)),
        ("yesterday", on(2026, 11, 24)),
        ("3 months ago", on(2026, 8, 25)),
        ("two months ago", on(2026, 9, 25)),
        ("two weeks ago", on(2026, 11, 11)),
        ("a week ago", on(2026, 11, 18)),
        ("10 days ago", on(2026, 11, 15)),
        ("a year ago", on(2025, 11, 25)),
        ("last week", between(date(2026, 11, 16), date(2026, 11, 22))),  # Mon-Sun
        ("last month", between(date(2026, 10, 1), date(2026, 10, 31))),
        ("last year", between(date(2025, 1, 1), date(2025, 12, 31))),
        ("last spring", between(date(2026, 3, 1), date(2026, 5, 31))),
        ("last summer", between(date(2026, 6, 1), date(2026, 8, 31))),
        ("last winter", between(date(2025, 12, 1), date(2026, 2, 28))),
        ("Last Spring", between(date(2026, 3, 1), date(2026, 5, 31))),
    ],
    ids=repr,
)
def test_parse_past_date_accepts(text: str, expected: DateSpan) -> None:
    assert parse_past_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        # a season is "last" only once it is over
        (date(2026, 4, 15), "last spring", between(date(2025, 3, 1), date(2025, 5, 31))),
        (date(2026, 5, 31), "last spring", between(date(2025, 3, 1), date(2025, 5, 31))),
        (date(2026, 6, 1), "last spring", between(date(2026, 3, 1), date(2026, 5, 31))),
        # leap year
        (date(2028, 3, 15), "last month", between(date(2028, 2, 1), date(2028, 2, 29))),
        (date(2028, 3, 15), "last winter", between(date(2027, 12, 1), date(2028, 2, 29))),
        (date(2028, 3, 31), "one month ago", on(2028, 2, 29)),
        (date(2029, 2, 28), "a year ago", on(2028, 2, 28)),
        # last week from a Sunday and from the following Monday
        (date(2026, 11, 29), "last week", between(date(2026, 11, 16), date(2026, 11, 22))),
        (date(2026, 11, 30), "last week", between(date(2026, 11, 23), date(2026, 11, 29))),
    ],
    ids=lambda value: repr(value) if isinstance(value, str) else None,
)
def test_relative_dates_around_the_calendar(today: date, text: str, expected: DateSpan) -> None:
    assert parse_past_date(text, today) == expected


# --- rejections and their reasons --------------------------------------------

LONG_TEXT = "15/03/1980 " * 910  # 10,010 characters


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1 January 2027", "future"),
        ("December 2026", "future"),
        ("15/03/2030", "future"),
        ("2027", "future"),
        ("30 February 1990", "impossible"),
        ("31/04/1990", "impossible"),
        ("29 February 2023", "impossible"),
        ("March 15", "no_year"),
        ("the 15th", "no_year"),
        ("", "unreadable"),
        ("   ", "unreadable"),
        ("asdf qwer", "unreadable"),
        ("tomorrow", "unreadable"),
        ("blah years ago", "unreadable"),
        ("15 1980", "unreadable"),  # a day without a month
        ("13/13/2013", "unreadable"),
        (LONG_TEXT, "unreadable"),
        ("x" * 10_000, "unreadable"),
        ("1850", "too_long_ago"),
        ("1 Jan 1850", "too_long_ago"),
        ("31 December 1899", "too_long_ago"),
    ],
    ids=lambda value: repr(value[:20]) if isinstance(value, str) else None,
)
def test_parse_past_date_rejects(text: str, reason: str) -> None:
    with pytest.raises(InvalidDate) as error:
        parse_past_date(text, TODAY)
    assert error.value.reason == reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("150", "too_old"),
        ("I'm 150", "too_old"),
        ("121 years old", "too_old"),
        ("24 November 1905", "too_old"),  # 121 since yesterday
        ("1905", "too_old"),
        ("200 years ago", "unreadable"),  # a birth is no "time ago"
        ("1 January 2027", "future"),
        ("30 February 1990", "impossible"),
        ("March 15", "no_year"),
        ("", "unreadable"),
        ("asdf qwer", "unreadable"),
        (LONG_TEXT, "unreadable"),
    ],
    ids=lambda value: repr(value[:20]) if isinstance(value, str) else None,
)
def test_parse_birth_rejects(text: str, reason: str) -> None:
    with pytest.raises(InvalidDate) as error:
        parse_birth(text, TODAY)
    assert error.value.reason == reason


def test_invalid_date_is_a_value_error_with_its_reason() -> None:
    error = InvalidDate("future")
    assert isinstance(error, ValueError)
    assert error.reason == "future"
    assert str(error) == "future"


@pytest.mark.parametrize("parse", [parse_past_date, parse_birth], ids=lambda f: f.__name__)
def test_a_10000_character_reply_is_refused_fast(
    parse: Callable[[str, date], DateSpan],
) -> None:
    started = time.perf_counter()
    for text in (LONG_TEXT, "9" * 10_000, "x" * 10_000):
        with pytest.raises(InvalidDate) as error:
            parse(text, TODAY)
        assert error.value.reason == "unreadable"
    assert time.perf_counter() - started < 0.5


# --- disagreements with the module's own contract ----------------------------


@pytest.mark.parametrize("text", ["1980-03-04", "1980/03/04"])
def test_iso_year_first_dates_are_not_day_swapped(text: str) -> None:
    assert parse_past_date(text, TODAY) == on(1980, 3, 4)


def test_iso_date_with_month_13_is_refused() -> None:
    with pytest.raises(InvalidDate):
        parse_past_date("1985-13-01", TODAY)


def test_birth_date_exactly_121_years_ago_is_too_old() -> None:
    with pytest.raises(InvalidDate) as error:
        parse_birth("25 November 1905", TODAY)
    assert error.value.reason == "too_old"


def test_birth_in_1850_is_too_old() -> None:
    with pytest.raises(InvalidDate) as error:
        parse_birth("1 Jan 1850", TODAY)
    assert error.value.reason == "too_old"


def test_relative_event_before_1900_is_too_long_ago() -> None:
    with pytest.raises(InvalidDate) as error:
        parse_past_date("200 years ago", TODAY)
    assert error.value.reason == "too_long_ago"


@pytest.mark.parametrize("text", ["5000 years ago", "99999999 days ago"])
def test_huge_relative_offsets_raise_invalid_date(text: str) -> None:
    for parse in (parse_past_date, parse_birth):
        with pytest.raises(InvalidDate):
            parse(text, TODAY)


# --- DateSpan ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("span", "slot"),
    [
        (on(1980, 3, 15), "1980-03-15"),
        (between(date(1985, 3, 1), date(1985, 3, 31)), "1985-03-01/1985-03-31"),
    ],
    ids=["exact", "month"],
)
def test_date_span_slot_round_trip(span: DateSpan, slot: str) -> None:
    assert span.to_slot() == slot
    assert DateSpan.from_slot(slot) == span


@pytest.mark.parametrize("slot", ["", "ongoing", "unsure", "1985-03-31/1985-03-01"])
def test_date_span_from_bad_slot(slot: str) -> None:
    with pytest.raises(ValueError):
        DateSpan.from_slot(slot)


@pytest.mark.parametrize(
    ("day", "written"),
    [
        (date(2026, 12, 16), "16 December 2026"),
        (date(2027, 1, 1), "1 January 2027"),
        (date(2028, 2, 29), "29 February 2028"),
        (date(2026, 5, 3), "3 May 2026"),
    ],
)
def test_a_date_is_written_for_the_patient_without_ambiguity(day: date, written: str) -> None:
    assert written_date(day) == written

"""Reading dates and ages as patients type them, never guessing.

Every parser returns a `DateSpan` (how precisely the patient knows the date) or
raises `InvalidDate` with a reason code the chat turns into a hint. Day-first is
assumed for numeric dates ("03/04/1980" is 3 April), as at the site; a year is
always required, and dates that cannot exist ("30 February") are refused.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from dateutil import parser as dateutil_parser
from dateutil.relativedelta import relativedelta

from bot.protocol.answers import DateSpan
from bot.reading.dates import (
    MAX_AGE,
    MAX_TEXT,
    MIN_AGE,
    InvalidDate,
    TwoWays,
    check_span,
    read_two_ways,
)
from bot.reading.summary import DateWriting

_UNITS: dict[str, Callable[[int], relativedelta]] = {
    "day": lambda n: relativedelta(days=n),
    "week": lambda n: relativedelta(weeks=n),
    "month": lambda n: relativedelta(months=n),
    "year": lambda n: relativedelta(years=n),
}
_NUMBER_WORDS = {
    word: n
    for n, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    word: 10 * n
    for n, word in enumerate(
        [
            "_",
            "_",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
        ]
    )
    if word != "_"
}
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def parse_number(text: str) -> int | None:
    """'45', 'forty-five', 'forty five', 'a'/'an' (=1); None if not a number."""
    text = text.strip().lower().replace("-", " ")
    if text.isdigit():
        return int(text)
    if text in ("a", "an"):
        return 1
    words = text.split()
    if len(words) == 1:
        return _NUMBER_WORDS.get(words[0], _TENS.get(words[0]))
    if len(words) == 2 and words[0] in _TENS and words[1] in _NUMBER_WORDS:
        units = _NUMBER_WORDS[words[1]]
        return _TENS[words[0]] + units if 0 < units < 10 else None
    return None


# fmt: off
_MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]
# fmt: on
_NOT_AN_AGE = re.compile(
    r"\bborn\b|\bago\b|\d\s*[/.\-]\s*\d|\d(st|nd|rd|th)\b|\d{4}|\b("
    + "|".join(m for m in _MONTHS if m != "may")
    + r")\b"
)
_NUMBER_WORD = re.compile(
    r"\b(?:(?:" + "|".join(_TENS) + r")(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|" + "|".join(w for w in _NUMBER_WORDS if w != "zero") + r")\b"
)


_FUTURE_AGE = re.compile(
    r"\b(i'?ll be|i will be|will be|turning|turn|gonna be|going to be|be \d+ (next|in|on|this))\b"
)


_AGE_WORDS = set(
    """i i'm im am age aged years year yrs yr old y/o yo umm um uh er just turned about around
    nearly almost will be i'll ill turning turn next last week month in on this of the and a an half
    gonna going to soon it's its is my currently now today only exactly approx approximately
    roughly over under me myself well so ok okay""".split()
)


def parse_age(text: str) -> int | None:
    """The age in a reply like '45', "I'm 45", 'umm 45 years of age', 'forty-five':
    exactly one number, in a reply that does not look like a date and says
    nothing else ("a grandmother of three" is no age)."""
    reply = " ".join(text.lower().replace("\u2019", "'").split())[: MAX_TEXT + 1]
    if len(reply) > MAX_TEXT or (_NOT_AN_AGE.search(reply) and not _FUTURE_AGE.search(reply)):
        return None  # "I'll be 18 in January" is an age, "born in January 1980" is not
    other = _NUMBER_WORD.sub(" ", re.sub(r"\d+", " ", reply))
    allowed = _AGE_WORDS | (set(_MONTHS) if _FUTURE_AGE.search(reply) else set())
    if any(word not in allowed for word in re.findall(r"[a-z][a-z'/]*", other)):
        return None
    numbers = re.findall(r"(?<!\d)\d{1,3}(?!\d)", reply)
    words = _NUMBER_WORD.findall(reply)
    said = int(numbers[0]) if len(numbers) == 1 else None
    if not numbers and len(words) == 1:
        said = parse_number(words[0])
    if said is not None and _FUTURE_AGE.search(reply):
        return said - 1  # "I'll be 18 next week": 17 today
    return said


def parse_birth(text: str, today: date) -> DateSpan:
    """Date of birth, or the span of birth dates an age implies."""
    age = parse_age(text)
    if age is not None:
        if age > MAX_AGE:
            raise InvalidDate("too_old")
        if age < MIN_AGE:
            raise InvalidDate("unreadable")  # "0", "3": not a patient's age
        latest = today - relativedelta(years=age)
        earliest = today - relativedelta(years=age + 1) + timedelta(days=1)
        return DateSpan(earliest, latest)
    cleaned = _normalise(text)
    if _RELATIVE.search(cleaned):
        raise InvalidDate("unreadable")  # "last week" is no date of birth
    try:
        span = _absolute(cleaned, today)
    except (OverflowError, ValueError) as error:
        if isinstance(error, (InvalidDate, TwoWays)):
            raise
        raise InvalidDate("too_old") from error
    return check_span(span, today, birth=True)


def parse_past_date(text: str, today: date) -> DateSpan:
    """A date that has already happened: absolute, partial or relative."""
    cleaned = _normalise(text)
    try:
        span = _relative(cleaned, today) or _absolute(cleaned, today)
    except (OverflowError, ValueError) as error:  # "5000 years ago": before year 1
        if isinstance(error, (InvalidDate, TwoWays)):
            raise
        raise InvalidDate("too_long_ago") from error
    return check_span(span, today, birth=False)


def _month_spelled_right(match: re.Match[str]) -> str:
    """'decmber' -> 'december'; a word near no month name is left alone."""
    word = match.group(0)
    close = difflib.get_close_matches(word, _MONTHS, n=1, cutoff=0.85)
    return close[0] if close else word


def _normalise(text: str) -> str:
    text = text.strip().lower()[: MAX_TEXT + 1]
    if len(text) > MAX_TEXT:
        raise InvalidDate("unreadable")
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    text = re.sub(r"[a-z]{4,}", _month_spelled_right, text)
    text = re.sub(r"\b(i was born|born|on|in|around|about|roughly|it was)\b", " ", text)
    return " ".join(text.split())


_AGO = re.compile(
    r"\b(?P<n>\d+|a|an|"
    + _NUMBER_WORD.pattern[2:-2]
    + r")\s+(?P<unit>day|week|month|year)s?\s+ago\b"
)
_LAST = re.compile(r"\blast\s+(?P<what>week|month|year|spring|summer|autumn|fall|winter)\b")


_RELATIVE = re.compile(r"\bago\b|\blast\s+\w+|\byesterday\b|\btoday\b|\bright now\b")


def _relative(text: str, today: date) -> DateSpan | None:
    """'3 weeks ago', 'got it last month', 'stopped yesterday', 'finished today'."""
    if "day before yesterday" in text:
        return DateSpan.exact(today - timedelta(days=2))
    if match := _AGO.search(text):
        n = parse_number(match.group("n"))
        if n is None:
            raise InvalidDate("unreadable")
        return DateSpan.exact(today - _UNITS[match.group("unit")](n))
    if match := _LAST.search(text):
        return _last(match.group("what"), today)
    if re.search(r"\byesterday\b", text):
        return DateSpan.exact(today - timedelta(days=1))
    if re.search(r"\b(today|right now|this (morning|afternoon|evening))\b", text) and not re.search(
        r"\d", text
    ):
        return DateSpan.exact(today)
    return None


def _last(what: str, today: date) -> DateSpan:
    """The previous calendar week/month/year, or the latest season before today."""
    if what == "week":
        monday = today - timedelta(days=today.weekday() + 7)
        return DateSpan(monday, monday + timedelta(days=6))
    if what == "month":
        first = today.replace(day=1) - relativedelta(months=1)
        return DateSpan(first, first + relativedelta(months=1, days=-1))
    if what == "year":
        return DateSpan(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31))
    start = date(today.year, _SEASONS[what], 1)
    while start + relativedelta(months=3) > today:
        start -= relativedelta(years=1)
    return DateSpan(start, start + relativedelta(months=3, days=-1))


# Two defaults that differ in every field: a field the patient did not give
# comes out differently from each, which is how a partial date is recognised.
_LOW_DEFAULT = datetime(1904, 1, 1)
_HIGH_DEFAULT = datetime(1908, 12, 31)


_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")


_DATE_WORDS = set(
    """the of my birthday is was i im i'm dob date approximately approx circa ca early late mid
    middle end beginning start year month day st nd rd th and or at a an it that this think
    spring summer autumn fall winter""".split()
)


def _absolute(text: str, today: date) -> DateSpan:
    """The date written; raises TwoWays for one that reads two ways."""
    if not re.search(r"\d", text):
        raise InvalidDate("unreadable")
    unknown = [
        word
        for word in re.findall(r"[a-z][a-z']*", text)
        if word not in _DATE_WORDS and word not in _MONTHS
    ]
    if len(unknown) > 1:  # "a pension since 2015" is no date of birth
        raise InvalidDate("unreadable")
    if two := read_two_ways(text.replace(" ", ""), today):
        raise two
    return _absolute_day_first(text, today)


def _absolute_day_first(text: str, today: date) -> DateSpan:
    if iso := _ISO.match(text):  # year first: never day-first, never swapped
        try:
            return DateSpan.exact(date(*(int(part) for part in iso.groups())))
        except ValueError as error:
            raise InvalidDate("impossible") from error
    try:
        low = dateutil_parser.parse(text, default=_LOW_DEFAULT, dayfirst=True, fuzzy=True)
        high = dateutil_parser.parse(text, default=_HIGH_DEFAULT, dayfirst=True, fuzzy=True)
    except dateutil_parser.ParserError as error:
        reason = "impossible" if "out of range" in str(error) else "unreadable"
        raise InvalidDate(reason) from error
    except (OverflowError, ValueError) as error:
        raise InvalidDate("unreadable") from error
    if low.year != high.year:
        raise InvalidDate("no_year")
    if low.month != high.month and low.day == high.day:
        raise InvalidDate("unreadable")  # a day without a month: "15 1980"
    span = DateSpan(low.date(), high.date())
    if not re.search(r"\d{3}", text) and span.earliest > today:
        # A two-digit year ("15/03/60") is the latest such year not after the
        # screening date, whatever century dateutil picked from the clock.
        span = DateSpan(span.earliest - relativedelta(years=100),
                        span.latest - relativedelta(years=100))  # fmt: skip
    return span


WRITTEN = DateWriting("{day} {month} {year}", tuple(month.capitalize() for month in _MONTHS[:12]))
"""A date as an English-speaking patient reads it: '16 December 2026'."""

"""What reading a date means in every language: the limits a date or an age
must keep, why one is refused, and the plausibility checks every date gets,
however it was typed."""

from __future__ import annotations

import re
from datetime import date

from dateutil.relativedelta import relativedelta

from bot.protocol.answers import DateSpan
from bot.protocol.criteria import first_day_clear
from bot.reading.reader import ReadTwoWays, Unreadable

MAX_AGE = 120
MIN_AGE = 10  # below: not the age of someone filling in this chat
MAX_TEXT = 80  # longer "dates" are not dates; also bounds the parser's work
EARLIEST_YEAR = 1900


REASONS = ("unreadable", "no_year", "impossible", "future", "too_old", "too_long_ago")
"""Why a date was refused; too_old: an age or birth over 120 years ago,
too_long_ago: an event before 1900."""


class InvalidDate(ValueError):
    """A reply that is not an acceptable date; `reason` is one of REASONS."""

    def __init__(self, reason: str) -> None:
        if reason not in REASONS:
            raise AssertionError(f"undeclared reason {reason}")
        super().__init__(reason)
        self.reason = reason


class TwoWays(ValueError):
    """A date written so that it reads two ways ("12/08/2008": 12 August or
    8 December): both `spans`, the day-first one first."""

    def __init__(self, spans: tuple[DateSpan, DateSpan]) -> None:
        super().__init__("two ways")
        self.spans = spans


_TWO_WAYS = re.compile(r"^(?P<first>\d{1,2})[/.-](?P<second>\d{1,2})[/.-](?P<year>\d{2}|\d{4})$")
"""All in digits, day and month each 12 or under: 12/08/2008 is 12 August in
the United Kingdom and 8 December in the United States."""


def full_year(written: str, today: date) -> int:
    """A year as written: a two-digit one ("85") is the latest such year not
    after today."""
    if len(written) == 4:
        return int(written)
    year = today.year // 100 * 100 + int(written)
    return year - 100 if year > today.year else year


def read_two_ways(text: str, today: date) -> TwoWays | None:
    """Both readings of a date in digits whose day and month may be swapped
    (`text` stripped of spaces), or None for any other text. A two-digit year
    is the latest such year not after `today`."""
    match = _TWO_WAYS.match(text)
    if not match:
        return None
    first, second = int(match["first"]), int(match["second"])
    if not (1 <= first <= 12 and 1 <= second <= 12 and first != second):
        return None
    year = full_year(match["year"], today)
    return TwoWays(
        (DateSpan.exact(date(year, second, first)), DateSpan.exact(date(year, first, second)))
    )


def one_of(two: TwoWays, today: date, birth: bool) -> str:
    """The stored form of the one reading that can be a date of its kind (not
    in the future, say). Raises ReadTwoWays when both can, for the settling
    to keep one only if they decide alike; Unreadable with the refusal's
    response (utter_invalid_date_<reason>) when neither can."""
    possible: list[str] = []
    refused: InvalidDate | None = None
    for span in two.spans:
        try:
            possible.append(check_span(span, today, birth=birth).to_slot())
        except InvalidDate as error:
            refused = error
    if len(possible) == 2:
        raise ReadTwoWays(tuple(possible))
    if possible:
        return possible[0]
    assert refused is not None
    raise Unreadable(f"utter_invalid_date_{refused.reason}")


def check_span(span: DateSpan, today: date, birth: bool) -> DateSpan:
    """The plausibility checks every date gets, however it was typed: not in
    the future ("this month" keeps only the days up to today), not before
    1900, and a birth not over 120 years ago. Raises InvalidDate."""
    if span.earliest > today:
        raise InvalidDate("future")
    if birth and first_day_clear(span.earliest, relativedelta(years=MAX_AGE + 1)) <= today:
        raise InvalidDate("too_old")  # would be over MAX_AGE today
    if span.earliest.year < EARLIEST_YEAR:
        raise InvalidDate("too_old" if birth else "too_long_ago")
    if span.latest > today:
        span = DateSpan(span.earliest, today)
    return span

"""What reading a date means in every language: the limits a date or an age
must keep, why one is refused, and the plausibility checks every date gets,
however it was typed."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from bot.protocol.answers import DateSpan
from bot.protocol.criteria import first_day_clear

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

"""Birth dates in the Chinese lunar calendar (农历), in the Gregorian one.

Many older patients know their birthday by the lunar calendar: "农历1985年三月
十五", "阴历八五年腊月初八", "1985年闰四月初一". lunar-python (a maintained
calendar library) converts the day; a lunar month or year without its day is
the span of Gregorian days it covers. What cannot be read as a lunar date is
asked again in the Gregorian calendar (`ASK_GREGORIAN`); a lunar day that does
not exist (the 30th of a 29-day month, a leap month the year has not) is
`InvalidDate("impossible")`, as a 30 February is.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from bot.protocol.answers import DateSpan
from bot.reading.dates import InvalidDate, full_year
from bot.reading.reader import Unreadable
from bot.reading.zh.numerals import arabic
from bot.reading.zh.wording import WORDING

# lunar-python is imported where a lunar date is read, not with the reader:
# its tables cost a process 6 MiB, and few patients give a lunar date.
if TYPE_CHECKING:
    from lunar_python import Lunar

ASK_GREGORIAN = "utter_ask_birth_gregorian"
"""A lunar birth date not read here is asked again in the Gregorian calendar."""
MARKERS = re.compile(r"农历|阴历|旧历|老历|闰\S{1,2}月|正月|冬月|腊月")
"""What makes a reply a lunar date."""

_NAMED_MONTHS = {"正": 1, "冬": 11, "腊": 12}
_LUNAR_DATE = re.compile(
    r"(?P<year>\d{4}|\d{2})年"
    r"(?:(?P<leap>闰)?(?P<month>\d{1,2}|正|冬|腊)月"
    r"(?:(?P<day>初\d{1,2}|廿\d|\d{1,2})[日号]?)?)?"
)
_AROUND = re.compile(r"农历|阴历|旧历|老历|我是|我|是|的|出生|生日|生于|生|那天|时候|了")


def parse_lunar_birth(text: str, today: date) -> DateSpan:
    """The Gregorian span of a lunar birth date; raises Unreadable
    (ASK_GREGORIAN) or InvalidDate("impossible")."""
    from lunar_python import Lunar, LunarMonth

    plain = arabic(WORDING.normalised(text)).replace(" ", "")
    match = _LUNAR_DATE.search(plain)
    if match is None or _AROUND.sub("", plain[: match.start()] + plain[match.end() :]):
        raise Unreadable(ASK_GREGORIAN)
    year = full_year(match.group("year"), today)
    if match.group("month") is None:
        return _span(Lunar.fromYmd(year, 1, 1), _new_year(year + 1) - timedelta(days=1))
    month = _NAMED_MONTHS.get(match.group("month")) or int(match.group("month"))
    month = -month if match.group("leap") else month
    _check_month(year, month)
    if match.group("day") is None:
        days = LunarMonth.fromYm(year, month).getDayCount()
        return _span(Lunar.fromYmd(year, month, 1), _solar(Lunar.fromYmd(year, month, days)))
    day = _day(match.group("day"))
    if not 1 <= day <= LunarMonth.fromYm(year, month).getDayCount():
        raise InvalidDate("impossible")
    return DateSpan.exact(_solar(Lunar.fromYmd(year, month, day)))


def _check_month(year: int, month: int) -> None:
    """A month 1-12, and a leap month only where that year has one."""
    from lunar_python import LunarYear

    if not 1 <= abs(month) <= 12 or not 1900 <= year <= 2100:
        raise InvalidDate("impossible")
    if month < 0 and LunarYear.fromYear(year).getLeapMonth() != -month:
        raise InvalidDate("impossible")


def _day(written: str) -> int:
    """ "初8" -> 8, "廿3" -> 23, "15" -> 15 (after the numerals are digits)."""
    if written.startswith("初"):
        return int(written[1:])
    if written.startswith("廿"):
        return 20 + int(written[1:])
    return int(written)


def _solar(lunar: Lunar) -> date:
    solar = lunar.getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def _new_year(year: int) -> date:
    from lunar_python import Lunar

    return _solar(Lunar.fromYmd(year, 1, 1))


def _span(first: Lunar, last: date) -> DateSpan:
    return DateSpan(_solar(first), last)

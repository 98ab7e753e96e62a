"""Reading dates and ages as Chinese patients write them, never guessing.

Every parser returns a `DateSpan` or raises `InvalidDate` (the English reader's
reasons and plausibility checks, so both languages refuse the same dates), or
`Unreadable` where Chinese needs its own question: an age near 18 (虚岁 counting
adds one or two years), and a birth date in the lunar calendar that is not read
(one that is, is converted: bot/reading/zh/lunar.py).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from bot.protocol.answers import DateSpan
from bot.reading.dates import (
    MAX_AGE,
    MAX_TEXT,
    MIN_AGE,
    InvalidDate,
    TwoWays,
    check_span,
    full_year,
    read_two_ways,
)
from bot.reading.reader import Unreadable
from bot.reading.summary import DateWriting
from bot.reading.zh.lunar import MARKERS as LUNAR_MARKERS
from bot.reading.zh.lunar import parse_lunar_birth
from bot.reading.zh.numerals import arabic
from bot.reading.zh.wording import WORDING

ASK_EXACT_BIRTH = "utter_ask_birth_date_exact"
"""An age of 18 or 19 may be a 虚岁 one or two years above the real age: the
birth date decides."""
_NEAR_ADULT = (18, 19)
_UNITS = {
    "天": relativedelta(days=1),
    "日": relativedelta(days=1),
    "周": relativedelta(weeks=1),
    "星期": relativedelta(weeks=1),
    "礼拜": relativedelta(weeks=1),
    "月": relativedelta(months=1),
    "年": relativedelta(years=1),
}
_AGO = re.compile(
    r"(?P<n>\d+)个?(?P<half>半)?(?P<more>多)?个?(?P<unit>天|日|周|星期|礼拜|月|年)(?P<half2>半)?"
    r"(?P<more2>多)?(以前|之前|前)"
)
_RANGE_AGO = re.compile(
    r"(?P<low>一|两|二|三|四|五|六|七|八)(?P<high>两|三|四|五|六|七|八|九)个?"
    r"(?P<unit>天|日|周|星期|礼拜|月|年)(以前|之前|前)"
)
_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
_HALF = re.compile(r"半(个)?(?P<unit>月|年)(以前|之前|前)")
_DAYS_BACK = {"大前天": 3, "前天": 2, "昨天": 1, "昨日": 1, "昨晚": 1, "今天": 0, "今日": 0}
_YEARS_BACK = {"前年": 2, "去年": 1, "今年": 0}
# Words around a date that say nothing else; anything beyond them is no date.
_DATE_WORDS = re.compile(
    r"出生日期|日期|吧|啊|呀|呢|哦|我是|我|是|在|于|的|时候|那年|那时|出生于|出生在|出生|生日|生的|生于|生|大概|大约|左右|"
    r"差不多|份|号|日|月|年|初|中旬|上旬|下旬|中|底|末|那天|就|了|已经|公历|阳历|新历|人|"
    r"确诊|诊断|发现|发病|得的|查出来|查出|结束|停的|停了|停|打的|打了|接种|那次|最后一次"
)
_AGE_WORDS = re.compile(
    r"我今年|今年|我现在|现在|我已经|已经|我是|我|是|岁数|年龄|年纪|周岁|虚岁|实岁|岁|了|啦|呢|"
    r"整|刚满|刚刚|刚|满|快|将近|马上|马上就|就要|就|要|明年|下个月|下周|过几天|不到|还差几天|左右|"
    r"大概|大约|吧|啊|呀|哦|的"
)
_SOON = re.compile(r"快|将近|马上|就要|明年|下个月|下周|过几天|不到|还差")


def parse_age(text: str) -> tuple[int, bool] | None:
    """The age in a reply like "45岁", "四十五周岁", "快50岁了", "我今年45": one
    number with only age words around it; "快" (almost) is one year less.
    Returns (age, counted as 虚岁), or None when the reply is no age."""
    plain = _without_symbols(arabic(WORDING.normalised(text)))
    numbers = re.findall(r"\d+", plain)
    if (
        len(numbers) != 1
        or len(numbers[0]) > 3
        or _AGE_WORDS.sub("", plain).strip("0123456789 ,.!")
    ):
        return None
    if re.search(r"\d年|\d月|[./-]\d", plain):
        return None  # a date, not an age
    age = int(numbers[0])
    return (age - 1 if _SOON.search(plain) else age), "虚岁" in plain


def parse_birth(text: str, today: date) -> DateSpan:
    """Date of birth, or the span of birth dates an age implies. Raises
    InvalidDate, or Unreadable for an age near 18 or a lunar date it cannot
    convert."""
    plain = _plain(text)
    if LUNAR_MARKERS.search(plain):
        return check_span(parse_lunar_birth(plain, today), today, birth=True)
    if (age := parse_age(text)) is not None:
        return _age_span(*age, today)
    if _relative(plain, today) is not None:
        raise InvalidDate("unreadable")  # "上周" is no date of birth
    if generation := re.fullmatch(
        r"(?:我是)?(\d|[\u3007零一二三四五六七八九])[0\u3007零]后(的)?", plain
    ):
        written = generation.group(1)
        decade = int(written) if written.isdigit() else _DIGIT.get(written, 0)  # "〇〇后": 0
        start = (2000 if decade < 3 else 1900) + 10 * decade  # "80后", "00后"
        return check_span(DateSpan(date(start, 1, 1), date(start + 9, 12, 31)), today, True)
    return check_span(_absolute(plain, today), today, birth=True)


def _age_span(age: int, nominal: bool, today: date) -> DateSpan:
    """Born between the day after the (age+1)th birthday and the age-th one;
    a 虚岁 is one or two years over the real age, so both are in the span."""
    if age > MAX_AGE:
        raise InvalidDate("too_old")
    if age < MIN_AGE:
        raise InvalidDate("unreadable")
    if age in _NEAR_ADULT:
        raise Unreadable(ASK_EXACT_BIRTH)
    youngest, oldest = (age - 2, age - 1) if nominal else (age, age)
    latest = today - relativedelta(years=youngest)
    earliest = today - relativedelta(years=oldest + 1) + timedelta(days=1)
    return DateSpan(earliest, latest)


def parse_past_date(text: str, today: date) -> DateSpan:
    """A date that has already happened: absolute, partial or relative."""
    plain = _plain(text)
    try:
        span = _relative(plain, today) or _absolute(plain, today)
    except (OverflowError, ValueError) as error:  # "5000年前": before year 1
        if isinstance(error, (InvalidDate, TwoWays)):
            raise
        raise InvalidDate("too_long_ago") from error
    return check_span(span, today, birth=False)


def _plain(text: str) -> str:
    plain = WORDING.normalised(text)
    if len(plain) > MAX_TEXT:
        raise InvalidDate("unreadable")
    return _without_symbols(arabic(plain)).replace(" ", "")


def _without_symbols(text: str) -> str:
    """Emoji and other symbols say nothing of a date ("38岁😅"); "~" and "+"
    do not occur in one."""
    return (
        "".join(char for char in text if not unicodedata.category(char).startswith("S"))
        .replace("\u200d", "")
        .replace("\ufe0f", "")
    )


def _relative(plain: str, today: date) -> DateSpan | None:
    """ "3个月前", "半年前", "上周", "去年10月", "前天"; None when it is none."""
    if match := _AGO.search(plain):
        return _ago(match, today)
    if match := _RANGE_AGO.search(plain):
        return _range_ago(match, today)
    if match := _HALF.search(plain):
        half = relativedelta(days=15) if match.group("unit") == "月" else relativedelta(months=6)
        return DateSpan.exact(today - half)
    for word, days in _DAYS_BACK.items():
        if word in plain and not re.search(r"\d", plain):
            return DateSpan.exact(today - timedelta(days=days))
    if weekday := _WEEKDAY.search(plain):
        return _weekday(weekday, today)
    if re.search(r"上上(个)?(周|星期|礼拜)", plain):
        monday = today - timedelta(days=today.weekday() + 14)
        return DateSpan(monday, monday + timedelta(days=6))
    if re.search(r"上上(个)?月", plain):
        first = today.replace(day=1) - relativedelta(months=2)
        return DateSpan(first, first + relativedelta(months=1, days=-1))
    if re.search(r"上(个)?(周|星期|礼拜)", plain):
        monday = today - timedelta(days=today.weekday() + 7)
        return DateSpan(monday, monday + timedelta(days=6))
    if re.search(r"(这|本)(个)?(周|星期|礼拜)", plain):
        return DateSpan(today - timedelta(days=today.weekday()), today)
    if re.search(r"上(个)?月", plain):
        first = today.replace(day=1) - relativedelta(months=1)
        return DateSpan(first, first + relativedelta(months=1, days=-1))
    if re.search(r"(这|本)(个)?月", plain):
        return DateSpan(today.replace(day=1), today)
    for word, back in _YEARS_BACK.items():
        if word in plain:
            return _in_year(plain.replace(word, ""), today.year - back)
    return None


_WEEKDAY = re.compile(r"(?P<week>上上|上|这|本)(个)?(周|星期|礼拜)(?P<day>[1-7]|日|天)")
"""A day of a week: "上周三" (Wednesday last week), "这周一", "上星期天"."""


def _weekday(match: re.Match[str], today: date) -> DateSpan:
    day = match.group("day")
    weeks_back = {"上上": 2, "上": 1}.get(match.group("week"), 0)
    monday = today - timedelta(days=today.weekday() + 7 * weeks_back)
    return DateSpan.exact(
        monday + timedelta(days=7 if day in "日天" else int(day)) - timedelta(days=1)
    )


def _ago(match: re.Match[str], today: date) -> DateSpan:
    """ "3个月前" is that day; "3个多月前" (more than 3) the span back to 4."""
    n, unit = int(match.group("n")), _UNITS[match.group("unit")]
    back = unit * n
    if match.group("half") or match.group("half2"):
        back += relativedelta(days=15) if match.group("unit") == "月" else relativedelta(months=6)
    if match.group("more") or match.group("more2"):
        return DateSpan(today - unit * (n + 1), today - back)
    return DateSpan.exact(today - back)


def _range_ago(match: re.Match[str], today: date) -> DateSpan:
    """ "两三周前": between three and two weeks ago; only neighbours ("三五" is no range)."""
    low, high = _DIGIT[match.group("low")], _DIGIT[match.group("high")]
    if high != low + 1:
        raise InvalidDate("unreadable")
    unit = _UNITS[match.group("unit")]
    return DateSpan(today - unit * high, today - unit * low)


def _in_year(rest: str, year: int) -> DateSpan:
    """ "去年" alone is the whole year; "去年10月" its October; "去年10月5号" (or
    "11.10, 今年的") the day."""
    rest = re.sub(r"[^\w./-]", "", rest)
    if month := re.search(r"(\d{1,2})(?:月|[./-](?=\d))(?:(\d{1,2})[日号]?)?", rest):
        if _DATE_WORDS.sub("", rest[: month.start()] + rest[month.end() :]):
            raise InvalidDate("unreadable")
        return _month_span(year, int(month.group(1)), month.group(2))
    if _DATE_WORDS.sub("", rest):
        raise InvalidDate("unreadable")
    return DateSpan(date(year, 1, 1), date(year, 12, 31))


_FULL = re.compile(
    r"(?P<y>\d{4}|\d{2})(?:年|[./-])(?:(?P<m>\d{1,2})(?:月|[./-])?(?:(?P<d>\d{1,2})[日号]?)?)?"
)


def _absolute(plain: str, today: date) -> DateSpan:
    """ "1985年3月15日", "85年3月", "1985.3.15", "1985-03", "1985年", "19850315"."""
    if spaced := re.fullmatch(r"(\d{4})[,\u2014\u2013_](\d{1,2})[,\u2014\u2013_](\d{1,2})", plain):
        plain = "{}年{}月{}日".format(*spaced.groups())  # commas (full-width ones folded), dashes
    if two := read_two_ways(plain, today):
        raise two  # "05/03/1985": 5 March or 3 May
    if year_last := re.fullmatch(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})", plain):
        plain = _year_last(*year_last.groups())
    if compact := re.fullmatch(r"((?:19|20)\d\d)(\d\d)(\d\d)", plain):
        plain = "{}年{}月{}日".format(*compact.groups())
    if re.fullmatch(r"(19|20)\d\d", plain):
        plain += "年"
    match = _FULL.search(plain)
    if match is None:
        has_month = re.search(r"\d{1,2}月", plain)
        raise InvalidDate("no_year" if has_month else "unreadable")
    if re.sub(r"\W", "", _DATE_WORDS.sub("", plain[: match.start()] + plain[match.end() :])):
        raise InvalidDate("unreadable")  # more than a date: "85年做过手术"
    year = full_year(match.group("y"), today)
    if match.group("m") is None:
        return DateSpan(date(year, 1, 1), date(year, 12, 31))
    return _month_span(year, int(match.group("m")), match.group("d"))


def _year_last(first: str, second: str, year: str) -> str:
    """ "15/03/1985" (day first, as in English) -> "1985年3月15日"; one that reads
    both ways is bot.reading.dates.read_two_ways's."""
    day, month = int(first), int(second)
    if month > 12:
        day, month = month, day  # "03/15/1985": month first
    return f"{year}年{month}月{day}日"


def _month_span(year: int, month: int, day: str | None) -> DateSpan:
    try:
        if day is not None:
            return DateSpan.exact(date(year, month, int(day)))
        first = date(year, month, 1)
    except ValueError as error:
        raise InvalidDate("impossible") from error
    return DateSpan(first, first + relativedelta(months=1, days=-1))


WRITTEN = DateWriting("{year}年{month}月{day}日", tuple(str(month) for month in range(1, 13)))
"""A date as a Chinese patient reads it: "2026年12月16日"."""

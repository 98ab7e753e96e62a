"""Reading dates and ages as patients type them, in any language, never guessing.

The rules are here, once; a language gives its words as a `DateWords`
(bot/reading/<language>/dates.py), the way dateutil's `parser` takes a
`parserinfo`. Every reading returns a `DateSpan` (how precisely the patient
knows the date) or raises `InvalidDate` with a reason the chat turns into a
hint, `TwoWays` for a date in digits that reads two ways, or `Unreadable`
where a language asks its own question (an age near 18 counted in 虚岁). A
year is always required, and a date that cannot exist ("30 February") is
refused; the limits are bot/reading/dates.py's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property

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
    full_year,
    read_two_ways,
)
from bot.reading.reader import Unreadable
from bot.reading.wording import NEVER, Wording, spelled_right

_LETTER = re.compile(r"[^\W\d_]")
"""A letter of any script: what is left of a reply once its known words are
removed says something else."""


def words_pattern(words: str) -> re.Pattern[str]:
    """A pattern for whole words of a space-separated list; an apostrophe or a
    slash belongs to a word ("i'm", "y/o"), the longest word is tried first."""
    listed = sorted(set(words.split()), key=len, reverse=True)
    return re.compile(r"(?<![\w'/])(?:" + "|".join(map(re.escape, listed)) + r")(?![\w'/])")


@dataclass(frozen=True)
class Numbers:
    """A language's numbers in words ("forty-five", "a week ago"). A language
    whose numerals become digits before reading (Chinese, `DateWords.numerals`)
    has none."""

    units: Mapping[str, int] = field(default_factory=dict)
    """zero to nineteen"""
    tens: Mapping[str, int] = field(default_factory=dict)
    ones: frozenset[str] = frozenset()
    """Words that are one before a unit ("a week ago"), never an age."""

    @cached_property
    def words(self) -> str:
        """The alternation of every number in words, without boundaries."""
        if not self.units:
            return NEVER.pattern
        digits = "|".join(word for word, n in self.units.items() if 0 < n < 10)
        units = "|".join(word for word, n in self.units.items() if n)
        return rf"(?:{'|'.join(self.tens)})(?:[ -](?:{digits}))?|{units}"

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{self.words})\b")

    def value(self, text: str) -> int | None:
        """'45', 'forty-five', 'forty five', 'a' (one); None if not a number."""
        text = text.strip().lower().replace("-", " ")
        if text.isdigit():
            return int(text)
        if text in self.ones:
            return 1
        words = text.split()
        if len(words) == 1:
            return self.units.get(words[0], self.tens.get(words[0]))
        if len(words) == 2 and words[0] in self.tens and 0 < self.units.get(words[1], 0) < 10:
            return self.tens[words[0]] + self.units[words[1]]
        return None


@dataclass(frozen=True)
class AgeWords:
    """How a language says an age: "I'm 45", "四十五周岁", "快50了"."""

    around: re.Pattern[str]
    """The words that may surround an age; any other word makes it no age
    ("a grandmother of three")."""
    not_an_age: re.Pattern[str]
    """A reply that looks like a date ("born 1985", "3/4", "1985年")."""
    coming: re.Pattern[str]
    """The age said is the next one ("I'll be 18", "快18了"): one less today."""
    coming_around: re.Pattern[str] = NEVER
    """Words allowed with a coming age only ("I'll be 18 in January")."""
    nominal: re.Pattern[str] = NEVER
    """Switch (zh): an age counted as 虚岁, one or two years over the real one."""
    ask_exact: tuple[int, ...] = ()
    """Switch (zh): ages that may be 虚岁 ones above 18, asked as a birth date
    (`ask_exact_response`)."""
    ask_exact_response: str = ""


@dataclass(frozen=True)
class Period:
    """A calendar period counted back from today: `back` 0 is this one (up to
    today), 1 the last one; a season starts in `season_start`."""

    unit: str  # "week", "month", "year" or "season"
    back: int
    season_start: int = 0


@dataclass(frozen=True)
class RelativeWords:
    """How a language counts back from today: "3 weeks ago", "上周三", "去年10月"."""

    units: Mapping[str, relativedelta]
    ago: re.Pattern[str]
    """Groups `n` and `unit`; a group named half… adds half a unit, one named
    more… ("3个多月前", more than three months) makes the span back to n + 1."""
    days_back: tuple[tuple[re.Pattern[str], int], ...]
    """Named days ("yesterday", "前天"), read only in a reply without digits."""
    periods: tuple[tuple[re.Pattern[str], Period], ...]
    halves: Mapping[str, relativedelta] = field(default_factory=dict)
    """Half of each unit, for "半年前" and "3个半月前"."""
    half_ago: re.Pattern[str] = NEVER
    """Group `unit`: half a unit ago ("半年前")."""
    range_ago: re.Pattern[str] = NEVER
    """Groups `low`, `high`, `unit`: neighbouring numbers said together
    ("两三周前"), in `small_numbers`."""
    small_numbers: Mapping[str, int] = field(default_factory=dict)
    weekday: re.Pattern[str] = NEVER
    """Groups `week` (in `weeks_back`) and `day` (in `weekdays`): "上周三"."""
    weeks_back: Mapping[str, int] = field(default_factory=dict)
    weekdays: Mapping[str, int] = field(default_factory=dict)
    month_in_year: re.Pattern[str] | None = None
    """Switch (zh): groups `month` and `day` of a year named back ("去年10月5号");
    the rest of the reply must then be date words. None (en): "last year" is
    the whole year."""


@dataclass(frozen=True)
class WrittenDates:
    """How a language writes a date itself."""

    date_words: re.Pattern[str]
    """Words around a date that say nothing else."""
    parserinfo: dateutil_parser.parserinfo | None = None
    """Switch (en): dateutil reads the date, with these month names in any
    order ("March 15, 1985", "15 mar 85"). None (zh): the date is written year
    first with its units, read by `year_first`."""
    year_first: re.Pattern[str] = NEVER
    """Groups `y`, `m`, `d`: "1985年3月15日", "85年3月", "1985.3"."""
    month_without_year: re.Pattern[str] = NEVER
    """A month with no year ("3月"): the year is asked for."""
    unknown_words: int = 0
    """Switch (en): words dateutil may skip in a date ("15 march 1980 ish"); in
    Chinese every character around a date must be a date word."""


@dataclass(frozen=True)
class DateWords:
    """All a language gives the date reading."""

    wording: Wording
    ages: AgeWords
    relative: RelativeWords
    written: WrittenDates
    doubt: re.Pattern[str]
    """A date the patient doubts ("I think last Tuesday", "好像是上周四") is
    not sure; one that is only rounded ("around 2024", "大概2024年") is its span."""
    time_word: re.Pattern[str]
    """A clause holding one of these speaks of a time: when a reply's
    clauses give dates, each such clause must be read."""
    numbers: Numbers = field(default_factory=Numbers)
    numerals: Callable[[str], str] = str
    """Digits for the language's written numerals ("一九八五" -> "1985")."""
    spaced: bool = True
    """Switch (zh False): spaces separate words; a space in a Chinese date is noise."""
    ordinal: re.Pattern[str] = NEVER
    """A suffix after a day's digits ("15th"), dropped where a date is read
    (an age is no ordinal: "the 18th" is no age)."""
    month_names: tuple[str, ...] = ()
    """Month names, misspellings of which are corrected ("decmber")."""
    fillers: re.Pattern[str] = NEVER
    """Words before a date that say nothing ("I was born on")."""
    generation: re.Pattern[str] = NEVER
    """Group `decade`: a decade of birth ("80后"), in digits or `small_numbers`."""
    other_calendar: re.Pattern[str] = NEVER
    """Switch (zh): what marks a birth date in another calendar (农历), read
    by `read_other_calendar`."""
    read_other_calendar: Callable[[str, date], DateSpan] | None = None


class DateParser:
    """The readings of one language's dates: `birth`, `past`, `age`."""

    def __init__(self, words: DateWords) -> None:
        self.words = words

    def birth(self, text: str, today: date) -> DateSpan:
        """Date of birth, or the span of birth dates an age implies."""
        words = self.words
        if words.read_other_calendar and words.other_calendar.search(self._plain(text)):
            return check_span(words.read_other_calendar(text, today), today, birth=True)
        if (age := self.age(text)) is not None:
            return self._age_span(*age, today)
        return self._checked(self._cleaned(text), today, birth=True)

    def past(self, text: str, today: date) -> DateSpan:
        """A date that has already happened: absolute, partial or relative."""
        return self._checked(self._cleaned(text), today, birth=False)

    def age(self, text: str) -> tuple[int, bool] | None:
        """The age in a reply ("I'm 45", "四十五周岁", "快50岁了"): one number with
        only age words around it, one less when it is a coming age. Returns
        (age, counted as 虚岁), or None when the reply is no age."""
        ages, plain = self.words.ages, self._plain(text, limit=False)
        if len(plain) > MAX_TEXT or ages.not_an_age.search(plain):
            return None
        coming = bool(ages.coming.search(plain))
        rest = ages.around.sub(" ", self.words.numbers.pattern.sub(" ", re.sub(r"\d+", " ", plain)))
        if _LETTER.search(ages.coming_around.sub(" ", rest) if coming else rest):
            return None
        digits = re.findall(r"\d+", plain)
        said: int | None = None
        if digits:
            said = int(digits[0]) if len(digits) == 1 and len(digits[0]) <= 3 else None
        elif len(spelled := self.words.numbers.pattern.findall(plain)) == 1:
            said = self.words.numbers.value(spelled[0])
        if said is None:
            return None
        return (said - 1 if coming else said), bool(ages.nominal.search(plain))

    def _age_span(self, age: int, nominal: bool, today: date) -> DateSpan:
        """Born between the day after the (age+1)th birthday and the age-th one;
        a 虚岁 is one or two years over the real age, so both are in the span."""
        if age > MAX_AGE:
            raise InvalidDate("too_old")
        if age < MIN_AGE:
            raise InvalidDate("unreadable")  # "0", "3": not a patient's age
        if age in self.words.ages.ask_exact:
            raise Unreadable(self.words.ages.ask_exact_response)
        youngest, oldest = (age - 2, age - 1) if nominal else (age, age)
        latest = today - relativedelta(years=youngest)
        earliest = today - relativedelta(years=oldest + 1) + timedelta(days=1)
        return DateSpan(earliest, latest)

    def _generation(self, written: str) -> DateSpan:
        """ "80后": born in the 1980s; "00后" in the 2000s."""
        decade = int(written) if written.isdigit() else self.words.relative.small_numbers[written]
        start = (2000 if decade < 3 else 1900) + 10 * decade
        return DateSpan(date(start, 1, 1), date(start + 9, 12, 31))

    def _checked(self, cleaned: str, today: date, birth: bool) -> DateSpan:
        try:
            span = self._relative(cleaned, today)
            if birth and span is not None:
                raise InvalidDate("unreadable")  # "last week" is no date of birth
            if birth and (generation := self.words.generation.fullmatch(cleaned)):
                span = self._generation(generation["decade"])
            span = span or self._absolute(cleaned, today)
        except (OverflowError, ValueError) as error:  # "5000 years ago": before year 1
            if isinstance(error, (InvalidDate, TwoWays, Unreadable)):
                raise
            raise InvalidDate("too_old" if birth else "too_long_ago") from error
        return check_span(span, today, birth=birth)

    def _plain(self, text: str, limit: bool = True) -> str:
        """Normalised, the numerals in digits, without symbols (emoji say
        nothing of a date: "38岁😅")."""
        words = self.words
        plain = words.numerals(words.wording.normalised(text))
        plain = "".join(c for c in plain if not unicodedata.category(c).startswith("S"))
        plain = " ".join(plain.replace("\u200d", "").replace("\ufe0f", "").split())
        if limit and len(plain) > MAX_TEXT:
            raise InvalidDate("unreadable")  # longer "dates" are no dates
        return plain

    def _cleaned(self, text: str) -> str:
        """The reply as a date is read: plain, month names spelled right,
        without fillers, without spaces where the language has none."""
        words = self.words
        plain = words.ordinal.sub("", self._plain(text))
        plain = spelled_right(plain, words.month_names, 4, 0.85)
        plain = " ".join(words.fillers.sub(" ", plain).split())
        return plain if words.spaced else plain.replace(" ", "")

    def _relative(self, text: str, today: date) -> DateSpan | None:
        """A date counted back from today; None when the text says none."""
        relative = self.words.relative
        if match := relative.ago.search(text):
            return self._ago(match, today)
        if match := relative.range_ago.search(text):
            return self._range_ago(match, today)
        if match := relative.half_ago.search(text):
            return DateSpan.exact(today - relative.halves[match["unit"]])
        if not re.search(r"\d", text):
            for named, days in relative.days_back:
                if named.search(text):
                    return DateSpan.exact(today - timedelta(days=days))
        if match := relative.weekday.search(text):
            monday = today - timedelta(
                days=today.weekday() + 7 * relative.weeks_back[match["week"]]
            )
            return DateSpan.exact(monday + timedelta(days=relative.weekdays[match["day"]] - 1))
        for named, period in relative.periods:
            if match := named.search(text):
                if period.unit == "year":
                    return self._in_year(text[: match.start()] + text[match.end() :], today, period)
                return _period(period, today)
        return None

    def _ago(self, match: re.Match[str], today: date) -> DateSpan:
        """ "3 weeks ago" is that day; "3个多月前" (more than 3) the span back to 4."""
        relative, groups = self.words.relative, match.groupdict()
        n = self.words.numbers.value(match["n"])
        if n is None:
            raise InvalidDate("unreadable")
        unit = relative.units[match["unit"]]
        back = unit * n
        if any(value for name, value in groups.items() if name.startswith("half")):
            back += relative.halves[match["unit"]]
        if any(value for name, value in groups.items() if name.startswith("more")):
            return DateSpan(today - unit * (n + 1), today - back)
        return DateSpan.exact(today - back)

    def _range_ago(self, match: re.Match[str], today: date) -> DateSpan:
        """ "两三周前": between three and two weeks ago; only neighbours ("三五" is no range)."""
        numbers = self.words.relative.small_numbers
        low, high = numbers[match["low"]], numbers[match["high"]]
        if high != low + 1:
            raise InvalidDate("unreadable")
        unit = self.words.relative.units[match["unit"]]
        return DateSpan(today - unit * high, today - unit * low)

    def _in_year(self, rest: str, today: date, period: Period) -> DateSpan:
        """A year named back: the whole year, or its month or day as the
        language writes them ("去年10月", "去年10月5号")."""
        year = today.year - period.back
        in_year = self.words.relative.month_in_year
        if in_year is None:
            return DateSpan(date(year, 1, 1), date(year, 12, 31))
        date_words = self.words.written.date_words
        rest = re.sub(r"[^\w./-]", "", rest)
        if month := in_year.search(rest):
            if date_words.sub("", rest[: month.start()] + rest[month.end() :]):
                raise InvalidDate("unreadable")
            return _month_span(year, int(month["month"]), month["day"])
        if date_words.sub("", rest):
            raise InvalidDate("unreadable")
        return DateSpan(date(year, 1, 1), date(year, 12, 31))

    def _absolute(self, text: str, today: date) -> DateSpan:
        """The date written; raises TwoWays for one that reads two ways."""
        if not re.search(r"\d", text):
            raise InvalidDate("unreadable")
        written = self.words.written
        if written.unknown_words:
            known = written.date_words.sub(" ", text)
            if len(re.findall(r"[^\W\d_](?:[^\W\d_]|')*", known)) > written.unknown_words:
                raise InvalidDate("unreadable")  # "a pension since 2015" is no date of birth
        if two := read_two_ways(text.replace(" ", ""), today):
            raise two
        if digits := _in_digits(text):
            return digits
        if written.parserinfo is not None:
            return _by_dateutil(text, today, written.parserinfo)
        return self._year_first(text, today)

    def _year_first(self, text: str, today: date) -> DateSpan:
        """ "1985年3月15日", "85年3月", "1985年"; nothing but date words around it."""
        written = self.words.written
        match = written.year_first.search(text)
        if match is None:
            has_month = written.month_without_year.search(text)
            raise InvalidDate("no_year" if has_month else "unreadable")
        around = written.date_words.sub("", text[: match.start()] + text[match.end() :])
        if re.sub(r"\W", "", around):
            raise InvalidDate("unreadable")  # more than a date: "85年做过手术"
        year = full_year(match["y"], today)
        if match["m"] is None:
            return DateSpan(date(year, 1, 1), date(year, 12, 31))
        return _month_span(year, int(match["m"]), match["d"])


_YEAR_MONTH_DAY = re.compile(
    r"(\d{4})(?:[-/.,_\u2014\u2013]|, )(\d{1,2})(?:[-/.,_\u2014\u2013]|, )(\d{1,2})"
)
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")
_COMPACT = re.compile(r"((?:19|20)\d\d)(\d\d)(\d\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _in_digits(text: str) -> DateSpan | None:
    """A date all in digits, in any language: year first ("1985-03-15",
    never swapped), day first ("15/03/1985"; "03/15/1985" only one way), all
    run together ("19850315"), or a year alone; None for any other text."""
    if match := _YEAR_MONTH_DAY.fullmatch(text):
        return _month_span(int(match[1]), int(match[2]), match[3])
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        day, month = int(match[1]), int(match[2])
        if day > 12 and month > 12:
            raise InvalidDate("unreadable")  # no month either way: "13/13/2013"
        if month > 12:
            day, month = month, day  # "03/15/1985": month first
        return _month_span(int(match[3]), month, str(day))
    if match := _COMPACT.fullmatch(text):
        return _month_span(int(match[1]), int(match[2]), match[3])
    if _YEAR.fullmatch(text):
        return DateSpan(date(int(text), 1, 1), date(int(text), 12, 31))
    return None


# Two defaults that differ in every field: a field the patient did not give
# comes out differently from each, which is how a partial date is recognised.
_LOW_DEFAULT = datetime(1904, 1, 1)
_HIGH_DEFAULT = datetime(1908, 12, 31)


def _by_dateutil(text: str, today: date, info: dateutil_parser.parserinfo) -> DateSpan:
    """dateutil's reading, day first, of a date with month names in any order."""
    try:
        low = dateutil_parser.parse(text, info, default=_LOW_DEFAULT, dayfirst=True, fuzzy=True)
        high = dateutil_parser.parse(text, info, default=_HIGH_DEFAULT, dayfirst=True, fuzzy=True)
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
        hundred = relativedelta(years=100)
        span = DateSpan(span.earliest - hundred, span.latest - hundred)
    return span


def _period(period: Period, today: date) -> DateSpan:
    """This or an earlier calendar week or month (this one up to today), or
    the latest such season before today."""
    if period.unit == "week":
        monday = today - timedelta(days=today.weekday() + 7 * period.back)
        return DateSpan(monday, monday + timedelta(days=6) if period.back else today)
    if period.unit == "month":
        first = today.replace(day=1) - relativedelta(months=period.back)
        return DateSpan(first, first + relativedelta(months=1, days=-1) if period.back else today)
    start = date(today.year, period.season_start, 1)
    while start + relativedelta(months=3) > today:
        start -= relativedelta(years=1)
    return DateSpan(start, start + relativedelta(months=3, days=-1))


def _month_span(year: int, month: int, day: str | None) -> DateSpan:
    """A day, or a whole month when `day` is None; InvalidDate("impossible")
    for one that cannot exist."""
    try:
        if day is not None:
            return DateSpan.exact(date(year, month, int(day)))
        first = date(year, month, 1)
    except ValueError as error:
        raise InvalidDate("impossible") from error
    return DateSpan(first, first + relativedelta(months=1, days=-1))

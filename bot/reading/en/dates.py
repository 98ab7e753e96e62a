"""The English words of dates and ages (the rules: bot/reading/date_parser.py).

Day-first is assumed for numeric dates ("03/04/1980" is 3 April), as at the
site; dateutil reads month names in any order.
"""

from __future__ import annotations

import re

from dateutil import parser as dateutil_parser
from dateutil.relativedelta import relativedelta

from bot.reading.date_parser import (
    AgeWords,
    DateParser,
    DateWords,
    Numbers,
    Period,
    RelativeWords,
    WrittenDates,
    words_pattern,
)
from bot.reading.en.wording import WORDING
from bot.reading.summary import DateWriting

# fmt: off
_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
)
# fmt: on
NUMBERS = Numbers(
    units={word: n for n, word in enumerate(_UNITS)},
    tens={word: 10 * n for n, word in enumerate(_TENS, start=2)},
    ones=frozenset({"a", "an"}),
)
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

AGES = AgeWords(
    around=words_pattern(
        """i i'm im am age aged years year yrs yr old y/o yo umm um uh er just turned about around
        nearly almost will be i'll ill turning turn next last week month in on this of the and a an
        half gonna going to soon it's its is my currently now today only exactly approx
        approximately roughly over under me myself well so ok okay"""
    ),
    not_an_age=re.compile(r"\bborn\b|\bago\b|\d\s*[/.\-]\s*\d|\d(st|nd|rd|th)\b|\d{4}"),
    coming=re.compile(
        r"\b(i'?ll be|i will be|will be|turning|turn|gonna be|going to be|"
        r"be \d+ (next|in|on|this))\b"
    ),
    coming_around=words_pattern(" ".join(_MONTHS)),  # "I'll be 18 in January"
)

RELATIVE = RelativeWords(
    units={
        "day": relativedelta(days=1),
        "week": relativedelta(weeks=1),
        "month": relativedelta(months=1),
        "year": relativedelta(years=1),
    },
    ago=re.compile(rf"\b(?P<n>\d+|a|an|{NUMBERS.words})\s+(?P<unit>day|week|month|year)s?\s+ago\b"),
    days_back=(
        (re.compile(r"\bday before yesterday\b"), 2),
        (re.compile(r"\byesterday\b"), 1),
        (re.compile(r"\b(today|right now|this (morning|afternoon|evening))\b"), 0),
    ),
    periods=(
        (re.compile(r"\blast\s+week\b"), Period("week", 1)),
        (re.compile(r"\blast\s+month\b"), Period("month", 1)),
        (re.compile(r"\blast\s+year\b"), Period("year", 1)),
        *(
            (re.compile(rf"\blast\s+{season}\b"), Period("season", 1, start))
            for season, start in _SEASONS.items()
        ),
    ),
)

WRITTEN_DATES = WrittenDates(
    date_words=words_pattern(
        " ".join(_MONTHS)
        + """ the of my birthday is was i im i'm dob date approximately approx circa ca early late
        mid middle end beginning start year month day st nd rd th and or at a an it that this think
        spring summer autumn fall winter"""
    ),
    parserinfo=dateutil_parser.parserinfo(),
    unknown_words=1,
)

DATES = DateWords(
    wording=WORDING,
    ages=AGES,
    relative=RELATIVE,
    written=WRITTEN_DATES,
    doubt=re.compile(
        r"\b(i think|i thought|i believe|i guess|i suppose|i reckon|maybe|perhaps|probably|"
        r"possibly|might (have|be)|not (quite |too |so )?sure|if i remember|or so i think)\b"
    ),
    time_word=re.compile(
        r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
        r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|couple|few|several|"
        r"years?|months?|weeks?|days?|ago|since|born|birthday|"
        r"yesterday|today|tonight|tomorrow|recently|lately|"
        r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
        r"spring|summer|autumn|fall|winter|christmas|easter|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)\b"
    ),
    numbers=NUMBERS,
    ordinal=re.compile(r"(?<=\d)(st|nd|rd|th)\b"),
    month_names=_MONTHS,
    fillers=re.compile(r"\b(i was born|born|on|in|around|about|roughly|it was)\b"),
)
PARSER = DateParser(DATES)

WRITTEN = DateWriting("{day} {month} {year}", tuple(month.capitalize() for month in _MONTHS[:12]))
"""A date as an English-speaking patient reads it: '16 December 2026'."""

"""The Chinese words of dates and ages (the rules: bot/reading/date_parser.py).

Chinese needs its own question in two places: an age near 18 (虚岁 counting
adds one or two years), and a birth date in the lunar calendar that is not
read (one that is, is converted: bot/reading/zh/lunar.py).
"""

from __future__ import annotations

import re

from dateutil.relativedelta import relativedelta

from bot.reading.date_parser import (
    AgeWords,
    DateParser,
    DateWords,
    Period,
    RelativeWords,
    WrittenDates,
)
from bot.reading.summary import DateWriting
from bot.reading.zh.lunar import MARKERS as LUNAR_MARKERS
from bot.reading.zh.lunar import parse_lunar_birth
from bot.reading.zh.numerals import arabic
from bot.reading.zh.wording import WORDING

ASK_EXACT_BIRTH = "utter_ask_birth_date_exact"
"""An age of 18 or 19 may be a 虚岁 one or two years above the real age: the
birth date decides."""

AGES = AgeWords(
    around=re.compile(
        r"我今年|今年|我现在|现在|我已经|已经|我是|我|是|岁数|年龄|年纪|周岁|虚岁|实岁|岁|了|啦|呢|"
        r"整|刚满|刚刚|刚|满|快|将近|马上|马上就|就要|就|要|明年|下个月|下周|过几天|不到|还差几天|左右|"
        r"大概|大约|吧|啊|呀|哦|的"
    ),
    not_an_age=re.compile(r"\d年|\d月|[./-]\d"),
    coming=re.compile(r"快|将近|马上|就要|明年|下个月|下周|过几天|不到|还差"),
    nominal=re.compile(r"虚岁"),
    ask_exact=(18, 19),
    ask_exact_response=ASK_EXACT_BIRTH,
)

_WEEK = r"(周|星期|礼拜)"
_UNIT = r"(?P<unit>天|日|周|星期|礼拜|月|年)"
_SMALL = {char: n for n, char in enumerate("零一二三四五六七八九")} | {"两": 2, "\u3007": 0}

RELATIVE = RelativeWords(
    units={
        "天": relativedelta(days=1),
        "日": relativedelta(days=1),
        "周": relativedelta(weeks=1),
        "星期": relativedelta(weeks=1),
        "礼拜": relativedelta(weeks=1),
        "月": relativedelta(months=1),
        "年": relativedelta(years=1),
    },
    halves={
        "天": relativedelta(),
        "日": relativedelta(),
        "周": relativedelta(days=3),
        "星期": relativedelta(days=3),
        "礼拜": relativedelta(days=3),
        "月": relativedelta(days=15),
        "年": relativedelta(months=6),
    },
    ago=re.compile(
        rf"(?P<n>\d+)个?(?P<half>半)?(?P<more>多)?个?{_UNIT}(?P<half2>半)?(?P<more2>多)?(以前|之前|前)"
    ),
    range_ago=re.compile(
        rf"(?P<low>一|两|二|三|四|五|六|七|八)(?P<high>两|三|四|五|六|七|八|九)个?{_UNIT}(以前|之前|前)"
    ),
    small_numbers=_SMALL,
    half_ago=re.compile(r"半(个)?(?P<unit>月|年)(以前|之前|前)"),
    days_back=tuple(
        (re.compile(word), days)
        for word, days in {"大前天": 3, "前天": 2, "昨天": 1, "昨日": 1, "昨晚": 1}.items()
        | {"今天": 0, "今日": 0}.items()
    ),
    weekday=re.compile(rf"(?P<week>上上|上|这|本)(个)?{_WEEK}(?P<day>[1-7]|日|天)"),
    weeks_back={"上上": 2, "上": 1, "这": 0, "本": 0},
    weekdays={str(day): day for day in range(1, 8)} | {"日": 7, "天": 7},
    periods=(
        (re.compile(rf"上上(个)?{_WEEK}"), Period("week", 2)),
        (re.compile(r"上上(个)?月"), Period("month", 2)),
        (re.compile(rf"上(个)?{_WEEK}"), Period("week", 1)),
        (re.compile(rf"(这|本)(个)?{_WEEK}"), Period("week", 0)),
        (re.compile(r"上(个)?月"), Period("month", 1)),
        (re.compile(r"(这|本)(个)?月"), Period("month", 0)),
        (re.compile(r"前年"), Period("year", 2)),
        (re.compile(r"去年"), Period("year", 1)),
        (re.compile(r"今年"), Period("year", 0)),
    ),
    month_in_year=re.compile(r"(?P<month>\d{1,2})(?:月|[./-](?=\d))(?:(?P<day>\d{1,2})[日号]?)?"),
)

WRITTEN_DATES = WrittenDates(
    # Words around a date that say nothing else; anything beyond them is no date.
    date_words=re.compile(
        r"出生日期|日期|吧|啊|呀|呢|哦|我是|我|是|在|于|的|时候|那年|那时|出生于|出生在|出生|生日|生的|生于|生|"
        r"大概|大约|左右|差不多|份|号|日|月|年|初|中旬|上旬|下旬|中|底|末|那天|就|了|已经|公历|阳历|新历|人|"
        r"确诊|诊断|发现|发病|得的|查出来|查出|结束|停的|停了|停|打的|打了|接种|那次|最后一次"
    ),
    year_first=re.compile(
        r"(?P<y>\d{4}|\d{2})(?:年|[./-])(?:(?P<m>\d{1,2})(?:月|[./-])?(?:(?P<d>\d{1,2})[日号]?)?)?"
    ),
    month_without_year=re.compile(r"\d{1,2}月"),
)

DATES = DateWords(
    wording=WORDING,
    ages=AGES,
    relative=RELATIVE,
    written=WRITTEN_DATES,
    doubt=re.compile(r"好像|可能|也许|或许|似乎|貌似|估计|不确定|不太确定"),
    time_word=re.compile(r"\d|年|月|周|星期|礼拜|天|日|号|岁|前|后|上次|最近"),
    numerals=arabic,
    spaced=False,
    generation=re.compile(
        r"(?:我是)?(?P<decade>\d|[\u3007零一二三四五六七八九])[0\u3007零]后(的)?"
    ),
    other_calendar=LUNAR_MARKERS,
    read_other_calendar=parse_lunar_birth,
)
PARSER = DateParser(DATES)

WRITTEN = DateWriting("{year}年{month}月{day}日", tuple(str(month) for month in range(1, 13)))
"""A date as a Chinese patient reads it: "2026年12月16日"."""

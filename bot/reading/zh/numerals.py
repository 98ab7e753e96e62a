"""Chinese numerals in dates and ages, turned into Arabic digits.

"一九八五年三月十五日" -> "1985年3月15日", "四十五周岁" -> "45周岁", "两周前" -> "2周前".
cn2an does the counting numbers; a year written digit by digit ("八五年",
"零三年") is spelled out here, since cn2an reads "零三年" as "3年" and loses the
century the patient meant.
"""

from __future__ import annotations

import re

import cn2an

_DIGITS = "零\u3007一二两三四五六七八九"  # \u3007: the circle zero of "二〇二四"
_DIGIT_VALUE = {char: str(i) for i, char in enumerate("零一二三四五六七八九")}
_DIGIT_VALUE.update({"\u3007": "0", "两": "2"})
_YEAR = re.compile(rf"[{_DIGITS}]{{2,4}}(?=年)")
_RUN = re.compile(rf"[{_DIGITS}十百千]+")
# Two neighbouring digits said together are a range: "两三周", "三四个月", "十五六岁".
_RANGE = re.compile(
    r"(一两|两三|二三|三四|四五|五六|六七|七八|八九)十?|[^十]*十(一二|二三|三四|四五|五六|六七|七八|八九)"
)
# A lone "一" or "两" is a number only before a unit: "一直", "一点" are words.
_UNIT_AFTER = re.compile(r"^(个|多|来|年|月|日|号|岁|周|天|星期|礼拜|半|点|$)")


def arabic(text: str) -> str:
    """`text` with its Chinese numerals in Arabic digits; any other word kept."""
    text = _YEAR.sub(lambda m: "".join(_DIGIT_VALUE[c] for c in m.group(0)), text)
    return _RUN.sub(lambda m: _number(m, text), text)


def _number(match: re.Match[str], text: str) -> str:
    run = match.group(0)
    if len(run) == 1 and run in "一两" and not _UNIT_AFTER.match(text[match.end() :]):
        return run
    if _RANGE.fullmatch(run) or (len(run) == 2 and not re.search("[十百千]", run)):
        return run  # "两三周前", "三五天": a range or "a few", never 23 or 35
    if not re.search("[十百千]", run) and len(run) > 2:
        return "".join(_DIGIT_VALUE[c] for c in run)  # "一九八五": spelled digit by digit
    try:
        return str(cn2an.cn2an(run.replace("两", "二"), "smart"))
    except ValueError:
        return run  # not a well-formed number ("十百"): left for the reader to refuse

"""Chinese numerals in dates and ages, turned into Arabic digits.

"一九八五年三月十五日" -> "1985年3月15日", "四十五周岁" -> "45周岁", "两周前" -> "2周前".
A year written digit by digit ("八五年", "零三年") is spelled out digit by
digit, keeping the century the patient meant; a counting number ("四十五",
"一百零五", "一百二") is read by `counting`, which refuses what is not well
formed ("五十零", "十百") rather than guess. (cn2an, used before, crashed on
"五十零" and read "一一百一" as 210; its import cost 5 MiB and 0.17 s.)
"""

from __future__ import annotations

import re

_DIGITS = "零\u3007一二两三四五六七八九"  # \u3007: the circle zero of "二〇二四"
_DIGIT_VALUE = {char: str(i) for i, char in enumerate("零一二三四五六七八九")}
_DIGIT_VALUE.update({"\u3007": "0", "两": "2"})
_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000}
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
    value = counting(run)
    return run if value is None else str(value)  # ill-formed: left for the reader to refuse


def counting(run: str) -> int | None:
    """The value of a counting number written with 十, 百 and 千 ("十五" 15,
    "一百零五" 105, "一百二" 120, "三千五" 3500, "零" 0, a lone digit its value);
    None for anything not well formed: units out of order or repeated ("十百"),
    two digits in a row, a zero that skips no unit ("五十零", "二十零一")."""
    total, digit, last_unit, zero, zero_before = 0, None, 10_000, False, False
    for char in run:
        if char in _UNIT_VALUE:
            unit = _UNIT_VALUE[char]
            if unit >= last_unit or zero or (digit is None and char != "十"):
                return None
            total, digit, last_unit = total + (1 if digit is None else digit) * unit, None, unit
        elif _DIGIT_VALUE[char] == "0":
            if run == char:
                return 0
            if digit is not None or zero or last_unit <= 10 or not total:
                return None
            zero = True
        else:
            if digit is not None:
                return None
            digit, zero_before, zero = int(_DIGIT_VALUE[char]), zero, False
    if digit is None:
        return None if zero else total
    if last_unit > 1000 or last_unit == 10 or zero_before:
        return total + digit
    return total + digit * last_unit // 10  # "一百二" is 120, "三千五" 3500

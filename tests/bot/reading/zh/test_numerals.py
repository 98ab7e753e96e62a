"""Chinese counting numbers: read when well formed, refused (None) otherwise,
never a crash and never a guess."""

from __future__ import annotations

import pytest

from bot.reading.zh.numerals import arabic, counting


@pytest.mark.parametrize(
    ("run", "value"),
    [
        ("零", 0),
        ("七", 7),
        ("十", 10),
        ("十五", 15),
        ("一十五", 15),
        ("四十五", 45),
        ("一百", 100),
        ("一百零五", 105),
        ("一百十", 110),
        ("一百二", 120),  # said for 120, never 102
        ("一百二十", 120),
        ("三千五", 3500),
        ("两千零三", 2003),
        ("二千零二十四", 2024),
        ("一千零五十", 1050),
        ("一千九百八十五", 1985),
    ],
)
def test_a_well_formed_number_is_read(run: str, value: int) -> None:
    assert counting(run) == value


@pytest.mark.parametrize(
    "run",
    [
        "五十零",  # a zero that skips no unit (cn2an crashed on it)
        "二十零一",
        "一百零",
        "零五十",  # a leading zero
        "十百",  # units out of order
        "百百一",
        "千百一",  # a unit with no digit (only ten may stand alone)
        "一一百",  # two digits in a row
        "一百零零五",
    ],
)
def test_an_ill_formed_number_is_refused(run: str) -> None:
    assert counting(run) is None


def test_an_ill_formed_number_is_left_as_written_for_the_reader_to_refuse() -> None:
    assert arabic("我五十零岁") == "我五十零岁"
    assert arabic("一百二十岁") == "120岁"

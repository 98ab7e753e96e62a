from __future__ import annotations

import pytest

from bot.reading.language import Script, language_asked_for, language_written, script_of


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("", Script.NONE),
        ("   \n\t", Script.NONE),
        ("?", Script.NONE),
        ("...!!!", Script.NONE),
        ("👍", Script.NONE),
        ("🙂🙂", Script.NONE),
        ("no", Script.LATIN),
        ("45", Script.LATIN),
        ("sí, claro", Script.LATIN),
        ("没有", Script.CJK),
        ("CAR-T 没做过", Script.CJK),
        ("不愿意。", Script.CJK),
        ("\uff4e\uff4f", Script.LATIN),  # full-width "no" folds to Latin
        ("нет", Script.OTHER),
        ("لا", Script.OTHER),
    ],
)
def test_the_script_of_a_reply(text: str, script: Script) -> None:
    assert script_of(text) is script


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("你好", "zh"),
        ("CAR-T 没做过", "zh"),
        ("是", "zh"),
        ("请用中文", "zh"),
        ("I have lupus", "en"),
        ("no thanks", "en"),
        ("I'm 45", "en"),
        ("English", "en"),
        ("in English please", "en"),
        ("Hello, I'd like to take part", "en"),
        ("", None),
        ("👍", None),
        ("/affirm", None),
        ('/choose{"diagnosis": "sle"}', None),
        ("13812345678", None),
        ("1985-03-15", None),
        ("ok", None),
        ("SLE", None),
        ("CAR-T", None),
        ("Wang Fang", None),  # a name in pinyin
        ("zhang.wei@qq.com", None),
        ("wang fang, zhang.wei@163.com", None),
        ("sí, claro", None),  # not English: the reader asks again
        ("нет", None),
    ],
)
def test_the_language_a_message_is_written_in(text: str, language: str | None) -> None:
    assert language_written(text) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("English please", "en"),
        ("can you speak english?", "en"),
        ("用英文吧", "en"),
        ("能说英语吗", "en"),
        ("请用中文", "zh"),
        ("Chinese please", "zh"),
        ("中文", "zh"),
        ("Mandarin?", "zh"),
        ("我看不懂英文，用中文吧", None),  # noqa: RUF001 (both named: keep the writing's)
        ("change language", None),
    ],
)
def test_the_language_a_request_asks_for(text: str, language: str | None) -> None:
    assert language_asked_for(text) == language

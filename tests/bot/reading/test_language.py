from __future__ import annotations

import pytest

from bot.reading.language import Script, script_of


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

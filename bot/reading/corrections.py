"""Which earlier answer a patient's correction is about, and the new yes / no,
in every language.

"actually I was born in 1990" and "不对, 我是1990年出生的" are about the birth
question; "sorry, I meant yes" and "刚才说错了, 应该是有" about the question
answered last. A correction whose new value cannot be read is never guessed:
the caller asks that question again instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.protocol.answers import Reply
from bot.reading.wording import NEVER, Wording


@dataclass(frozen=True)
class CorrectionWords:
    """A language's words for a correction."""

    wording: Wording
    topics: tuple[tuple[str, str], ...]
    """Words that tie a correction to one question (slot, pattern), whatever
    was asked last."""
    new_answer: re.Pattern[str]
    """What comes after these is the new answer ("I meant", "应该是")."""
    unsure: re.Pattern[str]
    no: re.Pattern[str]
    yes: re.Pattern[str]
    opening: re.Pattern[str] = NEVER
    """Switch (zh): words that open a correction and are no answer ("不对, 我有");
    English opens with "actually" or "sorry", which are no answer either way."""


def correction_target(words: CorrectionWords, text: str, answered: list[str]) -> str | None:
    """The answered question the correction is about: the one its words name
    (the last answered, if several), else the question answered last. None when
    nothing is answered, or when the words name only questions not answered (not
    asked yet, or skipped): that answer is never put on another question."""
    reply = words.wording.normalised(text)
    named = [slot for slot, pattern in words.topics if re.search(pattern, reply)]
    named_answered = [slot for slot in named if slot in answered]
    if named_answered:
        return max(named_answered, key=answered.index)
    if named or not answered:
        return None
    return answered[-1]


def read_yes_no(words: CorrectionWords, text: str) -> Reply | None:
    """The yes / no / not sure a correction states, or None if it states none;
    read after "meant" / "应该是" when it is there ("sorry, I meant no")."""
    stated = words.new_answer.split(words.wording.normalised(text))[-1]
    stated = words.opening.sub("", stated)
    if words.unsure.search(stated):
        return Reply.UNSURE
    if words.no.search(stated):
        return Reply.NO
    if words.yes.search(stated):
        return Reply.YES
    return None

"""Small readings every reader shares: "not sure" and "still taking it"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.protocol.answers import ONGOING
from bot.reading.wording import NEVER, Wording


@dataclass(frozen=True)
class ReplyWords:
    """A language's words for not knowing and for a course not over."""

    wording: Wording
    unsure: re.Pattern[str]
    """'not sure', "can't remember", 不清楚, 忘了."""
    still_going: re.Pattern[str]
    """'still taking', 还在吃: ongoing unless `negation` is there too."""
    not_ended: re.Pattern[str]
    """'not finished yet', 还没结束: ongoing unless `ended` is there too."""
    negation: re.Pattern[str]
    """What turns `still_going` round ('not currently taking', 不在吃了)."""
    ended: re.Pattern[str] = NEVER
    """Switch (zh): a course said over beside a not-ended ("没吃完就停了":
    stopped before the end); English says so without a not-ended ("stopped
    early")."""


def says_unsure(words: ReplyWords, text: str) -> bool:
    """True for 'not sure', "can't remember", 不清楚, 忘了 and the like."""
    return bool(words.unsure.search(words.wording.normalised(text)))


def is_ongoing(words: ReplyWords, text: str) -> bool:
    """True for 'still taking it', 'not finished yet', 还在吃, 还没结束 and the
    like; False for the negated ones ('not currently taking anything', 已经停了)."""
    reply = words.wording.normalised(text)
    if reply == ONGOING or (words.not_ended.search(reply) and not words.ended.search(reply)):
        return True
    return bool(words.still_going.search(reply)) and not words.negation.search(reply)

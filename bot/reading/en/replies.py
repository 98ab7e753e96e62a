"""Small English readings shared by the readers: "not sure" and "still
taking it"."""

from __future__ import annotations

import re

from bot.protocol.answers import ONGOING
from bot.reading.en.wording import NOT

_UNSURE = (
    r"not (100%|a hundred percent|really|completely|totally|entirely)? ?sure|unsure|"
    r"don'?t know|dont know|do not know|no idea|can'?t rem|cant rem|forgot|forget|"
    r"not certain|hard to say|dunno|\bidk\b|don'?t remember|dont remember|do not remember|"
    r"can'?t recall|no memory"
)


def says_unsure(text: str) -> bool:
    """True for 'not sure', "can't remember", 'no idea' and the like."""
    return bool(re.search(_UNSURE, text.lower()))


_STILL_GOING = re.compile(
    r"ongoing|still (taking|on|in|having|getting|receiving|doing|enrolled|participating|part|"
    r"go|going|attend\w*)|follow.?up (visits?|appointments?)|(finishes|ends) next|"
    r"currently (taking|on|in|receiving)|right now|on it now|at the moment"
)
_NOT_ENDED = re.compile(
    r"not (yet )?(finished|over|ended|done|stopped|complete)|"
    r"(haven'?t|hasn'?t|have not|has not) (yet )?(finished|stopped|ended)"
)
_NEGATION = re.compile(r"\b(not|no|never)\b|" + NOT)


def is_ongoing(text: str) -> bool:
    """True for 'still taking it', 'ongoing', 'not finished yet' and the like;
    False for negated ones ('not currently taking anything', 'still not sure')."""
    reply = " ".join(text.strip().lower().split())
    if reply == ONGOING or _NOT_ENDED.search(reply):
        return True
    return bool(_STILL_GOING.search(reply)) and not _NEGATION.search(reply)

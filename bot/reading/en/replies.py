"""The English words for "not sure" and "still taking it" (the rules:
bot/reading/replies.py)."""

from __future__ import annotations

import re

from bot.reading.en.wording import NOT, WORDING
from bot.reading.replies import ReplyWords

_UNSURE = re.compile(
    r"not (100%|a hundred percent|really|completely|totally|entirely)? ?sure|unsure|"
    r"don'?t know|dont know|do not know|no idea|can'?t rem|cant rem|forgot|forget|"
    r"not certain|hard to say|dunno|\bidk\b|don'?t remember|dont remember|do not remember|"
    r"can'?t recall|no memory"
)


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

WORDS = ReplyWords(
    wording=WORDING,
    unsure=_UNSURE,
    still_going=_STILL_GOING,
    not_ended=_NOT_ENDED,
    negation=_NEGATION,
)

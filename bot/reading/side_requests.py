"""Whether a message really carries the side request the intent classifier
heard, or is an answer it mistook for one, in every language.

"I'm in a belimumab study right now" and "我现在在参加一个贝利尤单抗的研究" are
no greeting: when the words hold none of the request's cues and the
question's reader can read them, they are an answer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from bot.reading.wording import Wording


@dataclass(frozen=True)
class SideRequestWords:
    """A language's cues for each side request."""

    wording: Wording
    cues: Mapping[str, str]
    """The words each side request is made of, by intent; out_of_scope and
    nlu_fallback have none: any readable answer wins over them."""


def carries_side_request(words: SideRequestWords, intent: str, text: str) -> bool:
    """True when the message holds the cues of `intent`'s side request, or
    asks something back."""
    plain = words.wording.normalised(text)
    cue = words.cues.get(intent)
    return words.wording.is_question(plain) or bool(cue and re.search(cue, plain))

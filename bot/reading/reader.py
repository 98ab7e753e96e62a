"""What every language's reader offers: a reply -> a canonical value, or a
reason to ask again."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from bot.protocol.criteria import Question


class Unreadable(ValueError):
    """The reply could not be read as an answer; `hint` names the response
    that tells the patient what is needed."""

    def __init__(self, hint: str) -> None:
        super().__init__(hint)
        self.hint = hint


class ReadReply(Protocol):
    """A reader: the canonical slot value for `reply` to `question`, read on
    `today` (the screening date); `said` is the patient's whole message when
    the slot was filled from its intent. Raises `Unreadable`."""

    def __call__(self, question: Question, reply: str, today: date, said: str = "") -> str: ...

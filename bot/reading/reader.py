"""What every language's reader offers: a reply -> one result of
bot/reading/result.py."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from bot.protocol.criteria import Question

if TYPE_CHECKING:  # result.py builds on Unreadable below
    from bot.reading.result import Answer, AskAgain, Correction, SideRequest, Value


class Unreadable(ValueError):
    """Raised inside a language's reading: the reply could not be read as an
    answer to the question; `hint` names the response that tells the patient
    what is needed (the reader turns it into AskAgain)."""

    def __init__(self, hint: str) -> None:
        super().__init__(hint)
        self.hint = hint


class PartlyRead(Unreadable):
    """Raised inside a language's reading: some clauses were read as `values`
    (canonical), but another holds words not understood ("no, only
    Breyanzi"). Only a value that excludes may be kept; else the patient is
    asked again with `hint`."""

    def __init__(self, values: tuple[str, ...]) -> None:
        super().__init__("utter_invalid_not_understood")
        self.values = values


class ReadTwoWays(Unreadable):
    """Raised inside a language's reading: the reply is one fact that reads
    two ways (`values`, canonical; a date "12/08/2008"). One is stored only
    when both decide alike; else the patient is asked again with `hint`."""

    def __init__(self, values: tuple[str, ...]) -> None:
        super().__init__("utter_invalid_date_two_ways")
        self.values = values


class Reader(Protocol):
    """One language's reader. Every reading of a reply gives one of the
    results of bot/reading/result.py."""

    @property
    def language(self) -> str:
        """The language code ("en", "zh")."""
        ...

    def read(
        self, question: Question, reply: str, today: date, intent: str | None = None
    ) -> Answer:
        """`reply` read as an answer to `question` on `today` (the screening
        date): a Value (usually one canonical value; several when the reply
        states several facts, which the caller settles or asks again),
        NotSure, or AskAgain with the response to give. `intent` is the
        classifier's opinion of the message, if any: where it disagrees with
        the words, the reader asks again."""
        ...

    def side_request(self, intent: str, reply: str) -> SideRequest | None:
        """The side request (a greeting, a question back, thanks...) the
        classifier heard as `intent`, when the words carry it; None when they
        hold none of its cues, so that a readable answer is taken as one."""
        ...

    def consent(self, reply: str, intent: str | None = None) -> Value | AskAgain:
        """A Value of yes or no only for a plain yes or a plain no; AskAgain
        for anything else (a hedge, no words, another language)."""
        ...

    def contact_detail(self, slot: str, reply: str) -> str:
        """The value of contact detail `slot` (contact_name, contact_phone,
        contact_email, contact_time, contact_wechat) the reply gives; raises
        bot.referrals.contact.InvalidContact with the reason to ask again.
        A WeChat ID may come back as bot.reading.contact.WECHAT_SAME_AS_PHONE."""
        ...

    def skips(self, reply: str) -> bool:
        """True when the patient declines to give the detail asked ("skip")."""
        ...

    def correction(self, reply: str, answered: list[str]) -> Correction | None:
        """The correction the reply makes of one of the `answered` question
        slots (the one its words name, else the last answered), with the yes /
        no it states for a yes / no question; None when it names no answered
        question."""
        ...

    def summary(self, slots: Mapping[str, Any]) -> str:
        """What was understood, in this language, for the patient to check."""
        ...

    def written_date(self, day: date) -> str:
        """`day` as this language writes it for a patient."""
        ...

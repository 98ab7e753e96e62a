"""What every language's reader offers: a reply -> the canonical values it
states, or a reason to ask again."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Protocol

from bot.protocol.answers import Reply
from bot.protocol.criteria import Question


class Unreadable(ValueError):
    """The reply could not be read as an answer to the question; `hint` names
    the response that tells the patient what is needed."""

    def __init__(self, hint: str) -> None:
        super().__init__(hint)
        self.hint = hint


class Reader(Protocol):
    """One language's reader."""

    language: str

    def answer(
        self, question: Question, reply: str, today: date, intent: str | None = None
    ) -> tuple[str, ...]:
        """The canonical values `reply` states as an answer to `question`, read
        on `today` (the screening date). Usually one value; several when the
        reply states several facts (the caller settles them or asks again).
        `intent` is the classifier's opinion of the message, if any: where it
        disagrees with the words, the reader asks again. Raises `Unreadable`;
        never returns an empty tuple."""
        ...

    def is_side_request(self, intent: str, reply: str) -> bool:
        """True when the words carry the side request (a greeting, a question
        back, thanks...) the classifier heard as `intent`; False when they
        hold none of its cues, so that a readable answer is taken as one."""
        ...

    def consent(self, reply: str, intent: str | None = None) -> bool:
        """True only for a plain yes, False for a plain no; raises
        `Unreadable` for anything else (a hedge, no words, another language)."""
        ...

    def contact_detail(self, slot: str, reply: str) -> str:
        """The value of contact detail `slot` (contact_name, contact_phone,
        contact_email, contact_time) the reply gives; raises
        bot.referrals.contact.InvalidContact with the reason to ask again."""
        ...

    def skips(self, reply: str) -> bool:
        """True when the patient declines to give the detail asked ("skip")."""
        ...

    def correction_target(self, reply: str, answered: list[str]) -> str | None:
        """Which of the `answered` question slots a correction names, if one."""
        ...

    def correction_reply(self, reply: str) -> Reply | None:
        """The yes / no a correction states for a yes / no question, if it
        states exactly one."""
        ...

    def summary(self, slots: Mapping[str, Any]) -> str:
        """What was understood, in this language, for the patient to check."""
        ...

    def written_date(self, day: date) -> str:
        """`day` as this language writes it for a patient."""
        ...

"""The contact details a patient leaves for the study team.

A `Contact` always has a phone number or an e-mail address; the readers
(bot/reading/) raise `InvalidContact` with one of `REASONS` for anything else.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

REASONS = (
    "no_name",
    "too_long",
    "phone_characters",
    "phone_length",
    "email_format",
    "contact_time",
    "no_phone_or_email",
)


class InvalidContact(ValueError):
    """A contact detail that cannot be used; `reason` is one of REASONS."""

    def __init__(self, reason: str) -> None:
        if reason not in REASONS:
            raise AssertionError(f"undeclared reason {reason}")
        super().__init__(reason)
        self.reason = reason


class ContactTime(str, Enum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"
    ANY = "any"


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str | None
    email: str | None
    preferred_time: ContactTime

    def __post_init__(self) -> None:
        if not (self.phone or self.email):
            raise InvalidContact("no_phone_or_email")

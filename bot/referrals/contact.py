"""The contact details a patient leaves for the study team.

A `Contact` always has a phone number or an e-mail address; the readers
(bot/reading/) raise `InvalidContact` with one of `REASONS` for anything else.
A WeChat ID is extra, never instead of them (the Chinese chat asks for it).
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
    "wechat_id",
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
    wechat: str | None = None
    """A WeChat ID, or the mobile number the WeChat account is found by (also
    when the patient said it is the phone number: "微信同号"); None when not
    given. Last, with a default: drafts written before it existed still load."""

    def __post_init__(self) -> None:
        if not (self.phone or self.email):
            raise InvalidContact("no_phone_or_email")

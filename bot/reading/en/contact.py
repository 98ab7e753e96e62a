"""Reading the contact details a patient types (English chat), validated.

Each reader returns the cleaned value or raises `InvalidContact` with a reason
code; nothing is guessed or silently altered beyond whitespace.
"""

from __future__ import annotations

import re
import unicodedata

from bot.referrals.contact import ContactTime, InvalidContact

MAX_NAME = 100


def _plain(text: str) -> str:
    """NFKC-normalised (full-width digits become ASCII), whitespace of any kind
    collapsed to single spaces, other control and format characters dropped."""
    normal = unicodedata.normalize("NFKC", text)
    kept = "".join(
        " " if ch.isspace() else ch
        for ch in normal
        if ch.isspace() or unicodedata.category(ch)[0] != "C"
    )
    return " ".join(kept.split())


def read_name(text: str) -> str:
    name = _plain(text)
    if not name or not any(ch.isalpha() for ch in name):
        raise InvalidContact("no_name")
    if len(name) > MAX_NAME:
        raise InvalidContact("too_long")
    return name


_PHONE_CHARS = re.compile(r"^\+?[\d\s().\-]+$")


def read_phone(text: str) -> str:
    """International or local number: 7-15 digits, optional leading '+'."""
    raw = _plain(text)
    if not _PHONE_CHARS.match(raw):
        raise InvalidContact("phone_characters")
    digits = re.sub(r"\D", "", raw)
    if not 7 <= len(digits) <= 15:
        raise InvalidContact("phone_length")
    return ("+" if raw.startswith("+") else "") + digits


_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")


def read_email(text: str) -> str:
    email = text.strip()
    if len(email) > 254 or not _EMAIL.match(email):
        raise InvalidContact("email_format")
    return email


_TIMES = (
    (r"morning|before noon", ContactTime.MORNING),
    (r"afternoon|after lunch", ContactTime.AFTERNOON),
    (r"evening|night|after work", ContactTime.EVENING),
    (r"any|whenever|don'?t mind|doesn'?t matter|no preference", ContactTime.ANY),
)
_CLOCK = re.compile(r"\b(\d{1,2})(?::\d{2})?\s*(am|pm|a\.m\.|p\.m\.)")


def _time_of_clock(hour: int, half: str) -> ContactTime | None:
    if not 1 <= hour <= 12:
        return None
    hour = hour % 12 + (12 if half.startswith("p") else 0)
    if hour < 12:
        return ContactTime.MORNING
    return ContactTime.AFTERNOON if hour < 18 else ContactTime.EVENING


def read_contact_time(text: str) -> ContactTime:
    """Morning, afternoon, evening or any, from words or a clock time ('9am')."""
    reply = _plain(text).lower()
    for pattern, time in _TIMES:
        if reply == time.value or re.search(pattern, reply):
            return time
    if clock := _CLOCK.search(reply):
        time_of_day = _time_of_clock(int(clock.group(1)), clock.group(2))
        if time_of_day:
            return time_of_day
    raise InvalidContact("contact_time")


_SKIP = re.compile(
    r"^(skip|no|nope|none|n/?a|-|no thanks|"
    r"i (don'?t|do not) have (one|an? (email|phone)( address| number)?)|"
    r"(i'?d )?rather not|prefer not( to)?)\.?$"
)


def is_skip(text: str) -> bool:
    """True when the patient declines to give this detail ("skip", "none", ...)."""
    return bool(_SKIP.match(" ".join(text.strip().lower().split())))


def read_detail(slot: str, text: str) -> str:
    """The value of contact detail `slot` the text gives (see
    bot.reading.reader.Reader.contact_detail); raises InvalidContact."""
    if slot == "contact_time":
        return read_contact_time(text).value
    readers = {"contact_name": read_name, "contact_phone": read_phone, "contact_email": read_email}
    return readers[slot](text)

"""Reading the contact details a patient types (English chat), validated.

Each reader returns the cleaned value or raises `InvalidContact` with a reason
code; nothing is guessed or silently altered beyond whitespace.
"""

from __future__ import annotations

import re

from bot.reading.contact import plain_text, read_email, read_name, read_phone
from bot.referrals.contact import ContactTime, InvalidContact

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
    reply = plain_text(text).lower()
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

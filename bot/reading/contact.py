"""The contact details every language reads alike: a name, a phone number
in international or local form, an e-mail address. Each reader returns the
cleaned value or raises `InvalidContact` with a reason code; nothing is
guessed or silently altered beyond whitespace."""

from __future__ import annotations

import re
import unicodedata

from bot.referrals.contact import InvalidContact

MAX_NAME = 100


def plain_text(text: str) -> str:
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
    name = plain_text(text)
    if not name or not any(ch.isalpha() for ch in name):
        raise InvalidContact("no_name")
    if len(name) > MAX_NAME:
        raise InvalidContact("too_long")
    return name


_PHONE_CHARS = re.compile(r"^\+?[\d\s().\-]+$")


def read_phone(text: str) -> str:
    """International or local number: 7-15 digits, optional leading '+'."""
    raw = plain_text(text)
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

"""The contact details every language reads alike: a name, a phone number
in international or local form, an e-mail address, the time to call, a
WeChat ID. Each reader returns the cleaned value or raises `InvalidContact`
with a reason code (the chat sends `utter_invalid_<reason>`); nothing is
guessed or altered beyond the label the patient put before it ("my number
is", "手机号: "), spaces and dashes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from bot.reading.wording import NEVER, Wording
from bot.referrals.contact import ContactTime, InvalidContact

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


_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0[1-9]\d{8,10}")  # 0 + area code (2-3 digits) + 7-8 digits
_LANDLINE_WITHOUT_ZERO = re.compile(r"[1-9]\d{8,10}")
_WECHAT_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]{5,19}")
WECHAT_SAME_AS_PHONE = "same_as_phone"
"""The WeChat account is found by the phone number given ("微信同号")."""


@dataclass(frozen=True)
class ContactWords:
    """A language's words for the contact details."""

    wording: Wording
    times: tuple[tuple[str, ContactTime], ...]
    """The words of each time of day ("morning", "下午")."""
    any_time: re.Pattern[str]
    """Any time will do ("whenever", "随时")."""
    clock: re.Pattern[str]
    """A clock time: group `hour`, and group `half` (am / pm) where the
    language writes one."""
    skip: re.Pattern[str]
    """The whole reply declines the detail asked ("skip", "没有邮箱")."""
    label: re.Pattern[str] = NEVER
    """A label before the value ("my number is", "手机号: ")."""
    mainland_numbers: bool = False
    """Switch (zh): a number with +86 or none is checked as a mainland one (an
    11-digit mobile, or a landline with its area code); an English-writing
    patient may be abroad, so only a number's length is checked."""
    same_as_phone: re.Pattern[str] = NEVER
    """The WeChat account is the phone number's ("微信同号"); asked in
    Chinese conversations only."""
    numerals: Callable[[str], str] = lambda text: text
    """Digits for the language's written numbers (下午三点 -> 下午3点)."""


def read_detail(words: ContactWords, slot: str, text: str) -> str:
    """The value of contact detail `slot` the text gives (see
    bot.reading.reader.Reader.contact_detail); raises InvalidContact."""
    if slot == "contact_time":
        return read_contact_time(words, text).value
    if slot == "contact_wechat":
        return read_wechat_id(words, text)
    value = _without_label(words, text)
    if slot == "contact_phone":
        return _checked_phone(words, read_phone(value))
    return read_name(value) if slot == "contact_name" else read_email(value)


def read_contact_time(words: ContactWords, text: str) -> ContactTime:
    """Morning, afternoon, evening or any, from words ("afternoon", "随时") or
    a clock time ("9am", "15点"); two times of day are asked again."""
    reply = words.numerals(words.wording.normalised(text))
    if reply in {time.value for time in ContactTime}:
        return ContactTime(reply)
    named = {time for pattern, time in words.times if re.search(pattern, reply)}
    if len(named) == 1:
        return named.pop()
    if not named and words.any_time.search(reply):
        return ContactTime.ANY
    clock = None if named else words.clock.search(reply)
    if clock and (time := _time_of_clock(clock)) is not None:
        return time
    raise InvalidContact("contact_time")


def is_skip(words: ContactWords, text: str) -> bool:
    """True when the patient declines to give this detail ("skip", "跳过")."""
    return bool(words.skip.match(words.wording.normalised(text).rstrip("。 ")))


def read_wechat_id(words: ContactWords, text: str) -> str:
    """A WeChat ID (6-20 letters, digits, "_" or "-", starting with a letter),
    a mobile number its account is found by, or WECHAT_SAME_AS_PHONE; raises
    InvalidContact("wechat_id")."""
    said = words.wording.normalised(text)
    if words.same_as_phone.search(said) and not re.search(r"\d", said):
        # with a number in it ("手机号就是138...") it is that number, read below
        return WECHAT_SAME_AS_PHONE
    value = _without_label(words, text)
    if _WECHAT_ID.fullmatch(value):
        return value
    digits = re.sub(r"[\s-]", "", value)
    if _MOBILE.fullmatch(digits):
        return digits
    raise InvalidContact("wechat_id")


def _without_label(words: ContactWords, text: str) -> str:
    """The value after a label such as "my number is", without a final full stop."""
    plain = re.sub(r"[。.!\s]+$", "", unicodedata.normalize("NFKC", text))  # case kept: names
    return words.label.sub("", plain.strip(), count=1).strip()


def _checked_phone(words: ContactWords, number: str) -> str:
    """With `mainland_numbers`: a mainland mobile or landline (with +86 or
    without), or a number abroad with its country code."""
    if not words.mainland_numbers:
        return number
    digits = number.lstrip("+")
    if number.startswith("+") or digits.startswith("00"):
        international = digits.removeprefix("00")
        if not international.startswith("86"):
            return number  # abroad: its length only
        national = international[2:]
        if _MOBILE.fullmatch(national) or _LANDLINE.fullmatch(national):
            return number
        if _LANDLINE_WITHOUT_ZERO.fullmatch(national) and national[0] != "1":
            return number  # "+86 351 1234567": the area code without its 0
        raise InvalidContact("phone_length")
    if _MOBILE.fullmatch(digits.removeprefix("86")) or _LANDLINE.fullmatch(digits):
        return number
    raise InvalidContact("phone_length")  # a local number needs its area code


def _time_of_clock(clock: re.Match[str]) -> ContactTime | None:
    """With am / pm, the half of the day it says; without, 7-11 morning,
    12-17 afternoon, 18-22 evening, and 1-6 could be either half of the day,
    so it is not read."""
    hour = int(clock.group("hour"))
    half = (clock.groupdict().get("half") or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.startswith("p") else 0)
        if hour < 12:
            return ContactTime.MORNING
        return ContactTime.AFTERNOON if hour < 18 else ContactTime.EVENING
    if 7 <= hour <= 11:
        return ContactTime.MORNING
    if 12 <= hour <= 17:
        return ContactTime.AFTERNOON
    return ContactTime.EVENING if 18 <= hour <= 22 else None

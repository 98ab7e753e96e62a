"""Contact details for the study team (bot/reading/en/contact.py): cleaned value or a reason."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest

from bot.reading import contact
from bot.reading.contact import MAX_NAME, read_email, read_name, read_phone
from bot.reading.en.contact import WORDS
from bot.referrals.contact import Contact, ContactTime, InvalidContact

is_skip = partial(contact.is_skip, WORDS)
read_contact_time = partial(contact.read_contact_time, WORDS)


def reason_of(read: Callable[[str], object], text: str) -> str:
    with pytest.raises(InvalidContact) as error:
        read(text)
    return error.value.reason


# --- name --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe", "Jane Doe"),
        ("  Jane   Doe \n", "Jane Doe"),
        ("李明", "李明"),
        ("O'Brien-Smith", "O'Brien-Smith"),
        ("Jane 2nd", "Jane 2nd"),
        ("Ja\x00ne", "Jane"),  # control characters are dropped
        ("\x1bJane\x07", "Jane"),
        ("\u200bJane", "Jane"),  # zero-width space (format character)
        ("Jane\u202eDoe", "JaneDoe"),  # right-to-left override
        ("J" * MAX_NAME, "J" * MAX_NAME),
    ],
    ids=repr,
)
def test_read_name(text: str, expected: str) -> None:
    assert read_name(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "no_name"),
        ("   ", "no_name"),
        ("12345", "no_name"),
        ("+86 138", "no_name"),
        ("\x00\x01\x02", "no_name"),
        ("--- ...", "no_name"),
        ("J" * (MAX_NAME + 1), "too_long"),
        ("Jane " * 30, "too_long"),
    ],
    ids=lambda value: repr(value[:20]),
)
def test_read_name_rejects(text: str, reason: str) -> None:
    assert reason_of(read_name, text) == reason


@pytest.mark.parametrize("text", ["Jane\tDoe", "Jane\nDoe", "Jane\r\nDoe"], ids=repr)
def test_whitespace_control_characters_separate_words(text: str) -> None:
    assert read_name(text) == "Jane Doe"


# --- phone -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+86 138 0013 8000", "+8613800138000"),
        ("(010) 1234-5678", "01012345678"),
        ("138.0013.8000", "13800138000"),
        ("+1 (555) 123-4567", "+15551234567"),
        ("  13800138000  ", "13800138000"),
        ("1234567", "1234567"),  # 7 digits, the shortest
        ("123456789012345", "123456789012345"),  # 15 digits, the longest
        ("+123456789012345", "+123456789012345"),
    ],
    ids=repr,
)
def test_read_phone(text: str, expected: str) -> None:
    assert read_phone(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("555-CALL-NOW", "phone_characters"),
        ("138 0013 800O", "phone_characters"),  # letter O for zero
        ("tel: 13800138000", "phone_characters"),
        ("13800138000 ext 12", "phone_characters"),
        ("++8613800138000", "phone_characters"),
        ("86+13800138000", "phone_characters"),
        ("+", "phone_characters"),
        ("", "phone_characters"),
        ("12345", "phone_length"),
        ("123456", "phone_length"),  # 6 digits
        ("1234567890123456", "phone_length"),  # 16 digits
        ("+1 (555) 123-4567 890 12", "phone_length"),
        ("() - .", "phone_length"),
    ],
    ids=repr,
)
def test_read_phone_rejects(text: str, reason: str) -> None:
    assert reason_of(read_phone, text) == reason


# --- email -------------------------------------------------------------------

LOCAL_PART_FOR_254 = "a" * (254 - len("@example.com"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jane.doe@example.com", "jane.doe@example.com"),
        (" jane@example.org ", "jane@example.org"),
        ("JANE+trial@Sub.Example.co.uk", "JANE+trial@Sub.Example.co.uk"),
        ("li_ming-1%x@mail-host.cn", "li_ming-1%x@mail-host.cn"),
        (f"{LOCAL_PART_FOR_254}@example.com", f"{LOCAL_PART_FOR_254}@example.com"),
    ],
    ids=lambda value: repr(value[:30]),
)
def test_read_email(text: str, expected: str) -> None:
    assert read_email(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "jane",
        "jane@",
        "@example.com",
        "jane@example",
        "jane doe@example.com",
        "jane@@example.com",
        "jane@example..com",
        "a@b.c",
        "jane@example.c0m",
        "jane@exa mple.com",
        "<jane@example.com>",
        f"a{LOCAL_PART_FOR_254}@example.com",  # 255 characters
    ],
    ids=lambda value: repr(value[:30]),
)
def test_read_email_rejects(text: str) -> None:
    assert reason_of(read_email, text) == "email_format"


# --- preferred time ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("morning", ContactTime.MORNING),
        ("Mornings please", ContactTime.MORNING),
        ("9 am", ContactTime.MORNING),
        ("before noon", ContactTime.MORNING),
        ("afternoon", ContactTime.AFTERNOON),
        ("in the afternoon", ContactTime.AFTERNOON),
        ("after lunch", ContactTime.AFTERNOON),
        ("2 pm", ContactTime.AFTERNOON),
        ("evening", ContactTime.EVENING),
        ("after work", ContactTime.EVENING),
        ("at night", ContactTime.EVENING),
        ("any", ContactTime.ANY),
        ("ANY", ContactTime.ANY),
        ("any time", ContactTime.ANY),
        ("whenever", ContactTime.ANY),
        ("I don't mind", ContactTime.ANY),
        ("doesn't matter", ContactTime.ANY),
        ("no preference", ContactTime.ANY),
    ],
    ids=repr,
)
def test_read_contact_time(text: str, expected: ContactTime) -> None:
    assert read_contact_time(text) is expected


@pytest.mark.parametrize("text", ["", "tuesday", "soon", "asap please"], ids=repr)
def test_read_contact_time_rejects(text: str) -> None:
    assert reason_of(read_contact_time, text) == "contact_time"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("9am", ContactTime.MORNING), ("2pm", ContactTime.AFTERNOON)],
    ids=repr,
)
def test_read_contact_time_clock_times_without_space(text: str, expected: ContactTime) -> None:
    assert read_contact_time(text) is expected


# --- skip --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("skip", True),
        ("  SKIP  ", True),
        ("Skip.", True),
        ("no", True),
        ("nope", True),
        ("none", True),
        ("n/a", True),
        ("na", True),
        ("-", True),
        ("no thanks", True),
        ("I don't have one", True),
        ("i dont have an email", True),
        ("I don't have an email address", True),
        ("I do not have a phone number", True),
        ("rather not", True),
        ("I'd rather not", True),
        ("prefer not", True),
        ("prefer not to", True),
        ("", False),
        ("jane@example.com", False),
        ("+86 138 0013 8000", False),
        ("no email but my phone is 13800138000", False),
        ("skipping lunch", False),
    ],
    ids=repr,
)
def test_is_skip(text: str, expected: bool) -> None:
    assert is_skip(text) is expected


# --- Contact -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("phone", "email"),
    [(None, None), ("", ""), ("", None), (None, "")],
    ids=["none", "empty-strings", "empty-phone", "empty-email"],
)
def test_contact_needs_a_phone_or_an_email(phone: str | None, email: str | None) -> None:
    with pytest.raises(InvalidContact) as error:
        Contact("Jane Doe", phone, email, ContactTime.ANY)
    assert error.value.reason == "no_phone_or_email"


@pytest.mark.parametrize(
    ("phone", "email"),
    [("+8613800138000", None), (None, "jane@example.com"), ("+8613800138000", "jane@example.com")],
    ids=["phone-only", "email-only", "both"],
)
def test_contact_with_a_phone_or_an_email(phone: str | None, email: str | None) -> None:
    contact = Contact("Jane Doe", phone, email, ContactTime.EVENING)
    assert (contact.name, contact.phone, contact.email, contact.preferred_time) == (
        "Jane Doe",
        phone,
        email,
        ContactTime.EVENING,
    )


def test_invalid_contact_is_a_value_error_with_its_reason() -> None:
    error = InvalidContact("phone_length")
    assert isinstance(error, ValueError)
    assert error.reason == "phone_length"


@pytest.mark.parametrize("text", ["morning or afternoon", "evenings, or mornings at weekends"])
def test_two_times_of_day_are_asked_again_as_in_chinese(text: str) -> None:
    assert reason_of(read_contact_time, text) == "contact_time"


@pytest.mark.parametrize(
    ("slot", "text", "value"),
    [
        ("contact_phone", "my number is +86 138 0013 8000", "+8613800138000"),
        ("contact_name", "My name is Jane Doe.", "Jane Doe"),
        ("contact_email", "email: jane@example.com", "jane@example.com"),
        ("contact_name", "Isabel Ng", "Isabel Ng"),  # no label: "Is" stays
    ],
)
def test_a_label_before_the_detail_is_dropped_as_in_chinese(
    slot: str, text: str, value: str
) -> None:
    assert contact.read_detail(WORDS, slot, text) == value

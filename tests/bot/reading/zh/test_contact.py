# Patients type full-width punctuation: the cases keep it as typed.
# ruff: noqa: RUF001
"""Reading contact details in Chinese formats (bot/reading/contact.py, Chinese words)."""

from __future__ import annotations

from functools import partial

import pytest

from bot.reading import contact
from bot.reading.contact import WECHAT_SAME_AS_PHONE
from bot.reading.zh.contact import WORDS
from bot.referrals.contact import ContactTime, InvalidContact

is_skip = partial(contact.is_skip, WORDS)
read_contact_time = partial(contact.read_contact_time, WORDS)
read_name = partial(contact.read_detail, WORDS, "contact_name")
read_phone = partial(contact.read_detail, WORDS, "contact_phone")
read_email = partial(contact.read_detail, WORDS, "contact_email")
read_wechat_id = partial(contact.read_wechat_id, WORDS)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("张伟", "张伟"),
        ("我叫张伟", "张伟"),
        ("姓名：李娜。", "李娜"),
        ("欧阳娜娜", "欧阳娜娜"),
        ("买买提·艾力", "买买提·艾力"),
        ("Li Wei", "Li Wei"),  # case kept
        ("陳大文", "陳大文"),  # a name in traditional characters is not changed
    ],
)
def test_read_name(text: str, name: str) -> None:
    assert read_name(text) == name


@pytest.mark.parametrize(
    ("text", "reason"), [("", "no_name"), ("？", "no_name"), ("张" * 101, "too_long")]
)
def test_read_name_refuses(text: str, reason: str) -> None:
    with pytest.raises(InvalidContact) as raised:
        read_name(text)
    assert raised.value.reason == reason


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("+86 138 0013 8000", "+8613800138000"),
        ("138 0013 8000", "13800138000"),
        ("13800138000", "13800138000"),
        ("我的手机号是138-0013-8000", "13800138000"),
        ("电话：１３８００１３８０００", "13800138000"),  # full-width digits
        ("0351-1234567", "03511234567"),  # a Taiyuan landline
        ("(0351) 12345678", "035112345678"),
        ("010-12345678", "01012345678"),
        ("+86 351 1234567", "+863511234567"),
        ("86 13800138000", "8613800138000"),
        ("+1 415 555 0100", "+14155550100"),  # abroad: the English checks
    ],
)
def test_read_phone(text: str, phone: str) -> None:
    assert read_phone(text) == phone


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1234567", "phone_length"),  # a local number without its area code
        ("12800138000", "phone_length"),  # no mobile starts 12
        ("1380013800", "phone_length"),  # ten digits
        ("138001380001", "phone_length"),
        ("+86 12345", "phone_length"),
        ("138abc", "phone_characters"),
        ("没有", "phone_characters"),
    ],
)
def test_read_phone_refuses(text: str, reason: str) -> None:
    with pytest.raises(InvalidContact) as raised:
        read_phone(text)
    assert raised.value.reason == reason


@pytest.mark.parametrize(
    ("text", "email"),
    [("邮箱：li@example.com", "li@example.com"), ("12345@qq.com", "12345@qq.com")],
)
def test_read_email(text: str, email: str) -> None:
    assert read_email(text) == email


def test_read_email_refuses() -> None:
    with pytest.raises(InvalidContact):
        read_email("李@例子")


@pytest.mark.parametrize(
    ("text", "wechat"),
    [
        ("微信号：ZhangWei_1985", "ZhangWei_1985"),
        ("zw-123456", "zw-123456"),
        ("138 0013 8000", "13800138000"),  # found by the phone number
        ("微信同号", WECHAT_SAME_AS_PHONE),
        ("和手机号一样", WECHAT_SAME_AS_PHONE),
        ("电话就是微信号", WECHAT_SAME_AS_PHONE),
        ("跟我的电话号码一样", WECHAT_SAME_AS_PHONE),
        ("微信就是我的手机号", WECHAT_SAME_AS_PHONE),
        ("Same as my phone", WECHAT_SAME_AS_PHONE),
        ("same", WECHAT_SAME_AS_PHONE),
        ("sameday_2020", "sameday_2020"),  # an ID that begins with "same"
        ("手机号就是13800138000", "13800138000"),  # the number typed, not "the same"
    ],
)
def test_read_wechat_id(text: str, wechat: str) -> None:
    assert read_wechat_id(text) == wechat


@pytest.mark.parametrize("text", ["张伟", "ab1", "1abcdef", "a" * 21, ""])
def test_read_wechat_id_refuses(text: str) -> None:
    with pytest.raises(InvalidContact, match="wechat_id"):
        read_wechat_id(text)


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("上午", ContactTime.MORNING),
        ("早上九点", ContactTime.MORNING),
        ("9点", ContactTime.MORNING),
        ("下午三点", ContactTime.AFTERNOON),
        ("15点", ContactTime.AFTERNOON),
        ("14:30", ContactTime.AFTERNOON),
        ("晚上", ContactTime.EVENING),
        ("下班以后", ContactTime.EVENING),
        ("随时都可以", ContactTime.ANY),
        ("any", ContactTime.ANY),  # a button's value
    ],
)
def test_read_contact_time(text: str, time: ContactTime) -> None:
    assert read_contact_time(text) == time


@pytest.mark.parametrize("text", ["3点", "上午或者下午", "明天", ""])
def test_read_contact_time_refuses(text: str) -> None:
    with pytest.raises(InvalidContact):
        read_contact_time(text)


@pytest.mark.parametrize(
    ("text", "skip"),
    [
        ("跳过", True),
        ("没有邮箱", True),
        ("不想给。", True),
        ("张伟", False),
        ("没有问题", False),
        ("我没有微信", True),
        ("没用微信", True),
        ("我的微信", False),
    ],
)
def test_is_skip(text: str, skip: bool) -> None:
    assert is_skip(text) is skip

"""Reading the contact details a Chinese patient types, validated.

The same contract as bot/reading/en/contact.py: each reader returns the
cleaned value or raises `InvalidContact` with a reason code (the chat sends
`utter_invalid_<reason>`); nothing is guessed or altered beyond the label the
patient put before it ("手机号: "), spaces and dashes. Chinese formats are
checked as such: a mainland number (+86, or none) is an 11-digit mobile
(1[3-9]...) or a landline with its area code (0351-1234567); a number abroad
(another country code) gets the English checks.

A WeChat ID is read too (`read_wechat_id`): the contact form asks for it in
Chinese conversations, after the phone (actions/contact_form.py).
"""

from __future__ import annotations

import re
import unicodedata

from bot.reading.contact import read_email as read_plain_email
from bot.reading.contact import read_name as read_plain_name
from bot.reading.contact import read_phone as read_plain_phone
from bot.reading.zh.numerals import arabic
from bot.reading.zh.wording import WORDING
from bot.referrals.contact import ContactTime, InvalidContact

_LABEL = re.compile(
    r"^(我的|我|本人)?(的)?(名字|姓名|全名|手机号码|手机号|手机|电话号码|电话|联系电话|联系方式|座机|"
    r"号码|邮箱地址|邮箱|电子邮箱|电子邮件|email|e-mail|微信号|微信|微信id)?(就是|是|叫|为)?\s*:?\s*",
    re.IGNORECASE,
)
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0[1-9]\d{8,10}")  # 0 + area code (2-3 digits) + 7-8 digits
_LANDLINE_WITHOUT_ZERO = re.compile(r"[1-9]\d{8,10}")


def _without_label(text: str) -> str:
    """The value after a label such as "我的手机号是", without a final full stop."""
    plain = re.sub(r"[。.!\s]+$", "", unicodedata.normalize("NFKC", text))  # case kept: names
    return _LABEL.sub("", plain.strip(), count=1).strip()


def read_name(text: str) -> str:
    """The name to use: "张伟", "我叫张伟" -> "张伟", "欧阳娜娜", "买买提·艾力"."""
    return read_plain_name(_without_label(text))


def read_phone(text: str) -> str:
    """A mainland mobile or landline (with +86 or without), or a number
    abroad with its country code; digits only, "+" kept as typed."""
    number = read_plain_phone(_without_label(text))  # characters and 7-15 digits
    digits = number.lstrip("+")
    if number.startswith("+") or digits.startswith("00"):
        international = digits.removeprefix("00")
        if not international.startswith("86"):
            return number  # abroad: the English checks only
        national = international[2:]
        if _MOBILE.fullmatch(national) or _LANDLINE.fullmatch(national):
            return number
        if _LANDLINE_WITHOUT_ZERO.fullmatch(national) and national[0] != "1":
            return number  # "+86 351 1234567": the area code without its 0
        raise InvalidContact("phone_length")
    if _MOBILE.fullmatch(digits.removeprefix("86")) or _LANDLINE.fullmatch(digits):
        return number
    raise InvalidContact("phone_length")  # a local number needs its area code


def read_email(text: str) -> str:
    """An e-mail address, also after a label ("邮箱: li@example.com")."""
    return read_plain_email(_without_label(text))


WECHAT_SAME_AS_PHONE = "same_as_phone"
"""The WeChat account is found by the phone number given ("微信同号")."""
_WECHAT_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]{5,19}")
_SAME_AS_PHONE = re.compile(
    r"同号|同手机|同电话|[和跟与](我的)?(手机|电话)(号码?)?(一样|相同)|就是(我的)?(手机|电话)号|"
    r"(手机|电话)(号码?)?就是|"
    r"^same( number| as (my )?(phone|mobile)( number)?)?[.!]?$"  # mixed in, like "skip"
)


class InvalidWeChatId(ValueError):
    """A WeChat ID that cannot be one; the chat sends `utter_invalid_wechat_id`."""

    reason = "wechat_id"


def read_wechat_id(text: str) -> str:
    """A WeChat ID (6-20 letters, digits, "_" or "-", starting with a letter),
    a mobile number its account is found by, or WECHAT_SAME_AS_PHONE."""
    said = WORDING.normalised(text)
    if _SAME_AS_PHONE.search(said) and not re.search(r"\d", said):
        # with a number in it ("手机号就是138...") it is that number, read below
        return WECHAT_SAME_AS_PHONE
    value = _without_label(text)
    if _WECHAT_ID.fullmatch(value):
        return value
    digits = re.sub(r"[\s-]", "", value)
    if _MOBILE.fullmatch(digits):
        return digits
    raise InvalidWeChatId(value)


_TIMES = (
    (r"上午|早上|早晨|早点|中午(以)?前|午饭前", ContactTime.MORNING),
    (r"下午|午后|中午(以)?后|午饭后", ContactTime.AFTERNOON),
    (r"晚上|傍晚|夜里|下班(以)?后|晚饭后", ContactTime.EVENING),
)
_ANY = re.compile(r"都可以|都行|随时|任何时(间|候)|什么时候都|无所谓|都方便|哪个时间都|全天")
_CLOCK = re.compile(r"(\d{1,2})(点|:\d\d|时)")


def read_contact_time(text: str) -> ContactTime:
    """Morning, afternoon, evening or any, from words ("下午", "随时") or a
    clock time ("15点", "下午三点"); two times of day are asked again."""
    reply = arabic(WORDING.normalised(text))
    if reply in {time.value for time in ContactTime}:
        return ContactTime(reply)
    named = {time for pattern, time in _TIMES if re.search(pattern, reply)}
    if len(named) == 1:
        return named.pop()
    if not named and _ANY.search(reply):
        return ContactTime.ANY
    clock = None if named else _CLOCK.search(reply)
    if clock and (time := _time_of_clock(int(clock.group(1)))) is not None:
        return time
    raise InvalidContact("contact_time")


def _time_of_clock(hour: int) -> ContactTime | None:
    """A clock hour without 上午 / 下午: 7-11 morning, 12-17 afternoon, 18-22
    evening; 1-6 could be either half of the day, so it is not read."""
    if 7 <= hour <= 11:
        return ContactTime.MORNING
    if 12 <= hour <= 17:
        return ContactTime.AFTERNOON
    return ContactTime.EVENING if 18 <= hour <= 22 else None


_SKIP = re.compile(
    r"^(我)?(跳过|没有|没|无|不想给|不想留|不留|不给|不填|不方便|不用了|算了|不用|没有邮箱|没邮箱|"
    r"没有电子邮箱|没有微信|没有微信号|没微信|不用微信|没用微信|不想说|skip)(了)?[.!]?$"
)


def is_skip(text: str) -> bool:
    """True when the patient declines to give this detail ("跳过", "没有邮箱", ...)."""
    return bool(_SKIP.match(WORDING.normalised(text).rstrip("。 ")))


def read_detail(slot: str, text: str) -> str:
    """The value of contact detail `slot` the text gives (see
    bot.reading.reader.Reader.contact_detail); raises InvalidContact."""
    if slot == "contact_time":
        return read_contact_time(text).value
    readers = {"contact_name": read_name, "contact_phone": read_phone, "contact_email": read_email}
    return readers[slot](text)

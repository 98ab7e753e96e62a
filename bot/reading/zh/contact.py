"""The Chinese words for the contact details (the rules: bot/reading/contact.py):
the labels patients put before a value ("手机号: "), the times of day, "微信同号"."""

from __future__ import annotations

import re

from bot.reading.contact import ContactWords
from bot.reading.zh.numerals import arabic
from bot.reading.zh.wording import WORDING
from bot.referrals.contact import ContactTime

_LABEL = re.compile(
    r"^(我的|我|本人)?(的)?(名字|姓名|全名|手机号码|手机号|手机|电话号码|电话|联系电话|联系方式|座机|"
    r"号码|邮箱地址|邮箱|电子邮箱|电子邮件|email|e-mail|微信号|微信|微信id)?(就是|是|叫|为)?\s*:?\s*",
    re.IGNORECASE,
)
_SAME_AS_PHONE = re.compile(
    r"同号|同手机|同电话|[和跟与](我的)?(手机|电话)(号码?)?(一样|相同)|就是(我的)?(手机|电话)号|"
    r"(手机|电话)(号码?)?就是|"
    r"^same( number| as (my )?(phone|mobile)( number)?)?[.!]?$"  # mixed in, like "skip"
)
_TIMES = (
    (r"上午|早上|早晨|早点|中午(以)?前|午饭前", ContactTime.MORNING),
    (r"下午|午后|中午(以)?后|午饭后", ContactTime.AFTERNOON),
    (r"晚上|傍晚|夜里|下班(以)?后|晚饭后", ContactTime.EVENING),
)
_ANY = re.compile(r"都可以|都行|随时|任何时(间|候)|什么时候都|无所谓|都方便|哪个时间都|全天")
_SKIP = re.compile(
    r"^(我)?(跳过|没有|没|无|不想给|不想留|不留|不给|不填|不方便|不用了|算了|不用|没有邮箱|没邮箱|"
    r"没有电子邮箱|没有微信|没有微信号|没微信|不用微信|没用微信|不想说|skip)(了)?[.!]?$"
)

WORDS = ContactWords(
    wording=WORDING,
    times=_TIMES,
    any_time=_ANY,
    clock=re.compile(r"(?P<hour>\d{1,2})(点|:\d\d|时)"),
    skip=_SKIP,
    label=_LABEL,
    mainland_numbers=True,
    same_as_phone=_SAME_AS_PHONE,
    numerals=arabic,
)

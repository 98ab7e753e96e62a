"""The Chinese words for "not sure" and "still taking it" (the rules:
bot/reading/replies.py)."""

from __future__ import annotations

import re

from bot.reading.replies import ReplyWords
from bot.reading.zh.wording import WORDING

_UNSURE = re.compile(
    r"不确定|不太确定|不清楚|不太清楚|不知道|不晓得|不记得|记不清|记不得|记不太清|想不起|忘了|忘记|"
    r"说不准|说不好|不好说|说不清|没印象|搞不清|弄不清|不(太|大|是很|很)(清楚|确定|记得)"
)


_STILL_GOING = re.compile(
    r"还在(吃|用|打|输|治疗|服|参加|试验|研究|项目|进行|随访)|正在(吃|用|打|输|治疗|服|参加|进行)|"
    r"目前(还)?在|现在(还)?在|一直在|至今|进行中|随访中|治疗中|在吃着|吃着呢|用着呢|今天还在|"
    r"(明天|后天|过几天|下周|下个月)(才)?(结束|停|吃完|用完)|^还在(呢|的|参加|进行)?$"
)
_NOT_ENDED = re.compile(
    r"(还)?没(有)?(结束|停|完|吃完|用完|打完|做完|治疗完|出组)|尚未(结束|停)|未结束"
)
_ENDED = re.compile(r"没在|不在|没有在|已经停|停了|结束了|不吃了|没吃了|没有吃")

WORDS = ReplyWords(
    wording=WORDING,
    unsure=_UNSURE,
    still_going=_STILL_GOING,
    not_ended=_NOT_ENDED,
    negation=_ENDED,
    ended=_ENDED,
)

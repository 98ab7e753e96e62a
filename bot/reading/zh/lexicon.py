"""The Chinese lexicon: every part of bot/reading/zh/ as the reader needs it."""

from __future__ import annotations

import re

from bot.protocol.answers import Reply
from bot.reading.lexicon import Lexicon
from bot.reading.yes_no import YesNoQuestion
from bot.reading.zh import choices, contact, corrections, replies, side_requests, summary
from bot.reading.zh.dates import PARSER
from bot.reading.zh.subjects import SUBJECTS
from bot.reading.zh.wording import WORDING
from bot.reading.zh.yes_no import WORDS

CONSENT = YesNoQuestion(
    r"(你|您)?(问|开始|继续)|可以|好|行|同意|愿意|希望|"
    r"(让|请)?(研究团队|团队|工作人员|医生|他们|你们)?(来)?(联系|打电话给?)(我)?|来吧|接着|没问题",
    statements=((r"以后|改天|下次|不方便|不用了|算了|不要|拒绝|^不想", Reply.NO),),
)

LEXICON = Lexicon(
    language="zh",
    wording=WORDING,
    yes_no=WORDS,
    subjects=SUBJECTS,
    consent=CONSENT,
    choices=choices.WORDS,
    replies=replies.WORDS,
    dates=PARSER,
    side_requests=side_requests.WORDS,
    corrections=corrections.WORDS,
    summary=summary.WORDS,
    contact=contact.WORDS,
    hands_latin_to="en",
    latin_answers=re.compile(
        r"(ok|okay|sle|ssc|crest|anca|gpa|mpa|egpa|hiv|car-?t|cart|ild|jo-?1|mda-?5|mi-?2|tif-?1\w*|"
        r"nxp-?2|srp|hmgcr|pl-?7|pl-?12|tppa|rpr)\s*(\(\s*[+-]\s*\)|[+-])?[.!~ ]*"
    ),
)

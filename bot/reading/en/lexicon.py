"""The English lexicon: every part of bot/reading/en/ as the reader needs it."""

from __future__ import annotations

import re

from bot.protocol.answers import Reply
from bot.reading.en import choices, contact, corrections, replies, side_requests, summary
from bot.reading.en.dates import parse_birth, parse_past_date
from bot.reading.en.subjects import SUBJECTS
from bot.reading.en.wording import WORDING
from bot.reading.en.yes_no import WORDS
from bot.reading.language import Script
from bot.reading.lexicon import DateWords, Lexicon
from bot.reading.yes_no import YesNoQuestion

CONSENT = YesNoQuestion(
    r"questions?|ask( me)?|go ahead|start|begin|proceed|continue|contact(ed)?|call( me)?|"
    r"ring|email|phone|happy to|fine by me|let'?s go|let'?s do it|go on",
    statements=((r"not (right )?now|another time|not today|maybe later|no thanks", Reply.NO),),
)
_NUMBER_WORD = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|couple|few|several"
)
_MONTH = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"

LEXICON = Lexicon(
    language="en",
    wording=WORDING,
    yes_no=WORDS,
    subjects=SUBJECTS,
    consent=CONSENT,
    choices=choices.WORDS,
    replies=replies.WORDS,
    dates=DateWords(
        parse_birth=parse_birth,
        parse_past_date=parse_past_date,
        doubt=re.compile(
            r"\b(i think|i thought|i believe|i guess|i suppose|i reckon|maybe|perhaps|probably|"
            r"possibly|might (have|be)|not (quite |too |so )?sure|if i remember|or so i think)\b"
        ),
        time_word=re.compile(
            rf"\d|\b({_NUMBER_WORD}|years?|months?|weeks?|days?|ago|since|born|birthday|"
            rf"yesterday|today|tonight|tomorrow|recently|lately|"
            rf"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
            rf"spring|summer|autumn|fall|winter|christmas|easter|({_MONTH})\w*)\b"
        ),
    ),
    side_requests=side_requests.WORDS,
    corrections=corrections.WORDS,
    summary=summary.WORDS,
    contact=contact.WORDS,
    foreign=frozenset({Script.CJK}),
)

"""The English lexicon: every part of bot/reading/en/ as the reader needs it."""

from __future__ import annotations

from bot.protocol.answers import Reply
from bot.reading.en import choices, contact, corrections, replies, side_requests, summary
from bot.reading.en.dates import PARSER
from bot.reading.en.subjects import SUBJECTS
from bot.reading.en.wording import WORDING
from bot.reading.en.yes_no import WORDS
from bot.reading.language import Script
from bot.reading.lexicon import Lexicon
from bot.reading.yes_no import YesNoQuestion

CONSENT = YesNoQuestion(
    r"questions?|ask( me)?|go ahead|start|begin|proceed|continue|contact(ed)?|call( me)?|"
    r"ring|email|phone|happy to|fine by me|let'?s go|let'?s do it|go on",
    statements=((r"not (right )?now|another time|not today|maybe later|no thanks", Reply.NO),),
)
LEXICON = Lexicon(
    language="en",
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
    foreign=frozenset({Script.CJK}),
)

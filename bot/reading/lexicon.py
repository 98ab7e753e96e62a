"""All a language gives its reader: its words for every part of reading,
and its named switches (docs/architecture.md lists each and why it differs).

The shape is dateutil's `parser` with its `parserinfo`: the rules are one
(bot/reading/languages.py and the modules it calls); a language is data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from bot.reading.choices import ChoiceWords
from bot.reading.contact import ContactWords
from bot.reading.corrections import CorrectionWords
from bot.reading.date_parser import DateParser
from bot.reading.language import Script
from bot.reading.replies import ReplyWords
from bot.reading.side_requests import SideRequestWords
from bot.reading.summary import SummaryWords
from bot.reading.wording import NEVER, Wording
from bot.reading.yes_no import YesNoQuestion, YesNoWords


@dataclass(frozen=True)
class Lexicon:
    """One language, as its reader needs it."""

    language: str
    wording: Wording
    yes_no: YesNoWords
    subjects: Mapping[str, YesNoQuestion]
    """The yes / no question of each slot."""
    consent: YesNoQuestion
    choices: ChoiceWords
    replies: ReplyWords
    dates: DateParser
    side_requests: SideRequestWords
    corrections: CorrectionWords
    summary: SummaryWords
    contact: ContactWords
    foreign: frozenset[Script] = frozenset()
    """Switch (en): scripts this language's reader never reads as an answer
    (Chinese characters in an English reader; the conversation switches to
    Chinese as soon as a patient writes one, bot/reading/language.py)."""
    hands_latin_to: str = ""
    """Switch (zh): the language whose reader reads a reply in Latin words;
    a Chinese conversation's "No, but I had CAR-T" is English."""
    latin_answers: re.Pattern[str] = NEVER
    """With `hands_latin_to`: the Latin words this language writes as its own
    answer ("ok", "SLE", "GPA"), read here."""

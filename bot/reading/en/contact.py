"""The English words for the contact details (the rules: bot/reading/contact.py)."""

from __future__ import annotations

import re

from bot.reading.contact import ContactWords
from bot.reading.en.wording import WORDING
from bot.referrals.contact import ContactTime

WORDS = ContactWords(
    wording=WORDING,
    times=(
        (r"morning|before noon", ContactTime.MORNING),
        (r"afternoon|after lunch", ContactTime.AFTERNOON),
        (r"evening|night|after work", ContactTime.EVENING),
    ),
    any_time=re.compile(r"any|whenever|don'?t mind|doesn'?t matter|no preference"),
    clock=re.compile(r"\b(?P<hour>\d{1,2})(?::\d{2})?\s*(?P<half>am|pm|a\.m\.|p\.m\.)"),
    skip=re.compile(
        r"^(skip|no|nope|none|n/?a|-|no thanks|"
        r"i (don'?t|do not) have (one|an? (email|phone)( address| number)?)|"
        r"(i'?d )?rather not|prefer not( to)?)\.?$"
    ),
    label=re.compile(
        r"^(my )?(full name|name|phone number|mobile number|mobile|phone|number|"
        r"email address|email|e-mail)\s*(is\b|:)\s*",
        re.IGNORECASE,
    ),
)

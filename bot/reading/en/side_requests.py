"""Whether an English message really carries the side request the intent
classifier heard, or is an answer it mistook for one.

"I'm in a belimumab study right now" is no greeting, and "on amoxicillin for a
chest infection" asks nothing about risks: when the words hold none of the
request's cues and the question's reader can read them, they are an answer.
"""

from __future__ import annotations

import re

from bot.reading.en.wording import is_question, normalised

CUES: dict[str, str] = {
    "greet": r"^(hi+|hello|hey|hiya|howdy|good (morning|afternoon|evening|day)|morning|"
    r"evening|yo|greetings)\b|\bi'?m back\b|\bback again\b",
    "thank": r"\b(thanks?|thank you|thx|ty|cheers|ta|appreciate)\b",
    "goodbye": r"\b(bye|goodbye|see you|see ya|later|good night|gotta go|have to go|cya)\b",
    "ask_why": r"\bwhy\b|\breason\b|what for|how come|what does (it|that) matter",
    "ask_what_is_cart": r"what (is|are|'?s)|explain|mean",
    "ask_location": r"\bwhere\b|location|address|hospital|taiyuan|city|travel|how far|get there",
    "ask_risks": r"\brisks?\b|side.?effects?|danger|safe|harm|hurt",
    "ask_cost": r"\bcost|pay|money|free|price|expens|fee|charge|insurance",
    "ask_duration": r"how long|duration|how many (weeks|months|days|visits)|take long",
    "ask_eligibility_reason": r"why (not|can'?t|am i not)|eligib|qualif",
}
"""The words each side request is made of; out_of_scope and nlu_fallback
have none: any readable answer wins over them."""


def carries_side_request(intent: str, text: str) -> bool:
    """True when the message holds the cues of `intent`'s side request, or
    asks something back."""
    plain = normalised(text)
    cue = CUES.get(intent)
    return is_question(plain) or bool(cue and re.search(cue, plain))

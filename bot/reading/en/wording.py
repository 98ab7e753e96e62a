"""The English words for cutting a reply (the rules: bot/reading/wording.py):
what joins or opposes two facts, who else a clause may speak of, what asks
something back."""

from __future__ import annotations

import re

from bot.reading.wording import Wording

# Curly and accent quotes as typed on phones, straightened.
_QUOTES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u201c": '"', "\u201d": '"'}
)

# Between two facts: punctuation, and the words that join or oppose them.
_CLAUSE_BREAK = re.compile(
    r"[.;!?\n]+|,|\s+-+\s+|"
    r"\b(?:but|however|though|although|except|apart from|other than|whereas|yet|"
    r"and then|and also|also|plus|and(?= (?:no|not|never)\b))\b"
)
# A short clause ending in "?": something asked back, not stated.
_ASKED_BACK = re.compile(r"(^|[.,;!]\s*)[^.,;!?]{1,40}\?+")
# A leading yes or no said before the statement: "no I don't", "yes, I did".
_LEADING = re.compile(
    r"^(yes|yeah|yep|yup|yea|ya|no|nope|nah|never|sure|okay|ok)\b"
    r"(?:\s*,\s*|\s+(?=(i|i'm|i've|i'd|i'll|im|ive|it|that|we|thanks|thank|sorry|please|"
    r"definitely|absolutely|never|not|none|of course|mate)\b))"
)

RELATIVES = (
    r"ex|ex-husband|ex-wife|mum|mom|mother|mama|dad|father|papa|sister|brother|son|daughter|husband|wife|partner|"
    r"boyfriend|girlfriend|fianc[eé]e?|friend|aunt|auntie|uncle|cousin|niece|nephew|grandma|"
    r"granny|grandmother|grandpa|grandfather|grandson|granddaughter|child|children|kid|kids|"
    r"baby|family|relative|neighbou?r|colleague|coworker|roommate|in-?laws?|sibling|parent|"
    r"parents|twin|spouse"
)
_SOMEONE_ELSE = re.compile(
    rf"\b(my|his|her|our|their)\s+(\w+\s+)?({RELATIVES})('s)?\s+(?=([\w-]+\s+)?"
    r"(has|had|have|is|was|were|got|gets|does|did|'s|says|said|could|can|died|dies|passed)\b)|"
    r"^(he|she|someone|somebody|a friend)\b|\b(he|she) (?=(has|had|is|was|did|got)\b)"
)
"""Another person as the subject of what follows; the fact is not part of the match."""
WISH = re.compile(
    r"\b(i'?d (love|like) to (say|have|be)|i wish|if only|wish i (had|could|was)|"
    r"would be (nice|great|lovely)|as if (i|i'?d|i could)|i'?d give anything|dream of)\b"
)
"""A wish, a conditional or sarcasm ("I'd love to say fully active, ha", "as
if I could afford CAR-T"): no statement of fact."""
NOT = r"\b(do|does|did|have|has|had|is|are|was|were|ca|could|would|wo|should|ai|need|must)n'?t\b"
"""A negated auxiliary ("didn't", "havent", "can't"); never any word ending in
"nt" ("pregnant", "joint")."""
_FIRST_PERSON = re.compile(r"\b(i|i'm|i've|i'd|i'll|im|ive|me|myself)\b")
_PROXY = re.compile(
    r"\b(fill(ing|ed)?|answer(ing|ed)?|asking|doing|completing|typing|writing|applying|"
    r"enquiring|inquiring|this is|i'?m here|i am here)\b.{0,20}?\b(for|on behalf of)\s+"
    rf"(my|our)\s+(\w+\s+)?({RELATIVES})\b"
)
"""Someone answering for the patient: "I'm filling this in for my mum"."""


PARTNER = r"husband|partner|boyfriend|fianc[eé]e?|spouse|wife|girlfriend"
_COUPLES_FACT = re.compile(
    rf"\b({PARTNER})('s)?\b.{{0,30}}\b(vasectomy|snipped|sterili[sz]ed|condoms?)\b"
)
"""Contraception is the couple's: "my husband had a vasectomy" speaks of the
patient too."""

WORDING = Wording(
    folding=_QUOTES,
    replacements=(),
    clause_break=_CLAUSE_BREAK,
    asked_back=_ASKED_BACK,
    someone_else=_SOMEONE_ELSE,
    couples_fact=_COUPLES_FACT,
    first_person=_FIRST_PERSON,
    proxy=_PROXY,
    question_end=re.compile(r"\?$"),
    question_word=re.compile(r"^(what|why|how|who|which|where|when)\b"),
    leading=_LEADING,
)

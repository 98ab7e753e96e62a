"""How English replies are cut up before they are read: normalised text,
clauses, and the clauses that speak of someone else.

"no HIV, but I did have syphilis in 2015" holds two facts; "my mum has lupus"
holds none about the patient. Readers read each clause on its own and decide
from all of them.
"""

from __future__ import annotations

import re
import unicodedata

# Curly and accent quotes as typed on phones, straightened.
_QUOTES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u201c": '"', "\u201d": '"'}
)

# Between two facts: punctuation, and the words that join or oppose them.
_CLAUSE_BREAK = re.compile(
    r"[.;!?\n]+|,|\s+-+\s+|"
    r"\b(?:but|however|though|although|except|apart from|other than|whereas|yet|"
    r"and then|and also|also|plus)\b"
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
    rf"\b(my|his|her|our|their)\s+(\w+\s+)?({RELATIVES})('s)?\s+([\w-]+\s+)?"
    r"(has|had|have|is|was|were|got|gets|does|did|'s|says|said|could|can|died|dies|passed)\b|"
    r"^(he|she|someone|somebody|a friend)\b|\b(he|she) (has|had|is|was|did|got)\b"
)
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


def normalised(text: str) -> str:
    """Lower case, straight quotes, single spaces, full-width forms folded."""
    plain = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    return " ".join(plain.split())


def clauses(text: str, leading_words: bool = True) -> list[str]:
    """The reply's clauses, in order, without empty ones and without the
    questions it asks back ("HIV?? lol no" is a no); with `leading_words` a
    leading yes or no is a clause of its own ("no I don't")."""
    parts: list[str] = []
    asked_back = _ASKED_BACK.sub(" . ", normalised(text))
    for part in _CLAUSE_BREAK.split(asked_back):
        part = part.strip(" ,'\"")
        while leading_words and part and (leading := _LEADING.match(part)):
            parts.append(leading.group(1))
            part = part[leading.end() :].strip(" ,")
        if part:
            parts.append(part)
    return parts


PARTNER = r"husband|partner|boyfriend|fianc[eé]e?|spouse|wife|girlfriend"
_COUPLES_FACT = re.compile(
    rf"\b({PARTNER})('s)?\b.{{0,30}}\b(vasectomy|snipped|sterili[sz]ed|condoms?)\b"
)
"""Contraception is the couple's: "my husband had a vasectomy" speaks of the
patient too."""


def about_someone_else(clause: str) -> bool:
    """True when the clause states a fact of another person ("my sister has
    lupus", "she had a transplant") and says nothing of the patient."""
    if _COUPLES_FACT.search(clause):
        return False
    return bool(_SOMEONE_ELSE.search(clause)) and not _FIRST_PERSON.search(
        _SOMEONE_ELSE.sub(" ", clause)
    )


def own_clauses(text: str, leading_words: bool = True) -> list[str]:
    """The clauses that may be about the patient."""
    return [c for c in clauses(text, leading_words) if not about_someone_else(c)]


def is_question(text: str) -> bool:
    """The reply asks something back ("hiv?", "what is ild?")."""
    plain = normalised(text)
    return plain.endswith("?") or bool(re.match(r"^(what|why|how|who|which|where|when)\b", plain))

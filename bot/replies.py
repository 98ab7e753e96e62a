"""Reading a patient's free-text reply to a choice question.

Buttons send the canonical value; people type "I have lupus" or "only a cornea
transplant". Each reader returns the enum member, or None when the reply does not
say clearly (the chat then asks again: an answer is never guessed).
"""

from __future__ import annotations

import re
from enum import Enum

from bot.answers import ONGOING, Cancer, Diagnosis, Ecog, Transplant

# Order matters: the first pattern that matches wins, so more specific readings
# ("only a cornea transplant", "no cancer") come before broader ones.
_PATTERNS: dict[type[Enum], tuple[tuple[str, Enum], ...]] = {
    Diagnosis: (
        (r"not sure|don'?t know|unsure|no idea", Diagnosis.UNSURE),
        (r"\b(sle|lupus)\b", Diagnosis.SLE),
        (r"sj[oö]e?gren|sicca", Diagnosis.SJOGREN),
        (r"scleroderma|systemic sclerosis|\bssc\b", Diagnosis.SYSTEMIC_SCLEROSIS),
        (r"dermatomyositis|\bdm\b|myositis", Diagnosis.DERMATOMYOSITIS),
        (
            r"anca|vasculitis|\b(gpa|mpa|egpa)\b|granulomatosis|wegener|churg",
            Diagnosis.ANCA_VASCULITIS,
        ),
        (r"none of (these|them|those)|other|something else|\bnone\b", Diagnosis.OTHER),
    ),
    Transplant: (
        (r"not sure|don'?t know|unsure", Transplant.UNSURE),
        (r"cornea|corneal|hair", Transplant.CORNEA_OR_HAIR),
        (r"stem.?cell|bone.?marrow|hsct|\bbmt\b", Transplant.STEM_CELL),
        (r"kidney|liver|heart|lung|pancreas|organ|renal", Transplant.ORGAN),
        (r"^(no|nope|never|none|nah)\b|no transplant", Transplant.NONE),
    ),
    Cancer: (
        (r"not sure|don'?t know|unsure", Cancer.UNSURE),
        (r"^(no|nope|never|none|nah)\b|no cancer|never had", Cancer.NONE),
        (
            r"in situ|\bdcis\b|basal|squamous|skin cancer|prostate",
            Cancer.EXCEPTED,
        ),
        (r"cancer|tumou?r|lymphoma|leuk[a]?emia|melanoma|carcinoma|other", Cancer.OTHER),
    ),
    Ecog: (
        (r"\b0\b|fully active|normal|no restriction", Ecog.FULLY_ACTIVE),
        (r"\b1\b|light work|light (house|office)", Ecog.LIGHT_WORK),
        (r"\b2\b|cannot work|can'?t work|up and about", Ecog.NO_WORK),
        (r"\b3\b|mostly in (bed|a chair)|half|chair", Ecog.MOSTLY_RESTING),
        (r"\b4\b|bed ?bound|all day in bed|completely", Ecog.BEDBOUND),
    ),
}


def read_choice(choices: type[Enum], text: str) -> Enum | None:
    """The member of `choices` the reply names, by value or by plain words."""
    reply = " ".join(text.strip().lower().split())
    for member in choices:
        if reply == member.value:
            return member
    for pattern, member in _PATTERNS.get(choices, ()):
        if re.search(pattern, reply):
            return member
    return None


_ONGOING = re.compile(
    r"ongoing|still|not (yet )?(finished|over|ended)|currently|right now|"
    r"haven'?t (finished|stopped)|on it now"
)


def is_ongoing(text: str) -> bool:
    """True for 'still taking it', 'ongoing', 'not finished yet' and the like."""
    return text.strip().lower() == ONGOING or bool(_ONGOING.search(text.lower()))

"""Which earlier answer a patient's correction is about, and the new yes/no.

"actually I was born in 1990" is about the birth question; "sorry, I meant yes"
about the question answered last. A correction whose new value cannot be read
is never guessed: the caller asks that question again instead.
"""

from __future__ import annotations

import re

from bot.protocol.answers import Reply
from bot.reading.en.wording import NOT

# Words that tie a correction to one question, whatever was asked last.
TOPICS: tuple[tuple[str, str], ...] = (
    ("birth", r"\bborn\b|\bage\b|\bold\b|birthday|\bi'?m \d+|\bi am \d+|\d+ years"),
    ("car_t", r"car.?t\b"),
    ("transplant", r"transplant|bone marrow|stem.?cell"),
    (
        "diagnosis",
        r"lupus|\bsle\b|sj[oö]gren|scleroderma|sclerosis|dermatomyositis|"
        r"vasculitis|\banca\b|diagnos",
    ),
    ("hiv_or_syphilis", r"\bhiv\b|syphilis"),
    # "I'm pregnant" after "I cannot become pregnant" is about this question too.
    ("can_become_pregnant", r"become pregnant|get pregnant|menopause|\bpregnant\b"),
    ("pregnant", r"\bpregnant\b"),
    ("contraception", r"contracepti|birth control"),
    ("ecog", r"\bwork\b|\bbed\b|active|chair"),
    ("cancer", r"cancer|tumou?r|carcinoma|melanoma|lymphoma"),
    ("infection", r"infection|antibiotic|antiviral|antifungal"),
    ("live_vaccine", r"vaccin|jab|immuni[sz]"),
    ("other_trial", r"\btrial\b|\bstudy\b"),
    ("hepatitis_or_cmv", r"hepatitis|\bcmv\b|cytomegalo"),
    ("serious_illness", r"heart|liver|lung|kidney disease|endocrine|hormone"),
)


def correction_target(text: str, answered: list[str]) -> str | None:
    """The answered question the correction is about: the one its words name
    (the last answered, if several), else the question answered last. None when
    nothing is answered, or when the words name only questions not answered (not
    asked yet, or skipped): that answer is never put on another question."""
    reply = text.lower()
    named = [slot for slot, pattern in TOPICS if re.search(pattern, reply)]
    named_answered = [slot for slot in named if slot in answered]
    if named_answered:
        return max(named_answered, key=answered.index)
    if named or not answered:
        return None
    return answered[-1]


_UNSURE = re.compile(r"not sure|unsure|don'?t know|no idea|maybe|can'?t remember")
# "didn't", "havent", "can't": a negated auxiliary, not any word ending in "nt" ("pregnant").
_NO = re.compile(r"\b(no|nope|nah|never|not)\b|" + NOT)
_YES = re.compile(r"\b(yes|yeah|yep|ya|did|do|have|had|am|was|i'?m)\b")


def read_yes_no(text: str) -> Reply | None:
    """The yes / no / not sure a correction states, or None if it states none.

    Reads what follows "meant" / "is" / "was" when present ("sorry, I meant no")."""
    reply = text.lower()
    stated = re.split(r"\bmeant\b|\bshould be\b|\banswer is\b|\bit'?s\b", reply)[-1]
    if _UNSURE.search(stated):
        return Reply.UNSURE
    if _NO.search(stated):
        return Reply.NO
    if _YES.search(stated):
        return Reply.YES
    return None

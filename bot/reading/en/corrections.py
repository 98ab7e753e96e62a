"""The English words for a correction (the rules: bot/reading/corrections.py):
the words that name each question, and those that say the new answer."""

from __future__ import annotations

import re

from bot.reading.corrections import CorrectionWords
from bot.reading.en.wording import NOT, WORDING

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


_UNSURE = re.compile(r"not sure|unsure|don'?t know|no idea|maybe|can'?t remember")
# "didn't", "havent", "can't": a negated auxiliary, not any word ending in "nt" ("pregnant").
_NO = re.compile(r"\b(no|nope|nah|never|not)\b|" + NOT)
_YES = re.compile(r"\b(yes|yeah|yep|ya|did|do|have|had|am|was|i'?m)\b")

WORDS = CorrectionWords(
    wording=WORDING,
    topics=TOPICS,
    new_answer=re.compile(r"\bmeant\b|\bshould be\b|\banswer is\b|\bit'?s\b"),
    unsure=_UNSURE,
    no=_NO,
    yes=_YES,
)

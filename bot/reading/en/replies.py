"""Reading a patient's free-text reply to a choice question.

Buttons send the canonical value; people type "I have lupus" or "only a cornea
transplant". A reply is read as one option only when it clearly names one:

- "not sure" (and the like) wins: it can only lead to staff verifying;
- otherwise every specific pattern is tried, and a reply that names two
  different options ("cornea and kidney transplant") is not guessed: the
  reader returns None and the chat asks again with the buttons;
- a generic fallback ("cancer", "transplant") applies only when nothing
  specific matched.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import Enum

from bot.protocol.answers import ONGOING, Cancer, Diagnosis, Ecog, Transplant

_UNSURE = (
    r"not (100%|a hundred percent|really|completely|totally|entirely)? ?sure|unsure|"
    r"don'?t know|dont know|do not know|no idea|can'?t rem|cant rem|forgot|forget|"
    r"not certain|hard to say|dunno|\bidk\b"
)
# Words patients misspell; a word close to one of these is read as it ("lupis").
_VOCABULARY = (
    "lupus sjogren sjogrens scleroderma sclerosis dermatomyositis vasculitis polyangiitis "
    "granulomatosis microscopic transplant cornea corneal marrow kidney cancer melanoma "
    "lymphoma leukemia leukaemia carcinoma basal squamous prostate"
).split()
_NEGATED = r"(can'?t|cannot|can not|unable to|not able to)"
_SAYS_NO = r"^(no|nope|nah|never|none|not that i know)\b"


@dataclass(frozen=True)
class _Reading:
    specific: tuple[tuple[str, Enum], ...]
    fallback: tuple[str, Enum] | None = None
    unsure: Enum | None = None


_READINGS: dict[type[Enum], _Reading] = {
    Diagnosis: _Reading(
        specific=(
            (r"\b(sle|lupus)\b", Diagnosis.SLE),
            (r"sj[oö]e?gren|sicca", Diagnosis.SJOGREN),
            (r"scleroderma|systemic sclerosis|\bssc\b", Diagnosis.SYSTEMIC_SCLEROSIS),
            (r"dermatomyositis|\bdm\b", Diagnosis.DERMATOMYOSITIS),
            (
                r"\banca\b|vasculitis|\b(gpa|mpa|egpa)\b|polyangiitis|wegener|churg",
                Diagnosis.ANCA_VASCULITIS,
            ),
            (r"none of (these|them|those)|something else|^(other|none)\b", Diagnosis.OTHER),
        ),
        unsure=Diagnosis.UNSURE,
    ),
    Transplant: _Reading(
        specific=(
            (r"cornea|corneal|\bhair\b", Transplant.CORNEA_OR_HAIR),
            (r"stem.?cell|bone.?marrow|\bhsct\b|\bbmt\b", Transplant.STEM_CELL),
            (r"kidney|liver|heart|lung|pancreas|renal|\borgan\b", Transplant.ORGAN),
            (_SAYS_NO + r"|no transplant", Transplant.NONE),
        ),
        unsure=Transplant.UNSURE,
    ),
    Cancer: _Reading(
        specific=(
            (
                _SAYS_NO + r"|^no cancer|^(i'?ve|ive|i have) never|never had (any )?cancer",
                Cancer.NONE,
            ),
            (
                r"basal|squamous|cervi\w*.*in situ|in situ.*cervi|\bcin ?3?\b|\bdcis\b|"
                r"ductal carcinoma in situ|prostate",
                Cancer.EXCEPTED,
            ),
            (
                r"melanoma|lymphoma|leuk[a]?emia|myeloma|sarcoma|glioma|another|"
                r"(breast|lung|colon|bowel|stomach|liver|pancrea\w*|thyroid|ovar\w*|uter\w*|"
                r"kidney|bladder|brain|blood) (cancer|tumou?r)",
                Cancer.OTHER,
            ),
        ),
        fallback=(r"cancer|tumou?r|carcinoma|malignan", Cancer.OTHER),
        unsure=Cancer.UNSURE,
    ),
    Ecog: _Reading(
        specific=(
            (
                r"^0$|fully active|as before|no restrictions?|completely (normal|fine)|"
                r"everything i (used to|could)|full.?time",
                Ecog.FULLY_ACTIVE,
            ),
            (r"^1$|light (work|house|office|duties)", Ecog.LIGHT_WORK),
            (rf"^2$|{_NEGATED} (do )?(any )?work|up and about", Ecog.NO_WORK),
            (r"^3$|more than half|most of the day in (bed|a chair)|mostly in", Ecog.MOSTLY_RESTING),
            (r"^4$|bed ?bound|(bed|chair).*all day|all day.*(bed|chair)", Ecog.BEDBOUND),
        ),
    ),
}


def read_choice(choices: type[Enum], text: str) -> Enum | None:
    """The member of `choices` the reply names, by value or by plain words;
    None when the reply names none, or more than one."""
    reply = " ".join(text.strip().lower().split())
    for member in choices:
        if reply == member.value:
            return member
    reading = _READINGS.get(choices)
    if reading is None:
        return None
    if reading.unsure is not None and says_unsure(reply):
        return reading.unsure
    reply = _spelled_right(reply)
    # "can't do (even) light work" describes ECOG 2, not light work
    reply = re.sub(rf"{_NEGATED} (do )?(even )?light work", "cannot work", reply)
    named = {member for pattern, member in reading.specific if re.search(pattern, reply)}
    if len(named) == 1:
        return named.pop()
    if not named and reading.fallback and re.search(reading.fallback[0], reply):
        return reading.fallback[1]
    return None


def says_unsure(text: str) -> bool:
    """True for 'not sure', "can't remember", 'no idea' and the like."""
    return bool(re.search(_UNSURE, text.lower()))


_HEDGE = re.compile(
    r"\b(i think so|i believe so|probably|maybe|possibly|perhaps|might have|could have|"
    r"not positive|no memory|can'?t recall|don'?t remember|do not remember)\b"
)
_FIRM_NO = re.compile(r"\b(don'?t|do not) (think|believe) so\b|probably not|maybe not")


def hedges(text: str) -> bool:
    """True when a yes/no reply is uncertain ('I think so', 'probably', 'not
    sure'): such a reply is 'unsure', never a yes or a no. 'I don't think so'
    is an ordinary no."""
    reply = " ".join(text.lower().split())
    if _FIRM_NO.search(reply) and not says_unsure(reply):
        return False
    return says_unsure(reply) or bool(_HEDGE.search(reply))


def _spelled_right(reply: str) -> str:
    def fix(match: re.Match[str]) -> str:
        close = difflib.get_close_matches(match.group(0), _VOCABULARY, n=1, cutoff=0.8)
        return close[0] if close else match.group(0)

    return re.sub(r"[a-zö]{5,}", fix, reply)


_STILL_GOING = re.compile(
    r"ongoing|still (taking|on|in|having|getting|receiving|doing|enrolled|participating|part)|"
    r"currently (taking|on|in|receiving)|right now|on it now|at the moment"
)
_NOT_ENDED = re.compile(
    r"not (yet )?(finished|over|ended|done|stopped|complete)|"
    r"(haven'?t|hasn'?t|have not|has not) (yet )?(finished|stopped|ended)"
)
_NEGATION = re.compile(r"\b(not|no|never)\b|n'?t\b")


def is_ongoing(text: str) -> bool:
    """True for 'still taking it', 'ongoing', 'not finished yet' and the like;
    False for negated ones ('not currently taking anything', 'still not sure')."""
    reply = " ".join(text.strip().lower().split())
    if reply == ONGOING or _NOT_ENDED.search(reply):
        return True
    return bool(_STILL_GOING.search(reply)) and not _NEGATION.search(reply)

"""Reading free-text replies to choice questions and "still taking it" (bot/reading/replies.py).

A reply is read as one member, or None so the chat asks again: an answer is never
guessed. Readings that would flip a criterion's decision (criteria-map.md) are
kept as expectations (acceptable readings listed per case).
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from functools import partial

import pytest

from bot.protocol.answers import ONGOING, Cancer, Diagnosis, Ecog, Reply, Transplant
from bot.reading import choices as _core_choices
from bot.reading import replies as _core_replies
from bot.reading.en.choices import WORDS as _en_choices_words
from bot.reading.en.replies import WORDS as _en_replies_words
from bot.reading.en.yes_no import WORDS
from bot.reading.yes_no import YesNoQuestion
from bot.reading.yes_no import read_yes_no as read_with_words

read_choice = partial(_core_choices.read_choice, words=_en_choices_words)
is_ongoing = partial(_core_replies.is_ongoing, _en_replies_words)


def read_yes_no(text: str, question: YesNoQuestion, today: date | None = None) -> set[Reply]:
    return read_with_words(text, question, WORDS, today)


ENUMS: tuple[type[Enum], ...] = (Diagnosis, Transplant, Cancer, Ecog)
BUTTONS = [
    pytest.param(enum, member, id=f"{enum.__name__}.{member.name}")
    for enum in ENUMS
    for member in enum
]


@pytest.mark.parametrize(("choices", "member"), BUTTONS)
def test_button_value_reads_as_its_member(choices: type[Enum], member: Enum) -> None:
    slot = choices.__name__.lower()
    assert read_choice(choices, f'/inform{{"{slot}": "{member.value}"}}') is member
    if choices is not Ecog:  # a typed "3" could be the third sentence or grade 3
        assert read_choice(choices, f"  {str(member.value).upper()} ") is member
    else:
        assert read_choice(choices, str(member.value)) is None


FREE_TEXT = [
    # Diagnosis
    (Diagnosis, "I have lupus", Diagnosis.SLE),
    (Diagnosis, "Systemic Lupus Erythematosus", Diagnosis.SLE),
    (Diagnosis, "SLE", Diagnosis.SLE),
    (Diagnosis, "sjogrens", Diagnosis.SJOGREN),
    (Diagnosis, "Sjögren's syndrome", Diagnosis.SJOGREN),
    (Diagnosis, "scleroderma", Diagnosis.SYSTEMIC_SCLEROSIS),
    (Diagnosis, "systemic sclerosis", Diagnosis.SYSTEMIC_SCLEROSIS),
    (Diagnosis, "dermatomyositis", Diagnosis.DERMATOMYOSITIS),
    (Diagnosis, "GPA", Diagnosis.ANCA_VASCULITIS),
    (Diagnosis, "EGPA", Diagnosis.ANCA_VASCULITIS),
    (Diagnosis, "MPA", Diagnosis.ANCA_VASCULITIS),
    (Diagnosis, "granulomatosis with polyangiitis", Diagnosis.ANCA_VASCULITIS),
    (Diagnosis, "ANCA-associated vasculitis", Diagnosis.ANCA_VASCULITIS),
    (Diagnosis, "wegener's", Diagnosis.ANCA_VASCULITIS),
    (Diagnosis, "not sure", Diagnosis.UNSURE),
    (Diagnosis, "I don't know", Diagnosis.UNSURE),
    (Diagnosis, "none of these", Diagnosis.OTHER),
    (Diagnosis, "something else", Diagnosis.OTHER),
    (Diagnosis, "no", None),
    (Diagnosis, "rheumatoid arthritis", Diagnosis.OTHER),  # a look-alike: none of the five
    (Diagnosis, "kidney transplant", None),
    # Transplant
    (Transplant, "only a cornea transplant", Transplant.CORNEA_OR_HAIR),
    (Transplant, "hair transplant", Transplant.CORNEA_OR_HAIR),
    (Transplant, "bone marrow transplant", Transplant.STEM_CELL),
    (Transplant, "stem cell transplant", Transplant.STEM_CELL),
    (Transplant, "kidney transplant", Transplant.ORGAN),
    (Transplant, "heart transplant", Transplant.ORGAN),
    (Transplant, "no", Transplant.NONE),
    (Transplant, "nope", Transplant.NONE),
    (Transplant, "never", Transplant.NONE),
    (Transplant, "not sure", Transplant.UNSURE),
    (Transplant, "I have lupus", None),
    (Transplant, "breast cancer", None),
    # Cancer
    (Cancer, "no", Cancer.NONE),
    (Cancer, "never had cancer", Cancer.NONE),
    (Cancer, "No cancer", Cancer.NONE),
    (Cancer, "basal cell skin cancer", Cancer.EXCEPTED),
    (Cancer, "squamous cell skin cancer", Cancer.EXCEPTED),
    (Cancer, "cervical carcinoma in situ", Cancer.EXCEPTED),
    # Excepted only after radical surgery (E8): with no surgery said, staff verify.
    (Cancer, "ductal carcinoma in situ", Cancer.UNSURE),
    (Cancer, "DCIS", Cancer.UNSURE),
    (Cancer, "local prostate cancer", Cancer.UNSURE),
    (Cancer, "DCIS, had a mastectomy", Cancer.EXCEPTED),
    (Cancer, "breast cancer", Cancer.OTHER),
    (Cancer, "lymphoma", Cancer.OTHER),
    (Cancer, "not sure", Cancer.UNSURE),
    (Cancer, "kidney transplant", None),
    # Ecog: the five sentences of criteria-map.md I4
    (Ecog, "fully active", Ecog.FULLY_ACTIVE),
    (Ecog, "light work only", Ecog.LIGHT_WORK),
    (Ecog, "up and about but cannot work", Ecog.NO_WORK),
    (Ecog, "mostly in bed or chair", Ecog.MOSTLY_RESTING),
    (Ecog, "bedbound", Ecog.BEDBOUND),
    (Ecog, "I spend all day in bed", Ecog.BEDBOUND),
    (Ecog, "not sure", None),
    (Ecog, "no", None),
]


@pytest.mark.parametrize(
    ("choices", "text", "expected"),
    [pytest.param(*case, id=f"{case[0].__name__}:{case[1]}") for case in FREE_TEXT],
)
def test_free_text(choices: type[Enum], text: str, expected: Enum | None) -> None:
    assert read_choice(choices, text) is expected


@pytest.mark.parametrize("choices", ENUMS, ids=lambda enum: enum.__name__)
@pytest.mark.parametrize("text", ["", "   ", "xyz", "blah blah", "?"])
def test_unreadable_reply_is_none(choices: type[Enum], text: str) -> None:
    assert read_choice(choices, text) is None


MISREADINGS = [
    pytest.param(
        Transplant,
        "no, never had a kidney transplant",
        {Transplant.NONE, None},
        id="Transplant:negated-organ",
    ),
    pytest.param(
        Transplant,
        "a corneal transplant and a kidney transplant",
        {Transplant.ORGAN, None},
        id="Transplant:cornea-and-organ",
    ),
    pytest.param(
        Cancer,
        "melanoma skin cancer",
        {Cancer.OTHER, None},
        id="Cancer:melanoma",
    ),
    pytest.param(
        Cancer,
        "melanoma in situ",
        {Cancer.OTHER, None},
        id="Cancer:melanoma-in-situ",
    ),
    pytest.param(
        Cancer,
        "basal cell skin cancer and breast cancer",
        {Cancer.OTHER, None},
        id="Cancer:excepted-and-other",
    ),
    pytest.param(
        Cancer,
        "breast cancer, never had chemo",
        {Cancer.OTHER, None},
        id="Cancer:never-had-elsewhere",
    ),
    pytest.param(
        Ecog,
        "completely fine",
        {Ecog.FULLY_ACTIVE, None},
        id="Ecog:completely-fine",
    ),
    pytest.param(
        Ecog,
        "I work half days",
        {Ecog.LIGHT_WORK, None},
        id="Ecog:half-days",
    ),
    pytest.param(
        Ecog,
        "I can't do light work",
        {Ecog.NO_WORK, Ecog.MOSTLY_RESTING, None},
        id="Ecog:negated-light-work",
    ),
    pytest.param(
        Diagnosis,
        "microscopic polyangiitis",
        {Diagnosis.ANCA_VASCULITIS},
        id="Diagnosis:microscopic-polyangiitis",
    ),
]


@pytest.mark.parametrize(("choices", "text", "acceptable"), MISREADINGS)
def test_reply_that_would_flip_a_decision(
    choices: type[Enum], text: str, acceptable: set[Enum | None]
) -> None:
    assert read_choice(choices, text) in acceptable


# --- is_ongoing --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ONGOING, True),
        ("Ongoing", True),
        ("still taking it", True),
        ("I'm still on antibiotics", True),
        ("not finished yet", True),
        ("not yet finished", True),
        ("not over", True),
        ("currently taking them", True),
        ("right now", True),
        ("haven't finished", True),
        ("haven't stopped", True),
        ("on it now", True),
        ("I stopped last week", False),
        ("finished 3 days ago", False),
        ("ended", False),
        ("2026-11-20", False),
        ("no", False),
        ("", False),
    ],
    ids=repr,
)
def test_is_ongoing(text: str, expected: bool) -> None:
    assert is_ongoing(text) is expected


@pytest.mark.parametrize("text", ["not currently taking anything", "I'm still not sure"])
def test_is_ongoing_is_not_fooled(text: str) -> None:
    assert is_ongoing(text) is False


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("I think so", {Reply.UNSURE}),
        ("probably", {Reply.UNSURE}),
        ("i'm not positive", {Reply.UNSURE}),
        ("not sure", {Reply.UNSURE}),
        ("yes maybe", {Reply.UNSURE}),
        # Hedges leaning to no are not sure too since issue 14 (docs/architecture.md)
        ("I don't think so", {Reply.UNSURE}),
        ("probably not", {Reply.UNSURE}),
        ("not that I know of", {Reply.UNSURE}),
        ("no", {Reply.NO}),
        ("yes", {Reply.YES}),
        ("/deny", {Reply.NO}),
    ],
)
def test_a_hedged_yes_or_no_is_recognised(text: str, read: set[Reply]) -> None:
    assert read_yes_no(text, YesNoQuestion()) == read

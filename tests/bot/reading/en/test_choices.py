"""Choice questions: exclusion first, meaning over words."""

from __future__ import annotations

from enum import Enum
from functools import partial

import pytest

from bot.protocol.answers import Cancer, Diagnosis, Ecog, Transplant
from bot.reading import choices as _core_choices
from bot.reading.en.choices import WORDS as _en_choices_words

read_choices = partial(_core_choices.read_choices, words=_en_choices_words)


T, D, C, E = Transplant, Diagnosis, Cancer, Ecog


@pytest.mark.parametrize(
    ("choices", "text", "named"),
    [
        (T, "I've never had a kidney transplant", {T.NONE}),
        (T, "none except a uterus transplant", {T.ORGAN}),  # what it does not except
        (T, "cord blood transplant", {T.STEM_CELL}),
        (T, "autologous stem cells in 2019", {T.STEM_CELL}),
        (T, "a new liver", {T.ORGAN}),
        (T, "only a cornea", {T.CORNEA_OR_HAIR}),
        (T, "I donated a kidney to my brother", {T.NONE}),
        (T, "I donated bone marrow to my sister, never received anything myself", {T.NONE}),
        (T, "yes I've had one", set()),  # which kind? asked again
        (T, '/inform{"transplant": "organ"}', {T.ORGAN}),
        (D, "I have lupus", {D.SLE}),
        (D, "lupis", {D.SLE}),
        (D, "I don't have lupus, I have rheumatoid arthritis", {D.OTHER}),
        (D, "my mum has lupus", set()),
        (D, "IgA vasculitis", {D.OTHER}),
        (D, "discoid lupus", {D.OTHER}),
        (D, "morphea", {D.OTHER}),
        (D, "multiple sclerosis", {D.OTHER}),
        (D, "GPA", {D.ANCA_VASCULITIS}),
        (D, "lupus and rheumatoid arthritis", {D.SLE}),
        (D, "lupus and sjogren's", {D.SLE, D.SJOGREN}),
        (D, "none of these", {D.OTHER}),
        (D, "vasculitis", {D.UNSURE}),
        (C, "I don't have cancer", {C.NONE}),
        (C, "never had cancer", {C.NONE}),
        (C, "I don't have breast cancer", {C.NONE}),  # a kind named only to deny it
        (C, "never had lung cancer", {C.NONE}),
        (C, "no breast cancer, but cervical carcinoma in situ", {C.EXCEPTED}),
        (C, "I don't have breast cancer anymore", {C.OTHER}),  # had it
        (C, "the breast cancer did not spread", {C.OTHER}),
        (C, "squamous cell carcinoma of the oesophagus", {C.OTHER}),
        (C, "squamous cell cancer of the lung", {C.OTHER}),
        (C, "throat cancer", {C.OTHER}),
        (C, "prostate cancer that spread to the bones", {C.OTHER}),
        (C, "prostate cancer, treated with radiotherapy", {C.OTHER}),
        (C, "prostate cancer, removed by surgery", {C.EXCEPTED}),
        (C, "stage 3 cervical cancer", {C.OTHER}),
        (C, "cervical carcinoma in situ", {C.EXCEPTED}),
        (C, "basal cell carcinoma on my nose", {C.EXCEPTED}),
        (C, "squamous cell skin cancer", {C.EXCEPTED}),
        (C, "skin cancer", {C.UNSURE}),
        (C, "a benign lump", {C.NONE}),
        (C, "basal cell skin cancer and breast cancer", {C.EXCEPTED, C.OTHER}),
        (E, "I rest most of the day", {E.MOSTLY_RESTING}),
        (E, "I can't even do light work", {E.NO_WORK}),
        (E, "in bed or a chair most of the day", {E.MOSTLY_RESTING}),
        (E, "up and about more than half the day but can't work", {E.NO_WORK}),
        (E, "I can't do heavy work but I can do light work", {E.LIGHT_WORK}),
        (E, "bedridden", {E.BEDBOUND}),
        (E, "fully active, as before my illness", {E.FULLY_ACTIVE}),
        (E, "3", set()),  # a number: which button? asked again
    ],
)
def test_a_choice_is_read_for_what_it_means(
    choices: type[Enum], text: str, named: set[Enum]
) -> None:
    assert read_choices(choices, text) == named

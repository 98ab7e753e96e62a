"""The deterministic yes / no reader: words decide, never a guess."""

from __future__ import annotations

from datetime import date

import pytest

from bot.protocol.answers import Reply
from bot.reading.en.subjects import SUBJECTS
from bot.reading.en.yes_no import WORDS
from bot.reading.yes_no import YesNoQuestion
from bot.reading.yes_no import read_yes_no as read_with_words


def read_yes_no(text: str, question: YesNoQuestion, today: date | None = None) -> set[Reply]:
    return read_with_words(text, question, WORDS, today)


YES, NO, UNSURE = Reply.YES, Reply.NO, Reply.UNSURE


@pytest.mark.parametrize(
    ("slot", "text", "readings"),
    [
        ("car_t", "yes", {YES}),
        ("car_t", "Yep", {YES}),
        ("car_t", "nope", {NO}),
        ("car_t", "no I haven't", {NO}),
        ("car_t", "never had it", {NO}),
        ("car_t", "nooo", {NO}),
        ("car_t", "/affirm", {YES}),
        ("car_t", "/deny", {NO}),
        ("car_t", "/unsure", {UNSURE}),
        # hedges are "not sure", whichever way they lean
        ("car_t", "I think I haven't", {UNSURE}),
        ("car_t", "probably not", {UNSURE}),
        ("car_t", "I don't think so", {UNSURE}),
        ("contraception", "I would try", {UNSURE}),
        ("hiv_or_syphilis", "not that I know of", {UNSURE}),
        ("hiv_or_syphilis", "I'm not positive", {UNSURE}),
        # what the words do not say is not read
        ("car_t", "I have lupus", set()),
        ("car_t", "I don't have lupus", set()),
        ("car_t", "what is that?", set()),
        ("car_t", "hello", set()),
        ("car_t", "not that I haven't", set()),
        # someone else's illness is not the patient's
        ("hiv_or_syphilis", "my husband has HIV", set()),
        ("hiv_or_syphilis", "my brother had syphilis but I haven't", {NO}),
        # two facts in one answer come back as two readings
        ("hiv_or_syphilis", "no HIV, but I did have syphilis in 2015", {NO, YES}),
        ("hiv_or_syphilis", "syphilis in 2015", {YES}),
        ("hiv_or_syphilis", "no HIV", {NO}),
        # statements that answer the question
        ("can_become_pregnant", "I'm a man", {NO}),
        ("can_become_pregnant", "speaking as a man", {NO}),
        ("can_become_pregnant", "i'm not a woman", {NO}),
        ("can_become_pregnant", "I'm past the menopause", {NO}),
        ("pregnant", "I'm 12 weeks pregnant", {YES}),
        ("pregnant", "I'm a man", {NO}),
        ("live_vaccine", "only a flu shot", {NO}),
        ("live_vaccine", "the MMR", {YES}),
        ("live_vaccine", "the MMR last week", {UNSURE}),  # inside the window? not guessed
        ("disease_active", "my lupus is still active", {YES}),
        ("disease_active", "it's in remission", {NO}),
        # "not anymore": it happened, for a question about ever
        ("hepatitis_or_cmv", "not anymore", {YES}),
        ("pregnant", "not anymore", {NO}),
    ],
)
def test_a_reply_is_read_for_what_it_says(slot: str, text: str, readings: set[Reply]) -> None:
    assert read_yes_no(text, SUBJECTS[slot]) == readings


def test_every_yes_no_question_has_a_subject() -> None:
    from bot.protocol.criteria import QUESTIONS, QuestionKind

    reply_slots = {q.slot for q in QUESTIONS if q.kind is QuestionKind.REPLY}
    assert reply_slots == set(SUBJECTS)


@pytest.mark.parametrize(
    ("slot", "text", "readings"),
    [
        # a yes that says when is judged against the question's window
        ("live_vaccine", "yellow fever jab 3 weeks ago", {YES}),
        ("live_vaccine", "MMR booster, but that was 3 months ago", {NO}),
        ("infection", "had a course of antibiotics but that was a month ago", {NO}),
        ("infection", "antibiotics, 3 days ago", {YES}),
        ("other_trial", "I was in a trial 2 years ago, nothing since", {NO}),
        # statements answer even beside words the reader does not know
        ("can_become_pregnant", "I'm 72", {NO}),
        ("serious_illness", "just my lupus, nothing else", {NO}),
        ("hepatitis_or_cmv", "my husband has hep B, I'm clear", {NO}),
        ("hiv_or_syphilis", "they tested me for everything and nobody ever said anything", {NO}),
        ("car_t", "I had rituximab infusions. that's not CAR-T right? so no", {NO}),
        ("live_vaccine", "nasal spray flu vaccine 2 weeks ago", {YES}),
        ("infection", "got a cold but I'm not taking anything for it", {NO}),
        ("disease_active", "my doctor says it's not under control", {YES}),
        ("disease_active", "in remission for 2 years on my meds", {NO}),
        ("can_become_pregnant", "my periods stopped, I don't know if I still can", {UNSURE}),
        # found by the blind battery
        ("hiv_or_syphilis", "HIV?? lol no", {NO}),
        ("pregnant", "was pregnant in 2020, lost it. not now", {NO}),
        ("car_t", "haven't had it in the last year", {UNSURE}),
        ("cancer_treated", "they removed it but I'm still waiting for the pathology", {UNSURE}),
        ("infection", "my son has strep and is on amoxicillin, I'm fine", {NO}),
        ("serious_illness", "my dad had a heart attack, I'm fine", {NO}),
    ],
)
def test_a_yes_that_says_when_and_statements(slot: str, text: str, readings: set[Reply]) -> None:
    from datetime import date

    assert read_yes_no(text, SUBJECTS[slot], date(2026, 11, 27)) == readings

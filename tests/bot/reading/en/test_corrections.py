from __future__ import annotations

from functools import partial

import pytest

from bot.protocol.answers import Reply
from bot.reading import corrections as _core_corrections
from bot.reading.en.corrections import WORDS as _en_corrections_words

correction_target = partial(_core_corrections.correction_target, _en_corrections_words)
read_yes_no = partial(_core_corrections.read_yes_no, _en_corrections_words)


ANSWERED = ["birth", "car_t", "transplant", "diagnosis", "hiv_or_syphilis"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("actually I was born in 1990", "birth"),
        ("sorry, I'm 52 not 25", "birth"),
        ("wait, I did have CAR-T", "car_t"),
        ("oops I do have a kidney transplant", "transplant"),
        ("I meant lupus", "diagnosis"),
        ("sorry, I meant yes", "hiv_or_syphilis"),  # no topic named: the last answer
        ("i pressed the wrong one", "hiv_or_syphilis"),
    ],
)
def test_the_correction_is_about_the_question_it_names_or_the_last(text: str, target: str) -> None:
    assert correction_target(text, ANSWERED) == target


@pytest.mark.parametrize("text", ["actually I have had cancer", "oh wait, I'm in another trial"])
def test_a_topic_not_answered_yet_is_never_put_on_another_question(text: str) -> None:
    assert correction_target(text, ANSWERED) is None


def test_pregnant_after_cannot_become_pregnant_corrects_that_answer() -> None:
    answered = [*ANSWERED, "can_become_pregnant", "ecog"]
    assert correction_target("actually I'm pregnant", answered) == "can_become_pregnant"
    assert correction_target("sorry, I am pregnant", [*answered, "pregnant"]) == "pregnant"


def test_nothing_answered_yet_means_nothing_to_correct() -> None:
    assert correction_target("sorry, I meant yes", []) is None


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("sorry, I meant yes", Reply.YES),
        ("sorry i meant no", Reply.NO),
        ("wait, I did have one", Reply.YES),
        ("actually I didn't", Reply.NO),
        ("scratch that, the answer is no", Reply.NO),
        ("I meant not sure", Reply.UNSURE),
        ("actually I'm pregnant", Reply.YES),
        ("sorry, I'm not pregnant", Reply.NO),
        ("i didnt", Reply.NO),
        ("I haven't had one", Reply.NO),
        ("wait, I can't", Reply.NO),
        ("oops, I did have an infection", Reply.YES),
        ("oops wrong button", None),
        ("I made a mistake", None),
    ],
)
def test_the_new_yes_or_no_is_read_or_left_to_ask_again(text: str, reply: Reply | None) -> None:
    assert read_yes_no(text) is reply

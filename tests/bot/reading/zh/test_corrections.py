# Patients type full-width punctuation: the cases keep it as typed.
# ruff: noqa: RUF001
"""Corrections in Chinese (bot/reading/zh/corrections.py)."""

from __future__ import annotations

from functools import partial

import pytest

from bot.protocol.answers import Reply
from bot.reading import corrections as _core_corrections
from bot.reading.en.corrections import TOPICS as ENGLISH_TOPICS
from bot.reading.zh.corrections import TOPICS
from bot.reading.zh.corrections import WORDS as _zh_corrections_words

correction_target = partial(_core_corrections.correction_target, _zh_corrections_words)
read_yes_no = partial(_core_corrections.read_yes_no, _zh_corrections_words)


ANSWERED = ["birth", "car_t", "transplant", "diagnosis", "hiv_or_syphilis"]


def test_the_same_topics_as_english() -> None:
    assert [slot for slot, _ in TOPICS] == [slot for slot, _ in ENGLISH_TOPICS]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("不对，我是1990年出生的", "birth"),
        ("我说错了，我52岁", "birth"),
        ("等一下，我做过CAR-T", "car_t"),
        ("其实我做过肾移植", "transplant"),
        ("我的意思是狼疮", "diagnosis"),
        ("刚才说错了，应该是有", "hiv_or_syphilis"),  # no topic named: the last answer
        ("点错了", "hiv_or_syphilis"),
    ],
)
def test_the_correction_is_about_the_question_it_names_or_the_last(text: str, target: str) -> None:
    assert correction_target(text, ANSWERED) == target


@pytest.mark.parametrize("text", ["其实我得过癌症", "等等，我在参加另一个试验"])
def test_a_topic_not_answered_yet_is_never_put_on_another_question(text: str) -> None:
    assert correction_target(text, ANSWERED) is None


def test_pregnant_after_cannot_become_pregnant_corrects_that_answer() -> None:
    answered = [*ANSWERED, "can_become_pregnant", "ecog"]
    assert correction_target("其实我怀孕了", answered) == "can_become_pregnant"
    assert correction_target("不好意思，我怀孕了", [*answered, "pregnant"]) == "pregnant"


def test_nothing_answered_yet_means_nothing_to_correct() -> None:
    assert correction_target("说错了，应该是有", []) is None


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("说错了，应该是有", Reply.YES),
        ("刚才点错了，是没有", Reply.NO),
        ("不对，我做过", Reply.YES),
        ("其实没有", Reply.NO),
        ("我的意思是不确定", Reply.UNSURE),
        ("应该是好像有", Reply.UNSURE),
        ("其实我怀孕了", Reply.YES),
        ("点错了", None),
        ("我搞错了", None),
    ],
)
def test_the_new_yes_or_no_is_read_or_left_to_ask_again(text: str, reply: Reply | None) -> None:
    assert read_yes_no(text) is reply

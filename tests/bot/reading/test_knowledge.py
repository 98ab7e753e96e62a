"""The medical knowledge as lexicon pieces (bot/reading/knowledge.py)."""

from __future__ import annotations

import re

import pytest

from bot.medicine.terms import Kind, alternation, pattern
from bot.protocol.criteria import QUESTIONS_BY_SLOT, QuestionKind
from bot.reading.knowledge import KNOWN_FACT_KINDS, SUBJECT_KINDS, known_facts, subject


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "no, only breyanzi"), ("en", "axi cel in 2021"), ("zh", "输过奕凯达"), ("en", "hammr")],
)
def test_the_alternation_finds_what_the_pattern_finds(language: str, text: str) -> None:
    piece = re.compile(f"(?:{alternation([Kind.CAR_T, Kind.LIVE_VACCINE], language)})")
    whole = pattern([Kind.CAR_T, Kind.LIVE_VACCINE], language)
    assert bool(piece.search(text)) is bool(whole.search(text))


def test_a_kind_without_words_matches_nothing() -> None:
    assert re.search(alternation([], "en"), "anything at all") is None


def test_subject_kinds_are_of_yes_no_questions() -> None:
    assert {QUESTIONS_BY_SLOT[slot].kind for slot in SUBJECT_KINDS} == {QuestionKind.REPLY}


def test_a_known_fact_that_is_a_subject_is_another_questions() -> None:
    """Hepatitis B is a known fact at the HIV question and the subject of its own."""
    shared = {kind for kinds in SUBJECT_KINDS.values() for kind in kinds} & set(KNOWN_FACT_KINDS)
    assert shared <= set(SUBJECT_KINDS["hepatitis_or_cmv"])


def test_the_lexicons_words_come_first_then_the_datas() -> None:
    assert re.fullmatch(subject("car_t", "cart", "en"), "kymriah")
    assert re.fullmatch(subject("car_t", "cart", "en"), "cart")
    assert re.search(known_facts("lupus", "zh"), "吃羟氯喹")

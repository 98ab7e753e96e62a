# ruff: noqa: RUF001
"""A reply that changes language between its clauses is read clause by
clause, each by its own language's reader (bot/reading/languages.py); a
clause no reader understands keeps the closed world: asked again."""

from __future__ import annotations

from datetime import date

import pytest

from bot.protocol.criteria import QUESTIONS_BY_SLOT
from bot.reading.languages import reader_for
from bot.reading.result import Value
from bot.reading.settling import stored_value
from harness.patients import ELIGIBLE_ANSWERS

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("slot", "reply", "stored"),
    [
        ("car_t", "没有, but I had CAR-T in 2020", "yes"),  # the English clause states it
        ("car_t", "没有，but I had Kymriah in 2021", "yes"),
        ("ssc_lung", "肺间质病变, yes the doctor told me", "yes"),
        ("hiv_or_syphilis", "没有, no HIV, no syphilis", "no"),
    ],
)
def test_each_clause_is_read_by_its_own_language(slot: str, reply: str, stored: str) -> None:
    reading = reader_for("zh").read(QUESTIONS_BY_SLOT[slot], reply, TODAY)
    assert isinstance(reading, Value)
    assert stored_value(QUESTIONS_BY_SLOT[slot], reading, ELIGIBLE_ANSWERS, TODAY) == stored


@pytest.mark.parametrize(
    ("slot", "reply"),
    [
        ("car_t", "没有, but I had something like that in a trial"),  # not understood
        ("hiv_or_syphilis", "梅毒 treated in 2018, RPR negative now"),  # treated: not a no
    ],
)
def test_a_clause_not_understood_in_either_language_is_never_a_firm_no(
    slot: str, reply: str
) -> None:
    reading = reader_for("zh").read(QUESTIONS_BY_SLOT[slot], reply, TODAY)
    stored = (
        stored_value(QUESTIONS_BY_SLOT[slot], reading, ELIGIBLE_ANSWERS, TODAY)
        if isinstance(reading, Value)
        else None
    )
    assert stored != "no"

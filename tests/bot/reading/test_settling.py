"""What a reading stores (bot/reading/settling.py): one value; of several, the
one that excludes; beside words not understood only a value that excludes or
opens the question of when."""

from __future__ import annotations

from datetime import date

import pytest

from bot.protocol.criteria import QUESTIONS_BY_SLOT
from bot.reading.result import NotSure, Value
from bot.reading.settling import reason_to_ask, stored_value
from harness.patients import ELIGIBLE_ANSWERS

TODAY = date(2026, 12, 7)


def stored(slot: str, *values: str, unread: bool = False) -> str | None:
    reading = Value(values, "words", unread=unread)
    return stored_value(QUESTIONS_BY_SLOT[slot], reading, ELIGIBLE_ANSWERS, TODAY)


def test_one_value_read_is_stored() -> None:
    assert stored("car_t", "no") == "no"
    assert stored_value(QUESTIONS_BY_SLOT["car_t"], NotSure("?"), ELIGIBLE_ANSWERS, TODAY) == (
        "unsure"
    )


def test_of_two_facts_the_one_that_excludes() -> None:
    assert stored("car_t", "no", "yes") == "yes"


@pytest.mark.parametrize(
    ("slot", "value", "kept"),
    [
        ("car_t", "yes", "yes"),  # excludes: kept, and read back for confirmation
        ("car_t", "no", None),  # "no, only <an unknown name>": asked again
        ("infection", "yes", "yes"),  # opens the question of when it ended
        ("infection", "no", None),
    ],
)
def test_beside_words_not_understood_only_the_cautious_value(
    slot: str, value: str, kept: str | None
) -> None:
    assert stored(slot, value, unread=True) == kept


def test_two_facts_beside_words_not_understood_and_none_excluding_are_asked_again() -> None:
    assert stored("infection", "no", "yes", unread=True) is None
    assert reason_to_ask(Value(("no",), "w", unread=True)) == "utter_invalid_not_understood"
    assert reason_to_ask(Value(("no", "yes"), "w")) == "utter_invalid_two_facts"

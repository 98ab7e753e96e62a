"""How well patients' free-text answers are read: tests/answer_holdout.yml.

Written independently of the readers (bot/reading/en/: dates, replies, contact) and
never used to tune them case by case. Each case is a question, a patient's
text and the value it must be read as, or null when it must be refused (asked
again). Target: at least 95% of cases right; every miss is printed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.protocol.canonical import typed_value
from bot.protocol.criteria import QUESTIONS_BY_SLOT
from bot.protocol.eligibility import decisive_answer
from bot.reading.en.contact import read_contact_time, read_email, read_phone
from bot.reading.en.reader import read_reply
from bot.reading.reader import Unreadable
from bot.referrals.contact import InvalidContact
from scripts.patients import ELIGIBLE_ANSWERS

HOLDOUTS = ["answer_holdout.yml", "answer_holdout_blind.yml"]
TARGET = 0.95

CONTACT_READERS: dict[str, Callable[[str], str]] = {
    "contact_phone": read_phone,
    "contact_email": read_email,
    "contact_time": lambda text: read_contact_time(text).value,
}


def read(question: str, text: str, today: date) -> str | None:
    try:
        if question in CONTACT_READERS:
            return CONTACT_READERS[question](text)
        values = read_reply(QUESTIONS_BY_SLOT[question], text, today)
        return values[0] if len(values) == 1 else settled(question, values, today)
    except (Unreadable, InvalidContact):
        return None


def settled(question: str, values: tuple[str, ...], today: date) -> str | None:
    """Several facts, settled as the chat settles them for an eligible patient:
    the one that excludes wins, else the patient is asked again (None)."""
    typed = {typed_value(QUESTIONS_BY_SLOT[question], value): value for value in values}
    decisive = decisive_answer(question, list(typed), ELIGIBLE_ANSWERS, today)
    return None if decisive is None else typed[decisive]


@pytest.mark.parametrize("holdout", HOLDOUTS)
def test_answers_are_read_as_a_careful_person_would(holdout: str) -> None:
    data = yaml.safe_load((Path(__file__).parent / holdout).read_text())
    today = date.fromisoformat(data["screening_date"])
    cases: list[dict[str, Any]] = data["cases"]
    misses = []
    for case in cases:
        got = read(case["question"], str(case["text"]), today)
        expected = None if case["expect"] is None else str(case["expect"])
        if got != expected:
            misses.append(f"{case['question']}: {case['text']!r} -> {got!r}, want {expected!r}")
    accuracy = 1 - len(misses) / len(cases)
    print(f"\n{holdout}: {len(cases) - len(misses)}/{len(cases)} = {accuracy:.3f}")
    print("\n".join(misses))
    assert accuracy >= TARGET, "\n".join(misses)

"""How well patients' free-text answers are read: the held-out sets.

Written independently of the readers (bot/reading/en/ and bot/reading/zh/:
dates, replies, consent, contact) and never used to tune them case by case.
Each case is a question, a patient's text and the value it must be read as,
or null when it must be refused (asked again). Target: at least 95% of cases
right in English; the Chinese blind set at least as good as the English blind
set's figure (issue 16); every miss is printed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.protocol.criteria import QUESTIONS_BY_SLOT
from bot.reading.languages import reader_for
from bot.reading.reader import Reader
from bot.reading.result import AskAgain, Value
from bot.reading.settling import stored_value
from bot.referrals.contact import InvalidContact
from harness.patients import ELIGIBLE_ANSWERS

TARGET = 0.95
ENGLISH_BLIND = 158 / 160
"""tests/answer_holdout_blind.yml as measured with issue 14's readers (docs/quality.md)."""
HOLDOUTS = {
    "answer_holdout.yml": ("en", TARGET),
    "answer_holdout_blind.yml": ("en", TARGET),
    "answer_holdout_zh_blind.yml": ("zh", ENGLISH_BLIND),
}
"""Each set: its language and the share of cases it must read right."""
CONTACT = ("contact_name", "contact_phone", "contact_email", "contact_time")
CONSENT = ("screening_consent", "contact_consent")


def read(reader: Reader, question: str, text: str, today: date) -> str | None:
    if question in CONTACT:
        try:
            return reader.contact_detail(question, text)
        except InvalidContact:
            return None
    reading = (
        reader.consent(text)
        if question in CONSENT
        else reader.read(QUESTIONS_BY_SLOT[question], text, today)
    )
    if isinstance(reading, AskAgain):
        return None
    if isinstance(reading, Value) and question in CONSENT:
        return reading.values[0]
    return stored_value(QUESTIONS_BY_SLOT[question], reading, ELIGIBLE_ANSWERS, today)


@pytest.mark.parametrize("holdout", HOLDOUTS)
def test_answers_are_read_as_a_careful_person_would(holdout: str) -> None:
    language, target = HOLDOUTS[holdout]
    reader = reader_for(language)
    data = yaml.safe_load((Path(__file__).parent / holdout).read_text(encoding="utf-8"))
    today = date.fromisoformat(data["screening_date"])
    cases: list[dict[str, Any]] = data["cases"]
    misses = []
    for case in cases:
        got = read(reader, case["question"], str(case["text"]), today)
        expected = None if case["expect"] is None else str(case["expect"])
        if got != expected:
            misses.append(f"{case['question']}: {case['text']!r} -> {got!r}, want {expected!r}")
    accuracy = 1 - len(misses) / len(cases)
    print(f"\n{holdout}: {len(cases) - len(misses)}/{len(cases)} = {accuracy:.3f}")
    print("\n".join(misses))
    assert accuracy >= target, "\n".join(misses)

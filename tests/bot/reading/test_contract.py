"""The reading contract (tests/bot/reading/contract.yml): every phrasing, in
either language, gives its row's one result."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.protocol.criteria import QUESTIONS_BY_SLOT
from bot.reading.languages import reader_for
from bot.reading.result import AskAgain, Value
from bot.reading.settling import reason_to_ask, stored_value
from harness.patients import ELIGIBLE_ANSWERS

CONTRACT = Path(__file__).with_name("contract.yml")
ROWS: list[dict[str, Any]] = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
TODAY = date(2026, 12, 7)


def phrasings() -> list[Any]:
    cases = []
    for row in ROWS:
        for language in ("en", "zh"):
            for text in row.get(language, []):
                expected = row.get(f"result_{language}", row.get("result"))
                cases.append(pytest.param(row["question"], language, text, expected,
                                          id=f"{row['question']}-{language}-{text}"))  # fmt: skip
    return cases


def result_of(question: str, language: str, text: str) -> Any:
    reading = reader_for(language).read(QUESTIONS_BY_SLOT[question], text, TODAY)
    if isinstance(reading, AskAgain):
        return {"ask_again": reading.reason}
    # What is stored (bot/reading/settling.py), for a patient eligible so far:
    # of several facts the one that excludes; beside words not understood
    # only a value that excludes or opens the question of when.
    kept = stored_value(QUESTIONS_BY_SLOT[question], reading, ELIGIBLE_ANSWERS, TODAY)
    if kept is None:
        assert isinstance(reading, Value)
        return {"ask_again": reason_to_ask(reading)}
    return [kept]


@pytest.mark.parametrize(("question", "language", "text", "expected"), phrasings())
def test_each_phrasing_gives_its_rows_result(
    question: str, language: str, text: str, expected: Any
) -> None:
    assert result_of(question, language, text) == expected


def test_every_row_is_one_meaning_in_both_languages_with_one_result_or_a_named_drift() -> None:
    for row in ROWS:
        assert row["question"] in QUESTIONS_BY_SLOT, row
        assert row.get("en") and row.get("zh"), row["meaning"]
        one_result = "result" in row
        assert one_result != ("result_en" in row and "result_zh" in row), row["meaning"]
        assert one_result or "drift" in row, row["meaning"]

"""Issue 27's scoring of a stored answer by what it decides (harness/safety.py)."""

from __future__ import annotations

from datetime import date

import pytest

from harness.answer_battery import CLOSED_WORLD, load
from harness.safety import asked_again_by_question, decision_of, safety_table, safety_verdict

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("question", "value", "decision"),
    [
        ("car_t", "yes", "excluded"), ("car_t", "no", "met"), ("car_t", "unsure", "verify"),
        ("transplant", "organ", "excluded"), ("transplant", "cornea_or_hair", "met"),
        ("infection", "yes", "deferred"), ("live_vaccine", "yes", "deferred"),
        ("other_trial", "yes", "deferred"), ("hepatitis_or_cmv", "yes", "verify"),
        ("hiv_or_syphilis", "yes", "excluded"), ("cancer", "other", "excluded"),
        ("cancer", "excepted", "met"), ("ecog", "2", "excluded"), ("ecog", "1", "met"),
        ("pregnant", "yes", "excluded"), ("contraception", "no", "excluded"),
        ("dm_antibody", "no", "excluded"), ("ssc_lung", "no", "excluded"),
        ("birth", "2010-01-01", "excluded"), ("birth", "1980-01-01", "met"),
    ],
)  # fmt: skip
def test_a_value_decides_what_the_criteria_map_says(
    question: str, value: str, decision: str
) -> None:
    assert decision_of(question, value, TODAY).value == decision


@pytest.mark.parametrize(
    ("question", "expect", "stored", "verdict"),
    [
        ("car_t", "yes", "yes", "right"),
        ("car_t", "yes", "no", "unsafe"),  # lets an excluded person through
        ("car_t", "yes", "unsure", "unsafe"),  # the reply stated the exclusion
        ("car_t", "yes", None, "asked_again"),
        ("car_t", "no", "yes", "wrong"),  # an exclusion the reply does not state
        ("car_t", "no", "unsure", "unsure"),
        ("car_t", "unsure", "no", "unsafe"),
        ("car_t", "ask_again", "no", "unsafe"),
        ("car_t", "ask_again", "yes", "wrong"),
        ("car_t", "ask_again", None, "right"),
        ("transplant", "stem_cell", "organ", "other_value"),
        ("transplant", "organ", "cornea_or_hair", "unsafe"),
        ("infection", "no", "yes", "wrong"),  # a deferral not stated
        ("hepatitis_or_cmv", "yes", "no", "unsafe"),  # staff must verify
        ("hepatitis_or_cmv", "no", "yes", "unsure"),
        ("birth", "adult", "1980-03-15", "right"),
        ("birth", "minor", "1980-01-01/1980-12-31", "unsafe"),
        ("birth", "adult", "2010-01-01/2010-12-31", "wrong"),
        ("birth", "unclear", None, "right"),
        ("birth", "unclear", "1980-01-01/1980-12-31", "unsafe"),
        ("car_t", "no", "a reply not read", "unsafe"),
    ],
)  # fmt: skip
def test_a_stored_answer_is_scored_by_what_it_decides(
    question: str, expect: str, stored: str | None, verdict: str
) -> None:
    assert safety_verdict(question, expect, stored, TODAY) == verdict


def test_the_tables_count_per_class_and_per_question() -> None:
    table = safety_table([("brand", "unsafe"), ("brand", "right"), ("plain", "asked_again")])
    assert "| brand | 2 | 1 | 0 | 0 | 0 | 1 | 0 |" in table
    assert "| all | 3 | 1 | 0 | 0 | 1 | 1 | 0 |" in table.splitlines()[-1]
    rates = asked_again_by_question(
        [("car_t", "asked_again"), ("car_t", "right"), ("ecog", "right")]
    )
    assert rates == {"car_t": 0.5, "ecog": 0.0, "all": 1 / 3}


def test_the_closed_world_batteries_label_every_case_with_a_value_of_its_question() -> None:
    cases = load(CLOSED_WORLD, TODAY)
    assert sum(c.conversation == "en" for c in cases) >= 200
    assert sum(c.conversation == "zh" for c in cases) >= 200
    assert len({c.id for c in cases}) == len(cases)
    for case in cases:  # every label decides something (raises on a value not its question's)
        safety_verdict(case.question, case.expect, None, TODAY)
    for language in ("en", "zh"):
        held = [c for c in cases if c.conversation == language]
        assert sum(c.cls == "plain" for c in held) >= 0.15 * len(held)


def test_a_label_that_is_no_value_of_its_question_is_refused() -> None:
    with pytest.raises(ValueError):
        safety_verdict("car_t", "organ", None, TODAY)
    with pytest.raises(KeyError):
        safety_verdict("birth", "yes", None, TODAY)

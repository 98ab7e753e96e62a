"""The battery's scoring: what counts as right, asked again or firm wrong."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from harness.answer_battery import (
    BATTERIES,
    Case,
    Result,
    asked_again_rate,
    facts_for,
    load,
    stored_answer,
    verdict,
)

TODAY = date(2026, 11, 27)


def case(question: str, expect: object) -> Case:
    return Case("c", question, "plain", "en", "text", expect)


@pytest.mark.parametrize(
    ("question", "expect", "stored", "result"),
    [
        ("car_t", "no", "no", "right"),
        ("car_t", "no", None, "asked_again"),
        ("car_t", "no", "unsure", "unsure"),
        ("car_t", "no", "yes", "firm_wrong"),
        ("car_t", "unsure", "no", "firm_wrong"),
        ("car_t", "ask_again", None, "right"),
        ("car_t", "ask_again", "unsure", "firm_wrong"),  # stored for no answer at all
        ("screening_consent", "yes", True, "right"),
        ("screening_consent", "no", True, "firm_wrong"),
        ("birth", "adult", "1980-03-15", "right"),
        ("birth", "minor", "2012-01-01/2012-12-31", "right"),
        ("birth", "unclear", "2008-01-01/2008-12-31", "right"),
        ("birth", "adult", "2008-01-01/2008-12-31", "firm_wrong"),
        ("live_vaccine_date", "2026-11", "2026-11-01/2026-11-27", "right"),  # up to today
        ("live_vaccine_date", "2026-11-03", "2026-11-03", "right"),
        ("dm_diagnosed", "2021", "2021-01-01/2021-12-31", "right"),
        ("dm_diagnosed", "2021", "2021-05-01/2021-05-31", "firm_wrong"),
        ("live_vaccine_date", {"days_ago": 14}, "2026-11-13", "right"),
        ("transplant", "organ", "organ", "right"),
        ("dm_diagnosed", "unsure", "2021-01-01/2021-12-31", "firm_wrong"),  # a date for a hedge
        ("other_trial_end", "ongoing", "2026-10-01", "firm_wrong"),
        # a span, as the Chinese battery writes "上周"
        ("infection_treatment_end", "2026-11-16/2026-11-22", "2026-11-16/2026-11-22", "right"),
        ("infection_treatment_end", "2026-11-16/2026-11-22", "2026-11-19", "firm_wrong"),
        ("birth", "1985-03-15", "1985-03-15", "right"),  # a birth date, not only an age class
        ("birth", "1985-03-15", "1985-03-01/1985-03-31", "firm_wrong"),
        ("contact_consent", "no", False, "right"),
        ("contact_consent", "unsure", None, "asked_again"),
        ("confirmed_exclusion", "no", "no", "right"),
        ("contact_time", "evening", "morning", "firm_wrong"),
    ],
)
def test_verdict(question: str, expect: object, stored: object, result: str) -> None:
    assert verdict(case(question, expect), stored, TODAY) == result


def test_an_expired_case_is_left_out(tmp_path: Path) -> None:
    battery = tmp_path / "b.yml"
    battery.write_text(
        "- {id: a, question: birth, class: age_date, lang: en, text: born 2008, "
        "expect: unclear, valid_until: '2026-12-31'}\n"
        "- {id: b, question: birth, class: age_date, lang: en, text: '45', expect: adult}\n"
    )
    assert [c.id for c in load([battery], TODAY)] == ["a", "b"]
    assert [c.id for c in load([battery], date(2027, 1, 1))] == ["b"]


def test_a_battery_names_the_language_its_patient_writes(tmp_path: Path) -> None:
    english, chinese = tmp_path / "en.yml", tmp_path / "zh.yml"
    english.write_text(
        "- {id: a, question: car_t, class: plain, lang: en, text: 'no', expect: 'no'}\n"
    )
    chinese.write_text(
        "conversation: zh\n"
        "cases:\n"
        "  - {id: b, question: car_t, class: plain, lang: zh, text: '没有', expect: 'no'}\n",
        encoding="utf-8",
    )
    assert [(c.id, c.conversation) for c in load([english, chinese], TODAY)] == [
        ("a", "en"),
        ("b", "zh"),
    ]


def test_both_batteries_load() -> None:
    cases = load(BATTERIES, TODAY)
    assert {c.conversation for c in cases} == {"en", "zh"}
    assert sum(c.conversation == "zh" for c in cases) >= 200


def test_the_patient_writes_the_conversations_language() -> None:
    assert facts_for("car_t", "zh")["birth"] == "45岁"
    assert facts_for("pregnant", "zh")["can_become_pregnant"] == "能"
    assert facts_for("confirmed_exclusion", "en")["car_t"] == "yes"  # the read-back is asked


def test_what_a_read_back_stored() -> None:
    def slots(**values: object) -> dict[str, object]:
        return {"confirmed_exclusion": None, "car_t": "yes", **values}

    assert stored_answer("confirmed_exclusion", slots(confirmed_exclusion="car_t=yes").get) == "yes"
    assert stored_answer("confirmed_exclusion", slots(car_t=None).get) == "no"
    assert stored_answer("confirmed_exclusion", slots().get) is None  # asked again
    assert stored_answer("car_t", slots().get) == "yes"


def test_asked_again_is_counted_for_the_batterys_own_language() -> None:
    def result(lang: str, conversation: str, verdict: str) -> Result:
        return Result(Case("c", "car_t", "plain", lang, "t", "no", conversation), None, verdict, ())

    results = [
        result("en", "en", "asked_again"),
        result("en", "en", "right"),
        result("zh", "en", "asked_again"),  # Chinese typed into an English conversation
        result("zh", "zh", "right"),
    ]
    assert asked_again_rate(results, "en") == 0.5
    assert asked_again_rate(results, "zh") == 0.0

"""The battery's scoring: what counts as right, asked again or firm wrong."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scripts.answer_battery import Case, load, verdict

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

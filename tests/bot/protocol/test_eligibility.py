"""The criteria engine against the SPEC: docs/protocol/criteria-map.md.

Every criterion is judged on both sides of each boundary with a fixed screening
date.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.protocol.answers import (
    ONGOING,
    Answers,
    Cancer,
    DateSpan,
    Diagnosis,
    Ecog,
    Reply,
    Transplant,
)
from bot.protocol.criteria import CRITERIA, CRITERIA_BY_ID, QUESTIONS, QuestionKind
from bot.protocol.decisions import Decision, Finding, deferred, excluded, met, verify
from bot.protocol.eligibility import (
    Outcome,
    Screening,
    applicable_questions,
    evaluate,
    judge,
    open_questions,
)
from bot.reading.en.dates import PARSER

TODAY = date(2026, 11, 25)  # a Wednesday
LEAP_DAY = date(2028, 2, 29)

CRITERIA_MAP = Path(__file__).parents[3] / "docs/protocol/criteria-map.md"

ALL_CLEAR = Answers(
    birth=DateSpan.exact(date(1980, 3, 15)),
    car_t=Reply.NO,
    transplant=Transplant.NONE,
    diagnosis=Diagnosis.SLE,
    hiv_or_syphilis=Reply.NO,
    can_become_pregnant=Reply.NO,
    ecog=Ecog.FULLY_ACTIVE,
    cancer=Cancer.NONE,
    infection=Reply.NO,
    live_vaccine=Reply.NO,
    other_trial=Reply.NO,
    disease_active=Reply.YES,
    hepatitis_or_cmv=Reply.NO,
    serious_illness=Reply.NO,
)
"""A complete screening of an adult with SLE that nothing rules out."""

DM = {
    "diagnosis": Diagnosis.DERMATOMYOSITIS,
    "dm_antibody": Reply.YES,
    "dm_diagnosed": DateSpan.exact(date(2020, 1, 1)),
}
SSC = {"diagnosis": Diagnosis.SYSTEMIC_SCLEROSIS, "ssc_lung": Reply.YES}
MAY_BE_PREGNANT = {
    "can_become_pregnant": Reply.YES,
    "pregnant": Reply.NO,
    "contraception": Reply.YES,
}

BASE_QUESTION_ORDER = [
    "birth",
    "car_t",
    "transplant",
    "diagnosis",
    "hiv_or_syphilis",
    "can_become_pregnant",
    "ecog",
    "cancer",
    "infection",
    "live_vaccine",
    "other_trial",
    "disease_active",
    "hepatitis_or_cmv",
    "serious_illness",
]
"""The questions everyone is asked, in order (no conditional question applies)."""


def exact(year: int, month: int, day: int) -> DateSpan:
    return DateSpan.exact(date(year, month, day))


def span(first: date, last: date) -> DateSpan:
    return DateSpan(first, last)


def answers_with(**overrides: Any) -> Answers:
    return replace(ALL_CLEAR, **overrides)


def finding(criterion_id: str, answers: Answers, today: date = TODAY) -> Finding:
    return judge(CRITERIA_BY_ID[criterion_id], answers, today)


def ids_with(screening: Screening, decision: Decision) -> set[str]:
    return {result.criterion.id for result in screening.with_decision(decision)}


NOT_ASKED = Finding(Decision.NOT_ASKED)


# --- the catalogue itself ----------------------------------------------------


def test_criterion_ids_are_unique() -> None:
    ids = [criterion.id for criterion in CRITERIA]
    assert len(ids) == len(set(ids))
    assert set(CRITERIA_BY_ID) == set(ids)


def test_question_slots_are_unique_and_are_the_answer_fields() -> None:
    slots = [question.slot for question in QUESTIONS]
    assert len(slots) == len(set(slots))
    assert set(slots) == {field.name for field in fields(Answers)}


@pytest.mark.parametrize("criterion", CRITERIA, ids=lambda c: c.id)
def test_every_criterion_slot_is_a_question(criterion: Any) -> None:
    slots = {question.slot for question in QUESTIONS}
    assert set(criterion.slots) <= slots


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.slot)
def test_every_question_is_decided_by_some_criterion(question: Any) -> None:
    deciders = [c.id for c in CRITERIA if question.slot in c.slots]
    assert deciders, f"no criterion decides {question.slot!r}"


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.slot)
def test_choice_questions_and_only_they_name_their_choices(question: Any) -> None:
    assert (question.choices is not None) == (question.kind is QuestionKind.CHOICE)


def test_every_id_in_the_criteria_map_is_implemented() -> None:
    text = CRITERIA_MAP.read_text(encoding="utf-8")
    spec_ids = set(re.findall(r"^\|\s*([IE]\d+(?:-[A-Z]+)?)\s*\|", text, re.MULTILINE))
    expected = {f"I{n}" for n in range(1, 8)} | {"I2-DM"} | {f"E{n}" for n in range(1, 11)}
    assert spec_ids == expected  # the parse found exactly the map's rows
    assert spec_ids - set(CRITERIA_BY_ID) == set()


# --- each criterion, both sides of every boundary ---------------------------

CASES = [
    # I1 age >= 18: the 18th birthday is the first day it is met
    pytest.param("I1", {"birth": exact(2008, 11, 25)}, met(), id="I1-18th-birthday-today"),
    pytest.param(
        "I1",
        {"birth": exact(2008, 11, 26)},
        excluded("under_18"),
        id="I1-18th-birthday-tomorrow",
    ),
    pytest.param("I1", {"birth": exact(1980, 3, 15)}, met(), id="I1-adult"),
    pytest.param(
        "I1",
        {"birth": span(date(2008, 1, 1), date(2008, 12, 31))},
        verify("birth_year_only"),
        id="I1-year-only-straddles-18",
    ),
    pytest.param(
        "I1",
        {"birth": span(date(2007, 1, 1), date(2007, 12, 31))},
        met(),
        id="I1-year-only-all-adult",
    ),
    pytest.param(
        "I1",
        {"birth": span(date(2009, 1, 1), date(2009, 12, 31))},
        excluded("under_18"),
        id="I1-year-only-all-minor",
    ),
    pytest.param("I1", {"birth": None}, NOT_ASKED, id="I1-unanswered"),
    # I2 listed disease; the classification standards are always verified
    *[
        pytest.param(
            "I2",
            {"diagnosis": diagnosis},
            verify("classification_criteria"),
            id=f"I2-{diagnosis.value}",
        )
        for diagnosis in (
            Diagnosis.SLE,
            Diagnosis.SJOGREN,
            Diagnosis.SYSTEMIC_SCLEROSIS,
            Diagnosis.DERMATOMYOSITIS,
            Diagnosis.ANCA_VASCULITIS,
        )
    ],
    pytest.param(
        "I2", {"diagnosis": Diagnosis.OTHER}, excluded("no_listed_disease"), id="I2-other"
    ),
    pytest.param("I2", {"diagnosis": Diagnosis.UNSURE}, verify("patient_unsure"), id="I2-unsure"),
    # I2-DM myositis-specific antibody
    pytest.param("I2-DM", {**DM, "dm_antibody": Reply.YES}, met(), id="I2DM-antibody-yes"),
    pytest.param(
        "I2-DM",
        {**DM, "dm_antibody": Reply.NO},
        excluded("no_myositis_antibody"),
        id="I2DM-antibody-no",
    ),
    pytest.param(
        "I2-DM",
        {**DM, "dm_antibody": Reply.UNSURE},
        verify("patient_unsure"),
        id="I2DM-antibody-unsure",
    ),
    pytest.param("I2-DM", {**DM, "dm_antibody": None}, NOT_ASKED, id="I2DM-unanswered"),
    pytest.param("I2-DM", {}, met("not_applicable"), id="I2DM-not-dm"),
    # I3 activity: scores are for staff
    pytest.param("I3", {"disease_active": Reply.YES}, verify("activity_score"), id="I3-active"),
    pytest.param(
        "I3",
        {"disease_active": Reply.NO},
        verify("reports_inactive_disease"),
        id="I3-inactive",
    ),
    pytest.param("I3", {"disease_active": Reply.UNSURE}, verify("patient_unsure"), id="I3-unsure"),
    # I3 SSc needs ILD
    pytest.param("I3-SSC", {**SSC, "ssc_lung": Reply.YES}, verify("mrss_score"), id="I3SSC-ild"),
    pytest.param("I3-SSC", {**SSC, "ssc_lung": Reply.NO}, excluded("no_ild"), id="I3SSC-no-ild"),
    pytest.param(
        "I3-SSC", {**SSC, "ssc_lung": Reply.UNSURE}, verify("patient_unsure"), id="I3SSC-unsure"
    ),
    pytest.param("I3-SSC", {}, met("not_applicable"), id="I3SSC-not-ssc"),
    # I3 DM diagnosed >= 1 year: deferred until the anniversary
    pytest.param(
        "I3-DM", {**DM, "dm_diagnosed": exact(2025, 11, 25)}, met(), id="I3DM-exactly-1-year"
    ),
    pytest.param(
        "I3-DM",
        {**DM, "dm_diagnosed": exact(2025, 11, 26)},
        deferred(date(2026, 11, 26), "dm_diagnosed_under_1_year"),
        id="I3DM-1-year-minus-1-day",
    ),
    pytest.param(
        "I3-DM",
        {**DM, "dm_diagnosed": exact(2026, 6, 1)},
        deferred(date(2027, 6, 1), "dm_diagnosed_under_1_year"),
        id="I3DM-recent",
    ),
    pytest.param(
        "I3-DM",
        {**DM, "dm_diagnosed": span(date(2025, 11, 1), date(2025, 11, 30))},
        verify("diagnosis_date_imprecise"),
        id="I3DM-month-straddles-anniversary",
    ),
    pytest.param(
        "I3-DM",
        {**DM, "dm_diagnosed": span(date(2025, 10, 1), date(2025, 10, 31))},
        met(),
        id="I3DM-month-all-over-1-year",
    ),
    pytest.param(
        "I3-DM",
        {**DM, "dm_diagnosed": span(date(2025, 12, 1), date(2025, 12, 31))},
        deferred(date(2026, 12, 31), "dm_diagnosed_under_1_year"),
        id="I3DM-month-all-under-1-year",
    ),
    pytest.param(
        "I3-DM",
        {**DM, "dm_diagnosed": span(date(2025, 1, 1), date(2025, 12, 31))},
        verify("diagnosis_date_imprecise"),
        id="I3DM-year-only-straddles",
    ),
    pytest.param(
        "I3-DM", {**DM, "dm_diagnosed": Reply.UNSURE}, verify("date_unknown"), id="I3DM-date-unsure"
    ),
    pytest.param("I3-DM", {**DM, "dm_diagnosed": None}, NOT_ASKED, id="I3DM-unanswered"),
    pytest.param("I3-DM", {}, met("not_applicable"), id="I3DM-not-dm"),
    # I4 ECOG 0-1
    pytest.param("I4", {"ecog": Ecog.FULLY_ACTIVE}, met(), id="I4-ecog0"),
    pytest.param("I4", {"ecog": Ecog.LIGHT_WORK}, met(), id="I4-ecog1"),
    pytest.param("I4", {"ecog": Ecog.NO_WORK}, excluded("ecog_2_or_more"), id="I4-ecog2"),
    pytest.param("I4", {"ecog": Ecog.MOSTLY_RESTING}, excluded("ecog_2_or_more"), id="I4-ecog3"),
    pytest.param("I4", {"ecog": Ecog.BEDBOUND}, excluded("ecog_2_or_more"), id="I4-ecog4"),
    # I5, I7, E10: never decided in chat
    pytest.param("I5", {}, verify("lab_and_organ_tests"), id="I5-always-verify"),
    pytest.param("I7", {}, verify("consent_at_site"), id="I7-always-verify"),
    pytest.param("E10", {}, verify("investigator_judgement"), id="E10-always-verify"),
    # I6 contraception if of childbearing potential
    pytest.param(
        "I6",
        {"can_become_pregnant": Reply.NO},
        met("not_of_childbearing_potential"),
        id="I6-cannot-become-pregnant",
    ),
    pytest.param("I6", MAY_BE_PREGNANT, verify("pregnancy_test"), id="I6-willing"),
    pytest.param(
        "I6",
        {**MAY_BE_PREGNANT, "contraception": Reply.NO},
        excluded("declines_contraception"),
        id="I6-unwilling",
    ),
    pytest.param(
        "I6",
        {**MAY_BE_PREGNANT, "contraception": Reply.UNSURE},
        verify("patient_unsure"),
        id="I6-unsure-about-contraception",
    ),
    pytest.param(
        "I6",
        {**MAY_BE_PREGNANT, "can_become_pregnant": Reply.UNSURE, "contraception": Reply.NO},
        excluded("declines_contraception"),
        id="I6-unsure-if-fertile-and-unwilling",
    ),
    pytest.param("I6", {**MAY_BE_PREGNANT, "contraception": None}, NOT_ASKED, id="I6-unanswered"),
    # E1 CAR-T
    pytest.param("E1", {"car_t": Reply.YES}, excluded("prior_car_t"), id="E1-yes"),
    pytest.param("E1", {"car_t": Reply.NO}, met(), id="E1-no"),
    # E2 serious illness: the investigator judges
    pytest.param(
        "E2", {"serious_illness": Reply.YES}, verify("investigator_judgement"), id="E2-yes"
    ),
    pytest.param("E2", {"serious_illness": Reply.NO}, met(), id="E2-no"),
    # E3 infection treated within 1 week
    pytest.param("E3", {"infection": Reply.NO}, met(), id="E3-no"),
    pytest.param(
        "E3",
        {"infection": Reply.YES, "infection_treatment_end": exact(2026, 11, 18)},
        met(),
        id="E3-ended-7-days-ago",
    ),
    pytest.param(
        "E3",
        {"infection": Reply.YES, "infection_treatment_end": exact(2026, 11, 19)},
        deferred(date(2026, 11, 26), "recent_infection"),
        id="E3-ended-6-days-ago",
    ),
    pytest.param(
        "E3",
        {"infection": Reply.YES, "infection_treatment_end": exact(2026, 11, 25)},
        deferred(date(2026, 12, 2), "recent_infection"),
        id="E3-ended-today",
    ),
    pytest.param(
        "E3",
        {"infection": Reply.YES, "infection_treatment_end": ONGOING},
        deferred(date(2026, 12, 2), "recent_infection"),
        id="E3-ongoing",
    ),
    pytest.param(
        "E3",
        {"infection": Reply.YES, "infection_treatment_end": Reply.UNSURE},
        verify("date_unknown"),
        id="E3-end-unsure",
    ),
    pytest.param("E3", {"infection": Reply.YES}, NOT_ASKED, id="E3-end-unanswered"),
    # E4 transplant
    pytest.param("E4", {"transplant": Transplant.NONE}, met(), id="E4-none"),
    pytest.param("E4", {"transplant": Transplant.CORNEA_OR_HAIR}, met(), id="E4-cornea-or-hair"),
    pytest.param(
        "E4", {"transplant": Transplant.STEM_CELL}, excluded("prior_transplant"), id="E4-stem-cell"
    ),
    pytest.param(
        "E4", {"transplant": Transplant.ORGAN}, excluded("prior_transplant"), id="E4-organ"
    ),
    pytest.param("E4", {"transplant": Transplant.UNSURE}, verify("patient_unsure"), id="E4-unsure"),
    # E5 infections: HIV/syphilis exclude; hepatitis/CMV need the viral load
    pytest.param(
        "E5", {"hiv_or_syphilis": Reply.YES}, excluded("hiv_or_syphilis"), id="E5-hiv-or-syphilis"
    ),
    pytest.param(
        "E5",
        {"hiv_or_syphilis": Reply.YES, "hepatitis_or_cmv": None},
        excluded("hiv_or_syphilis"),
        id="E5-hiv-before-hepatitis-asked",
    ),
    pytest.param(
        "E5", {"hepatitis_or_cmv": Reply.YES}, verify("viral_load"), id="E5-hepatitis-or-cmv"
    ),
    pytest.param("E5", {}, met(), id="E5-neither"),
    pytest.param(
        "E5", {"hiv_or_syphilis": Reply.UNSURE}, verify("patient_unsure"), id="E5-unsure-hiv"
    ),
    pytest.param("E5", {"hepatitis_or_cmv": None}, NOT_ASKED, id="E5-hepatitis-unanswered"),
    # E6 live vaccine within 4 weeks
    pytest.param("E6", {"live_vaccine": Reply.NO}, met(), id="E6-no"),
    pytest.param(
        "E6",
        {"live_vaccine": Reply.YES, "live_vaccine_date": exact(2026, 10, 28)},
        met(),
        id="E6-exactly-4-weeks-ago",
    ),
    pytest.param(
        "E6",
        {"live_vaccine": Reply.YES, "live_vaccine_date": exact(2026, 10, 29)},
        deferred(date(2026, 11, 26), "recent_live_vaccine"),
        id="E6-4-weeks-minus-1-day",
    ),
    pytest.param(
        "E6",
        {
            "live_vaccine": Reply.YES,
            "live_vaccine_date": span(date(2026, 10, 1), date(2026, 10, 31)),
        },
        deferred(date(2026, 11, 28), "recent_live_vaccine"),
        id="E6-last-month-span",
    ),
    pytest.param(
        "E6",
        {"live_vaccine": Reply.YES, "live_vaccine_date": Reply.UNSURE},
        verify("date_unknown"),
        id="E6-date-unsure",
    ),
    # E7 pregnancy
    pytest.param(
        "E7",
        {"can_become_pregnant": Reply.NO},
        met("not_of_childbearing_potential"),
        id="E7-cannot-become-pregnant",
    ),
    pytest.param(
        "E7", {**MAY_BE_PREGNANT, "pregnant": Reply.YES}, excluded("pregnant"), id="E7-pregnant"
    ),
    pytest.param("E7", MAY_BE_PREGNANT, met(), id="E7-not-pregnant"),
    # E8 malignancy
    pytest.param("E8", {"cancer": Cancer.NONE}, met(), id="E8-none"),
    pytest.param("E8", {"cancer": Cancer.OTHER}, excluded("malignancy"), id="E8-other"),
    pytest.param(
        "E8",
        {"cancer": Cancer.EXCEPTED, "cancer_treated": Reply.YES},
        met("excepted_cancer_treated"),
        id="E8-excepted-treated",
    ),
    pytest.param(
        "E8",
        {"cancer": Cancer.EXCEPTED, "cancer_treated": Reply.NO},
        excluded("excepted_cancer_untreated"),
        id="E8-excepted-untreated",
    ),
    pytest.param(
        "E8",
        {"cancer": Cancer.EXCEPTED, "cancer_treated": Reply.UNSURE},
        verify("patient_unsure"),
        id="E8-excepted-unsure-if-treated",
    ),
    pytest.param("E8", {"cancer": Cancer.UNSURE}, verify("patient_unsure"), id="E8-unsure"),
    pytest.param("E8", {"cancer": Cancer.EXCEPTED}, NOT_ASKED, id="E8-treatment-unanswered"),
    # E9 another trial within 3 months
    pytest.param("E9", {"other_trial": Reply.NO}, met(), id="E9-no"),
    pytest.param(
        "E9",
        {"other_trial": Reply.YES, "other_trial_end": exact(2026, 8, 25)},
        met(),
        id="E9-ended-exactly-3-months-ago",
    ),
    pytest.param(
        "E9",
        {"other_trial": Reply.YES, "other_trial_end": exact(2026, 8, 26)},
        deferred(date(2026, 11, 26), "recent_other_trial"),
        id="E9-ended-3-months-minus-1-day",
    ),
    pytest.param(
        "E9",
        {"other_trial": Reply.YES, "other_trial_end": ONGOING},
        deferred(date(2027, 2, 25), "recent_other_trial"),
        id="E9-ongoing",
    ),
    pytest.param(
        "E9",
        {"other_trial": Reply.YES, "other_trial_end": Reply.UNSURE},
        verify("date_unknown"),
        id="E9-end-unsure",
    ),
]


@pytest.mark.parametrize(("criterion_id", "overrides", "expected"), CASES)
def test_criterion(criterion_id: str, overrides: dict[str, Any], expected: Finding) -> None:
    assert finding(criterion_id, answers_with(**overrides)) == expected


# --- month ends and leap years ----------------------------------------------


WINDOW_EDGE_CASES = [
    # the listing's "ended 31 May" example: no clamping, both readings agree
    pytest.param(
        date(2026, 8, 30),
        exact(2026, 5, 31),
        deferred(date(2026, 8, 31), "recent_other_trial"),
        id="ended-31-May-on-30-Aug",
    ),
    pytest.param(date(2026, 8, 31), exact(2026, 5, 31), met(), id="ended-31-May-on-31-Aug"),
    pytest.param(date(2026, 11, 30), exact(2026, 8, 30), met(), id="ended-30-Aug-on-30-Nov"),
    # a 31st whose 3-month anniversary does not exist
    pytest.param(
        TODAY,
        exact(2026, 8, 31),
        deferred(date(2026, 12, 1), "recent_other_trial"),
        id="ended-31-Aug-on-25-Nov",
    ),
    pytest.param(
        date(2026, 11, 30),
        exact(2026, 8, 31),
        deferred(date(2026, 12, 1), "recent_other_trial"),
        id="ended-31-Aug-on-30-Nov",
    ),
    pytest.param(date(2026, 12, 1), exact(2026, 8, 31), met(), id="ended-31-Aug-on-1-Dec"),
    pytest.param(
        date(2027, 2, 28),
        exact(2026, 11, 30),
        deferred(date(2027, 3, 1), "recent_other_trial"),
        id="ended-30-Nov-on-28-Feb",
    ),
    pytest.param(date(2027, 2, 28), exact(2026, 11, 28), met(), id="ended-28-Nov-on-28-Feb"),
    # leap year
    pytest.param(LEAP_DAY, exact(2027, 11, 29), met(), id="ended-29-Nov-on-leap-day"),
    pytest.param(
        LEAP_DAY,
        exact(2027, 11, 30),
        deferred(date(2028, 3, 1), "recent_other_trial"),
        id="ended-30-Nov-on-leap-day",
    ),
]


@pytest.mark.parametrize(("today", "ended", "expected"), WINDOW_EDGE_CASES)
def test_other_trial_window_at_month_ends(today: date, ended: DateSpan, expected: Finding) -> None:
    answers = answers_with(other_trial=Reply.YES, other_trial_end=ended)
    assert finding("E9", answers, today) == expected


LEAP_CASES = [
    # 4 weeks and 1 week are whole days: 1 Feb + 28 days = 29 Feb
    pytest.param(
        "E6",
        LEAP_DAY,
        {"live_vaccine": Reply.YES, "live_vaccine_date": exact(2028, 2, 1)},
        met(),
        id="E6-exactly-4-weeks-before-leap-day",
    ),
    pytest.param(
        "E6",
        LEAP_DAY,
        {"live_vaccine": Reply.YES, "live_vaccine_date": exact(2028, 2, 2)},
        deferred(date(2028, 3, 1), "recent_live_vaccine"),
        id="E6-4-weeks-minus-1-day-before-leap-day",
    ),
    pytest.param(
        "E3",
        LEAP_DAY,
        {"infection": Reply.YES, "infection_treatment_end": exact(2028, 2, 22)},
        met(),
        id="E3-ended-7-days-before-leap-day",
    ),
    pytest.param(
        "E3",
        LEAP_DAY,
        {"infection": Reply.YES, "infection_treatment_end": exact(2028, 2, 23)},
        deferred(date(2028, 3, 1), "recent_infection"),
        id="E3-ended-6-days-before-leap-day",
    ),
    pytest.param(
        "E3",
        LEAP_DAY,
        {"infection": Reply.YES, "infection_treatment_end": ONGOING},
        deferred(date(2028, 3, 7), "recent_infection"),
        id="E3-ongoing-on-leap-day",
    ),
    pytest.param(
        "I1", LEAP_DAY, {"birth": exact(2010, 2, 28)}, met(), id="I1-18-the-day-before-leap-day"
    ),
    pytest.param(
        "I1",
        LEAP_DAY,
        {"birth": exact(2010, 3, 1)},
        excluded("under_18"),
        id="I1-18-the-day-after-leap-day",
    ),
    # Born on 29 Feb: 18 on the first day D with D - 18 years >= the birth date,
    # 1 March in a common year (the rule every window follows: first_day_clear).
    pytest.param(
        "I1", date(2026, 3, 1), {"birth": exact(2008, 2, 29)}, met(), id="I1-leapling-on-1-Mar"
    ),
    pytest.param(
        "I1",
        date(2026, 2, 28),
        {"birth": exact(2008, 2, 29)},
        excluded("under_18"),
        id="I1-leapling-on-28-Feb",
    ),
    pytest.param(
        "I3-DM",
        LEAP_DAY,
        {**DM, "dm_diagnosed": exact(2027, 2, 28)},
        met(),
        id="I3DM-1-year-on-leap-day",
    ),
    pytest.param(
        "I3-DM",
        LEAP_DAY,
        {**DM, "dm_diagnosed": exact(2027, 3, 1)},
        deferred(date(2028, 3, 1), "dm_diagnosed_under_1_year"),
        id="I3DM-1-year-the-day-after-leap-day",
    ),
    # Diagnosed on 29 Feb: one year has passed from 1 March of a common year.
    pytest.param(
        "I3-DM",
        date(2025, 3, 1),
        {**DM, "dm_diagnosed": exact(2024, 2, 29)},
        met(),
        id="I3DM-diagnosed-on-leap-day-anniversary",
    ),
    pytest.param(
        "I3-DM",
        date(2025, 2, 28),
        {**DM, "dm_diagnosed": exact(2024, 2, 29)},
        deferred(date(2025, 3, 1), "dm_diagnosed_under_1_year"),
        id="I3DM-diagnosed-on-leap-day-before-anniversary",
    ),
]


@pytest.mark.parametrize(("criterion_id", "today", "overrides", "expected"), LEAP_CASES)
def test_leap_year(
    criterion_id: str, today: date, overrides: dict[str, Any], expected: Finding
) -> None:
    assert finding(criterion_id, answers_with(**overrides), today) == expected


# --- birth as the patient types it ------------------------------------------


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        pytest.param("25/11/2008", met(), id="date-18th-birthday-today"),
        pytest.param("26/11/2008", excluded("under_18"), id="date-18th-birthday-tomorrow"),
        pytest.param("I'm 18", met(), id="age-18"),
        pytest.param("18 years old", met(), id="age-18-years-old"),
        pytest.param("I'm 17", excluded("under_18"), id="age-17"),
        pytest.param("seventeen", excluded("under_18"), id="age-seventeen"),
        pytest.param("2008", verify("birth_year_only"), id="year-2008-straddles-18"),
        pytest.param("2007", met(), id="year-2007"),
        pytest.param("2009", excluded("under_18"), id="year-2009"),
        pytest.param("November 2008", verify("birth_year_only"), id="month-straddles-18"),
        pytest.param("October 2008", met(), id="month-all-adult"),
        pytest.param("December 2008", excluded("under_18"), id="month-all-minor"),
    ],
)
def test_age_from_the_reply(reply: str, expected: Finding) -> None:
    answers = answers_with(birth=PARSER.birth(reply, TODAY))
    assert finding("I1", answers) == expected


# --- "not sure" is never met -------------------------------------------------

UNSURE_REPLIES: dict[str, tuple[dict[str, Any], str, str]] = {
    # slot: (context that makes the question apply, criterion, expected verify note)
    "car_t": ({}, "E1", "patient_unsure"),
    "dm_antibody": (DM, "I2-DM", "patient_unsure"),
    "ssc_lung": (SSC, "I3-SSC", "patient_unsure"),
    "hiv_or_syphilis": ({}, "E5", "patient_unsure"),
    "can_become_pregnant": (MAY_BE_PREGNANT, "I6", "pregnancy_test"),
    "pregnant": (MAY_BE_PREGNANT, "E7", "patient_unsure"),
    "contraception": (MAY_BE_PREGNANT, "I6", "patient_unsure"),
    "cancer_treated": ({"cancer": Cancer.EXCEPTED}, "E8", "patient_unsure"),
    "infection": ({}, "E3", "patient_unsure"),
    "live_vaccine": ({}, "E6", "patient_unsure"),
    "other_trial": ({}, "E9", "patient_unsure"),
    "disease_active": ({}, "I3", "patient_unsure"),
    "hepatitis_or_cmv": ({}, "E5", "patient_unsure"),
    "serious_illness": ({}, "E2", "patient_unsure"),
}
REPLY_SLOTS = [q.slot for q in QUESTIONS if q.kind is QuestionKind.REPLY]


def test_unsure_table_covers_every_yes_no_question() -> None:
    assert set(UNSURE_REPLIES) == set(REPLY_SLOTS)


@pytest.mark.parametrize("slot", REPLY_SLOTS)
def test_not_sure_to_a_yes_no_question_is_never_met(slot: str) -> None:
    context, criterion_id, note = UNSURE_REPLIES[slot]
    answers = answers_with(**{**context, slot: Reply.UNSURE})
    assert slot in applicable_questions(answers, TODAY)
    for criterion in CRITERIA:
        if slot in criterion.slots:
            assert judge(criterion, answers, TODAY).decision is Decision.VERIFY, criterion.id
    assert finding(criterion_id, answers) == verify(note)
    screening = evaluate(answers, TODAY)
    assert screening.outcome is Outcome.PRE_QUALIFIED
    assert criterion_id in ids_with(screening, Decision.VERIFY)


@pytest.mark.parametrize(
    ("slot", "unsure", "context", "criterion_id", "expected"),
    [
        pytest.param(
            "dm_diagnosed", Reply.UNSURE, DM, "I3-DM", verify("date_unknown"), id="dm_diagnosed"
        ),
        pytest.param(
            "infection_treatment_end",
            Reply.UNSURE,
            {"infection": Reply.YES},
            "E3",
            verify("date_unknown"),
            id="infection_treatment_end",
        ),
        pytest.param(
            "live_vaccine_date",
            Reply.UNSURE,
            {"live_vaccine": Reply.YES},
            "E6",
            verify("date_unknown"),
            id="live_vaccine_date",
        ),
        pytest.param(
            "other_trial_end",
            Reply.UNSURE,
            {"other_trial": Reply.YES},
            "E9",
            verify("date_unknown"),
            id="other_trial_end",
        ),
        pytest.param(
            "diagnosis", Diagnosis.UNSURE, {}, "I2", verify("patient_unsure"), id="diagnosis"
        ),
        pytest.param(
            "transplant", Transplant.UNSURE, {}, "E4", verify("patient_unsure"), id="transplant"
        ),
        pytest.param("cancer", Cancer.UNSURE, {}, "E8", verify("patient_unsure"), id="cancer"),
    ],
)
def test_not_sure_to_a_date_or_choice_is_verify(
    slot: str, unsure: Any, context: dict[str, Any], criterion_id: str, expected: Finding
) -> None:
    answers = answers_with(**{**context, slot: unsure})
    assert finding(criterion_id, answers) == expected
    assert evaluate(answers, TODAY).outcome is Outcome.PRE_QUALIFIED


# --- which questions are asked ----------------------------------------------


def test_first_questions_for_a_new_patient() -> None:
    assert applicable_questions(Answers(), TODAY) == BASE_QUESTION_ORDER
    assert open_questions(Answers(), TODAY) == BASE_QUESTION_ORDER


def test_each_caller_gets_a_list_of_its_own() -> None:
    """The questions are remembered between calls; a caller's changes are not."""
    first = applicable_questions(Answers(), TODAY)
    first.append("changed by a caller")
    assert applicable_questions(Answers(), TODAY) == BASE_QUESTION_ORDER


def test_complete_screening_has_no_open_question() -> None:
    assert applicable_questions(ALL_CLEAR, TODAY) == BASE_QUESTION_ORDER
    assert open_questions(ALL_CLEAR, TODAY) == []


def test_answered_questions_stay_applicable_and_the_next_one_is_open() -> None:
    answers = Answers(birth=exact(1980, 3, 15), car_t=Reply.NO)
    assert applicable_questions(answers, TODAY) == BASE_QUESTION_ORDER
    assert open_questions(answers, TODAY) == BASE_QUESTION_ORDER[2:]


@pytest.mark.parametrize("answer", [Reply.YES, Reply.UNSURE], ids=lambda r: r.value)
def test_pregnancy_questions_asked_when_pregnancy_is_possible(answer: Reply) -> None:
    answers = Answers(can_become_pregnant=answer)
    slots = applicable_questions(answers, TODAY)
    position = slots.index("can_become_pregnant")
    assert slots[position + 1 : position + 3] == ["pregnant", "contraception"]


def test_cannot_become_pregnant_skips_pregnancy_and_contraception() -> None:
    answers = answers_with(can_become_pregnant=Reply.NO)
    slots = applicable_questions(answers, TODAY)
    assert "pregnant" not in slots
    assert "contraception" not in slots
    assert finding("E7", answers) == met("not_of_childbearing_potential")
    assert finding("I6", answers) == met("not_of_childbearing_potential")


DIAGNOSIS_QUESTIONS = [
    pytest.param(Diagnosis.DERMATOMYOSITIS, ["dm_antibody", "dm_diagnosed"], id="dm"),
    pytest.param(Diagnosis.SYSTEMIC_SCLEROSIS, ["ssc_lung"], id="ssc"),
    pytest.param(Diagnosis.SLE, [], id="sle"),
    pytest.param(Diagnosis.SJOGREN, [], id="sjogren"),
    pytest.param(Diagnosis.ANCA_VASCULITIS, [], id="anca"),
    pytest.param(Diagnosis.UNSURE, [], id="unsure"),
    pytest.param(None, [], id="unanswered"),
]


@pytest.mark.parametrize(("diagnosis", "specific"), DIAGNOSIS_QUESTIONS)
def test_disease_specific_questions_only_for_that_disease(
    diagnosis: Diagnosis | None, specific: list[str]
) -> None:
    slots = applicable_questions(Answers(diagnosis=diagnosis), TODAY)
    disease_specific = {"dm_antibody", "dm_diagnosed", "ssc_lung"}
    assert [slot for slot in slots if slot in disease_specific] == specific


def test_dm_questions_are_asked_in_order() -> None:
    slots = applicable_questions(Answers(diagnosis=Diagnosis.DERMATOMYOSITIS), TODAY)
    assert slots[slots.index("diagnosis") + 1] == "dm_antibody"
    assert slots[slots.index("cancer") + 1] == "dm_diagnosed"


@pytest.mark.parametrize(
    ("trigger", "follow_up"),
    [
        ({"infection": Reply.YES}, "infection_treatment_end"),
        ({"live_vaccine": Reply.YES}, "live_vaccine_date"),
        ({"other_trial": Reply.YES}, "other_trial_end"),
        ({"cancer": Cancer.EXCEPTED}, "cancer_treated"),
    ],
    ids=["infection", "live_vaccine", "other_trial", "cancer"],
)
def test_follow_up_question_only_after_yes(trigger: dict[str, Any], follow_up: str) -> None:
    asked = next(iter(trigger))
    assert follow_up not in applicable_questions(ALL_CLEAR, TODAY)
    slots = applicable_questions(answers_with(**trigger), TODAY)
    assert slots[slots.index(asked) + 1] == follow_up
    assert open_questions(answers_with(**trigger), TODAY) == [follow_up]


EXCLUSIONS = [
    pytest.param({"birth": exact(2008, 11, 26)}, "birth", "I1", id="under-18"),
    pytest.param({"car_t": Reply.YES}, "car_t", "E1", id="car-t"),
    pytest.param({"transplant": Transplant.ORGAN}, "transplant", "E4", id="organ"),
    pytest.param({"transplant": Transplant.STEM_CELL}, "transplant", "E4", id="stem-cell"),
    pytest.param({"diagnosis": Diagnosis.OTHER}, "diagnosis", "I2", id="other-disease"),
    pytest.param({**DM, "dm_antibody": Reply.NO}, "dm_antibody", "I2-DM", id="dm-no-antibody"),
    pytest.param({**SSC, "ssc_lung": Reply.NO}, "ssc_lung", "I3-SSC", id="ssc-no-ild"),
    pytest.param({"hiv_or_syphilis": Reply.YES}, "hiv_or_syphilis", "E5", id="hiv-or-syphilis"),
    pytest.param(
        {**MAY_BE_PREGNANT, "pregnant": Reply.YES, "contraception": None},
        "pregnant",
        "E7",
        id="pregnant",
    ),
    pytest.param(
        {**MAY_BE_PREGNANT, "contraception": Reply.NO},
        "contraception",
        "I6",
        id="declines-contraception",
    ),
    pytest.param({"ecog": Ecog.NO_WORK}, "ecog", "I4", id="ecog-2"),
    pytest.param({"ecog": Ecog.BEDBOUND}, "ecog", "I4", id="ecog-4"),
    pytest.param({"cancer": Cancer.OTHER}, "cancer", "E8", id="other-cancer"),
    pytest.param(
        {"cancer": Cancer.EXCEPTED, "cancer_treated": Reply.NO},
        "cancer_treated",
        "E8",
        id="excepted-cancer-untreated",
    ),
]


@pytest.mark.parametrize(("overrides", "slot", "criterion_id"), EXCLUSIONS)
def test_hard_exclusion_ends_the_question_list_there(
    overrides: dict[str, Any], slot: str, criterion_id: str
) -> None:
    answers = answers_with(**overrides)
    every = [q.slot for q in QUESTIONS if q.applies(answers)]
    assert applicable_questions(answers, TODAY) == every[: every.index(slot) + 1]
    assert open_questions(answers, TODAY) == []
    screening = evaluate(answers, TODAY)
    assert screening.outcome is Outcome.NOT_ELIGIBLE
    assert ids_with(screening, Decision.EXCLUDED) == {criterion_id}


def test_exclusion_at_second_question_stops_the_chat() -> None:
    answers = Answers(birth=exact(1980, 3, 15), car_t=Reply.YES)
    assert applicable_questions(answers, TODAY) == ["birth", "car_t"]
    assert open_questions(answers, TODAY) == []


def test_under_18_is_the_last_question() -> None:
    answers = Answers(birth=exact(2010, 1, 1))
    assert applicable_questions(answers, TODAY) == ["birth"]
    assert open_questions(answers, TODAY) == []


def test_a_deferral_does_not_stop_the_questions() -> None:
    answers = Answers(
        birth=exact(1980, 3, 15),
        car_t=Reply.NO,
        transplant=Transplant.NONE,
        diagnosis=Diagnosis.SLE,
        hiv_or_syphilis=Reply.NO,
        can_become_pregnant=Reply.NO,
        ecog=Ecog.LIGHT_WORK,
        cancer=Cancer.NONE,
        infection=Reply.YES,
        infection_treatment_end=ONGOING,
    )
    assert open_questions(answers, TODAY) == [
        "live_vaccine",
        "other_trial",
        "disease_active",
        "hepatitis_or_cmv",
        "serious_illness",
    ]


# --- outcome of a whole screening ---------------------------------------------


def test_all_clear_is_pre_qualified_with_the_verify_flags() -> None:
    screening = evaluate(ALL_CLEAR, TODAY)
    assert screening.outcome is Outcome.PRE_QUALIFIED
    assert screening.rescreen_date is None
    assert [r.criterion.id for r in screening.results] == [c.id for c in CRITERIA]
    assert ids_with(screening, Decision.VERIFY) == {"I2", "I3", "I5", "I7", "E10"}
    assert ids_with(screening, Decision.EXCLUDED) == set()
    assert ids_with(screening, Decision.DEFERRED) == set()
    assert ids_with(screening, Decision.NOT_ASKED) == set()


def test_pre_qualified_lists_every_verify_flag() -> None:
    answers = answers_with(
        **MAY_BE_PREGNANT,
        serious_illness=Reply.YES,
        hepatitis_or_cmv=Reply.YES,
        transplant=Transplant.CORNEA_OR_HAIR,
        cancer=Cancer.EXCEPTED,
        cancer_treated=Reply.YES,
    )
    screening = evaluate(answers, TODAY)
    assert screening.outcome is Outcome.PRE_QUALIFIED
    assert {r.criterion.id: r.finding.note for r in screening.with_decision(Decision.VERIFY)} == {
        "I2": "classification_criteria",
        "I3": "activity_score",
        "I5": "lab_and_organ_tests",
        "I6": "pregnancy_test",
        "I7": "consent_at_site",
        "E2": "investigator_judgement",
        "E5": "viral_load",
        "E10": "investigator_judgement",
    }
    assert finding("E4", answers) == met()
    assert finding("E8", answers) == met("excepted_cancer_treated")


@pytest.mark.parametrize("answers", [Answers(), ALL_CLEAR], ids=["empty", "complete"])
def test_i5_i7_e10_are_always_verify(answers: Answers) -> None:
    screening = evaluate(answers, TODAY)
    assert {"I5", "I7", "E10"} <= ids_with(screening, Decision.VERIFY)


def test_deferred_rescreens_on_the_latest_window_end() -> None:
    answers = answers_with(
        infection=Reply.YES,
        infection_treatment_end=ONGOING,  # until 2 Dec
        live_vaccine=Reply.YES,
        live_vaccine_date=exact(2026, 11, 11),  # until 9 Dec
        other_trial=Reply.YES,
        other_trial_end=exact(2026, 10, 1),  # until 1 Jan
    )
    screening = evaluate(answers, TODAY)
    assert screening.outcome is Outcome.DEFERRED
    assert screening.rescreen_date == date(2027, 1, 1)
    assert {
        r.criterion.id: r.finding.until for r in screening.with_decision(Decision.DEFERRED)
    } == {
        "E3": date(2026, 12, 2),
        "E6": date(2026, 12, 9),
        "E9": date(2027, 1, 1),
    }


def test_deferred_by_dm_duration_with_verify_flags() -> None:
    answers = answers_with(**{**DM, "dm_diagnosed": exact(2026, 3, 1)})
    screening = evaluate(answers, TODAY)
    assert screening.outcome is Outcome.DEFERRED
    assert screening.rescreen_date == date(2027, 3, 1)
    assert "I2" in ids_with(screening, Decision.VERIFY)


def test_an_exclusion_beats_a_deferral() -> None:
    answers = answers_with(
        live_vaccine=Reply.YES, live_vaccine_date=exact(2026, 11, 20), ecog=Ecog.NO_WORK
    )
    screening = evaluate(answers, TODAY)
    assert screening.outcome is Outcome.NOT_ELIGIBLE
    assert screening.rescreen_date is None
    assert ids_with(screening, Decision.EXCLUDED) == {"I4"}


def test_an_exclusion_ends_the_screening_even_if_incomplete() -> None:
    screening = evaluate(Answers(car_t=Reply.YES), TODAY)
    assert screening.outcome is Outcome.NOT_ELIGIBLE
    assert screening.rescreen_date is None


@pytest.mark.parametrize(
    "answers",
    [
        pytest.param(Answers(), id="empty"),
        pytest.param(replace(ALL_CLEAR, serious_illness=None), id="last-question-open"),
        pytest.param(answers_with(infection=Reply.YES), id="follow-up-open"),
        pytest.param(answers_with(diagnosis=Diagnosis.DERMATOMYOSITIS), id="dm-questions-open"),
    ],
)
def test_incomplete_without_exclusion_or_deferral(answers: Answers) -> None:
    screening = evaluate(answers, TODAY)
    assert screening.outcome is Outcome.INCOMPLETE
    assert screening.rescreen_date is None


def test_a_deferral_with_questions_still_open_is_incomplete_until_answered() -> None:
    # Screening goes on after a deferral, because a later answer may still exclude
    # (docs/architecture.md); the outcome is decided once every question is answered.
    answers = Answers(
        birth=exact(1980, 3, 15),
        car_t=Reply.NO,
        transplant=Transplant.NONE,
        diagnosis=Diagnosis.SLE,
        hiv_or_syphilis=Reply.NO,
        can_become_pregnant=Reply.NO,
        ecog=Ecog.FULLY_ACTIVE,
        cancer=Cancer.NONE,
        infection=Reply.NO,
        live_vaccine=Reply.YES,
        live_vaccine_date=exact(2026, 11, 22),
    )
    assert evaluate(answers, TODAY).outcome is Outcome.INCOMPLETE
    assert evaluate(answers, TODAY).rescreen_date is None

    done = replace(
        answers,
        other_trial=Reply.NO,
        disease_active=Reply.YES,
        hepatitis_or_cmv=Reply.NO,
        serious_illness=Reply.NO,
    )
    screening = evaluate(done, TODAY)
    assert screening.outcome is Outcome.DEFERRED
    assert screening.rescreen_date == date(2026, 12, 20)


def test_judge_is_not_asked_until_answered() -> None:
    for criterion in CRITERIA:
        expected = Decision.VERIFY if not criterion.slots else Decision.NOT_ASKED
        assert judge(criterion, Answers(), TODAY).decision is expected, criterion.id


def test_evaluate_is_pure() -> None:
    first = evaluate(ALL_CLEAR, TODAY)
    assert evaluate(ALL_CLEAR, TODAY) == first

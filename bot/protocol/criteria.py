"""Every criterion of NCT06056921 and every pre-screen question, as data.

Read this beside `docs/protocol/criteria-map.md`: one `Criterion` per row there
(I2 and I3 have parts: I2-DM, I3-SSC, I3-DM), each with its stable id, the
protocol text, the questions that decide it and its rule. `QUESTIONS` is the
order in which the chat asks: hard exclusions first, then time windows, then
what staff verify anyway.

A rule takes the answers and the screening date and returns a `Finding`, or None
while a question it needs is still unanswered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from dateutil.relativedelta import relativedelta

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
from bot.protocol.decisions import Finding, deferred, excluded, met, verify

PROTOCOL_ID = "NCT06056921"
PROTOCOL_VERSION = "NCT06056921/2025-06-26"
"""The listing version our reading follows (its 'current as of' date)."""

SITE_TIMEZONE = "Asia/Shanghai"
"""Windows are counted in the site's calendar (Taiyuan)."""

MINIMUM_AGE = relativedelta(years=18)
DM_MINIMUM_DURATION = relativedelta(years=1)
INFECTION_WINDOW = relativedelta(weeks=1)
LIVE_VACCINE_WINDOW = relativedelta(weeks=4)
OTHER_TRIAL_WINDOW = relativedelta(months=3)


class QuestionKind(str, Enum):
    """How a patient's reply to the question is read."""

    REPLY = "reply"  # yes / no / not sure
    CHOICE = "choice"  # one of an enum's values
    BIRTH = "birth"  # a date of birth or an age
    PAST_DATE = "past_date"  # a date that has happened, or "not sure"
    END_DATE = "end_date"  # a past date, "still ongoing", or "not sure"


@dataclass(frozen=True)
class Question:
    slot: str
    kind: QuestionKind
    applies: Callable[[Answers], bool] = lambda answers: True
    choices: type[Enum] | None = None


def _has_diagnosis(diagnosis: Diagnosis) -> Callable[[Answers], bool]:
    return lambda answers: answers.diagnosis is diagnosis


def _said_yes(field: str) -> Callable[[Answers], bool]:
    return lambda answers: getattr(answers, field) is Reply.YES


def _may_become_pregnant(answers: Answers) -> bool:
    return answers.can_become_pregnant in (Reply.YES, Reply.UNSURE)


Q = QuestionKind
QUESTIONS: tuple[Question, ...] = (
    Question("birth", Q.BIRTH),
    Question("car_t", Q.REPLY),
    Question("transplant", Q.CHOICE, choices=Transplant),
    Question("diagnosis", Q.CHOICE, choices=Diagnosis),
    Question("dm_antibody", Q.REPLY, _has_diagnosis(Diagnosis.DERMATOMYOSITIS)),
    Question("ssc_lung", Q.REPLY, _has_diagnosis(Diagnosis.SYSTEMIC_SCLEROSIS)),
    Question("hiv_or_syphilis", Q.REPLY),
    Question("can_become_pregnant", Q.REPLY),
    Question("pregnant", Q.REPLY, _may_become_pregnant),
    Question("contraception", Q.REPLY, _may_become_pregnant),
    Question("ecog", Q.CHOICE, choices=Ecog),
    Question("cancer", Q.CHOICE, choices=Cancer),
    Question("cancer_treated", Q.REPLY, lambda a: a.cancer is Cancer.EXCEPTED),
    Question("dm_diagnosed", Q.PAST_DATE, _has_diagnosis(Diagnosis.DERMATOMYOSITIS)),
    Question("infection", Q.REPLY),
    Question("infection_treatment_end", Q.END_DATE, _said_yes("infection")),
    Question("live_vaccine", Q.REPLY),
    Question("live_vaccine_date", Q.PAST_DATE, _said_yes("live_vaccine")),
    Question("other_trial", Q.REPLY),
    Question("other_trial_end", Q.END_DATE, _said_yes("other_trial")),
    Question("disease_active", Q.REPLY),
    Question("hepatitis_or_cmv", Q.REPLY),
    Question("serious_illness", Q.REPLY),
)
QUESTIONS_BY_SLOT = {question.slot: question for question in QUESTIONS}


@dataclass(frozen=True)
class Criterion:
    id: str
    protocol_text: str
    slots: tuple[str, ...]
    rule: Callable[[Answers, date], Finding | None]


# --- rules, in the order of the listing -------------------------------------


def first_day_clear(start: date, period: relativedelta) -> date:
    """The first day D with D - period >= start: when "within `period` of
    `start`" stops holding, counted back from D as the protocol counts.

    Adding `period` alone is not enough at month ends: 31 Aug + 3 months clamps to
    30 Nov, yet on 30 Nov the window still holds (30 Nov - 3 months = 30 Aug).
    """
    day = start + period
    while day - period < start:
        day += timedelta(days=1)
    return day


def _reply(
    reply: Reply | None, *, yes: Finding, no: Finding, unsure_note: str = "patient_unsure"
) -> Finding | None:
    """The common shape: a yes/no answer decides; "not sure" always means verify."""
    if reply is None:
        return None
    return {Reply.YES: yes, Reply.NO: no}.get(reply) or verify(unsure_note)


def age(answers: Answers, today: date) -> Finding | None:
    if answers.birth is None:
        return None
    if first_day_clear(answers.birth.latest, MINIMUM_AGE) <= today:
        return met()
    if first_day_clear(answers.birth.earliest, MINIMUM_AGE) > today:
        return excluded("under_18")
    return verify("birth_year_only")


def diagnosis(answers: Answers, today: date) -> Finding | None:
    if answers.diagnosis is None:
        return None
    if answers.diagnosis is Diagnosis.OTHER:
        return excluded("no_listed_disease")
    if answers.diagnosis is Diagnosis.UNSURE:
        return verify("patient_unsure")
    return verify("classification_criteria")


def _for_other_diagnoses(answers: Answers) -> Finding | None:
    """For a disease-specific criterion: met when the patient has another listed
    disease; verify when they do not know which they have."""
    if answers.diagnosis is None:
        return None
    if answers.diagnosis is Diagnosis.UNSURE:
        return verify("diagnosis_unknown")
    return met("not_applicable")


def dm_antibody(answers: Answers, today: date) -> Finding | None:
    if answers.diagnosis is not Diagnosis.DERMATOMYOSITIS:
        return _for_other_diagnoses(answers)
    return _reply(answers.dm_antibody, yes=met(), no=excluded("no_myositis_antibody"))


def disease_activity(answers: Answers, today: date) -> Finding | None:
    return _reply(
        answers.disease_active,
        yes=verify("activity_score"),
        no=verify("reports_inactive_disease"),
    )


def ssc_lung(answers: Answers, today: date) -> Finding | None:
    if answers.diagnosis is not Diagnosis.SYSTEMIC_SCLEROSIS:
        return _for_other_diagnoses(answers)
    return _reply(answers.ssc_lung, yes=verify("mrss_score"), no=excluded("no_ild"))


def _window(
    when: DateSpan | Reply | str | None, window: relativedelta, today: date, note: str
) -> Finding | None:
    """Deferred while `when` + window is after today (the re-screen date is the
    first day the window no longer holds); ONGOING counts as ending today."""
    if when is None:
        return None
    if isinstance(when, Reply):
        return verify("date_unknown")
    if isinstance(when, DateSpan):
        end = when.latest
    elif when == ONGOING:
        end = today
    else:
        raise TypeError(f"not a date answer: {when!r}")
    clear_from = first_day_clear(end, window)
    return deferred(clear_from, note) if clear_from > today else met()


def dm_duration(answers: Answers, today: date) -> Finding | None:
    if answers.diagnosis is not Diagnosis.DERMATOMYOSITIS:
        return _for_other_diagnoses(answers)
    when = answers.dm_diagnosed
    if isinstance(when, DateSpan) and first_day_clear(
        when.earliest, DM_MINIMUM_DURATION
    ) <= today < first_day_clear(when.latest, DM_MINIMUM_DURATION):
        return verify("diagnosis_date_imprecise")
    return _window(when, DM_MINIMUM_DURATION, today, "dm_diagnosed_under_1_year")


def performance_status(answers: Answers, today: date) -> Finding | None:
    if answers.ecog is None:
        return None
    return excluded("ecog_2_or_more") if answers.ecog.grade >= 2 else met()


def organ_function(answers: Answers, today: date) -> Finding | None:
    return verify("lab_and_organ_tests")


def contraception(answers: Answers, today: date) -> Finding | None:
    if answers.can_become_pregnant is None:
        return None
    if answers.can_become_pregnant is Reply.NO:
        return met("not_of_childbearing_potential")
    return _reply(
        answers.contraception,
        yes=verify("pregnancy_test"),
        no=excluded("declines_contraception"),
    )


def informed_consent(answers: Answers, today: date) -> Finding | None:
    return verify("consent_at_site")


def prior_car_t(answers: Answers, today: date) -> Finding | None:
    return _reply(answers.car_t, yes=excluded("prior_car_t"), no=met())


def serious_illness(answers: Answers, today: date) -> Finding | None:
    return _reply(answers.serious_illness, yes=verify("investigator_judgement"), no=met())


def infection(answers: Answers, today: date) -> Finding | None:
    if answers.infection is not Reply.YES:
        return _reply(answers.infection, yes=met(), no=met())
    return _window(answers.infection_treatment_end, INFECTION_WINDOW, today, "recent_infection")


def transplant(answers: Answers, today: date) -> Finding | None:
    if answers.transplant is None:
        return None
    if answers.transplant in (Transplant.STEM_CELL, Transplant.ORGAN):
        return excluded("prior_transplant")
    if answers.transplant is Transplant.UNSURE:
        return verify("patient_unsure")
    return met()


def infections_serology(answers: Answers, today: date) -> Finding | None:
    hard = answers.hiv_or_syphilis
    if hard is Reply.YES:
        return excluded("hiv_or_syphilis")
    if hard is None or answers.hepatitis_or_cmv is None:
        return None
    if answers.hepatitis_or_cmv is Reply.YES:
        return verify("viral_load")
    if Reply.UNSURE in (hard, answers.hepatitis_or_cmv):
        return verify("patient_unsure")
    return met()


def live_vaccine(answers: Answers, today: date) -> Finding | None:
    if answers.live_vaccine is not Reply.YES:
        return _reply(answers.live_vaccine, yes=met(), no=met())
    return _window(answers.live_vaccine_date, LIVE_VACCINE_WINDOW, today, "recent_live_vaccine")


def pregnancy(answers: Answers, today: date) -> Finding | None:
    if answers.pregnant is Reply.YES:  # whatever was said before (bot/contradictions.py)
        return excluded("pregnant")
    if answers.can_become_pregnant is Reply.NO:
        return met("not_of_childbearing_potential")
    return _reply(answers.pregnant, yes=excluded("pregnant"), no=met())


def malignancy(answers: Answers, today: date) -> Finding | None:
    if answers.cancer is None:
        return None
    if answers.cancer is Cancer.NONE:
        return met()
    if answers.cancer is Cancer.OTHER:
        return excluded("malignancy")
    if answers.cancer is Cancer.UNSURE:
        return verify("patient_unsure")
    return _reply(
        answers.cancer_treated,
        yes=met("excepted_cancer_treated"),
        no=excluded("excepted_cancer_untreated"),
    )


def other_trial(answers: Answers, today: date) -> Finding | None:
    if answers.other_trial is not Reply.YES:
        return _reply(answers.other_trial, yes=met(), no=met())
    return _window(answers.other_trial_end, OTHER_TRIAL_WINDOW, today, "recent_other_trial")


def investigator_judgement(answers: Answers, today: date) -> Finding | None:
    return verify("investigator_judgement")


CRITERIA: tuple[Criterion, ...] = (
    Criterion("I1", "Aged 18 or over", ("birth",), age),
    Criterion(
        "I2",
        "SLE, Sjogren's, systemic sclerosis, dermatomyositis or ANCA vasculitis "
        "by the named classification standards",
        ("diagnosis",),
        diagnosis,
    ),
    Criterion(
        "I2-DM",
        "Dermatomyositis: one positive myositis-specific antibody",
        ("dm_antibody",),
        dm_antibody,
    ),
    Criterion(
        "I3",
        "Active disease: SLEDAI >= 8, ESSDAI >= 14, mRSS 10-35, DM activity "
        "measures, or BVAS >= 15",
        ("disease_active",),
        disease_activity,
    ),
    Criterion(
        "I3-SSC",
        "Systemic sclerosis: interstitial lung disease",
        ("ssc_lung",),
        ssc_lung,
    ),
    Criterion(
        "I3-DM",
        "Dermatomyositis: diagnosed at least 1 year ago",
        ("dm_diagnosed",),
        dm_duration,
    ),
    Criterion("I4", "ECOG performance status 0-1", ("ecog",), performance_status),
    Criterion(
        "I5",
        "Organ function: blood counts, LVEF and ECG, eGFR, liver tests, DLCO and "
        "FVC, venous access",
        (),
        organ_function,
    ),
    Criterion(
        "I6",
        "Childbearing potential: negative pregnancy test and effective "
        "contraception until 1 year after infusion",
        ("can_become_pregnant", "contraception"),
        contraception,
    ),
    Criterion("I7", "Signs informed consent", (), informed_consent),
    Criterion("E1", "Previous CAR-T cell therapy", ("car_t",), prior_car_t),
    Criterion(
        "E2",
        "Serious heart, liver, lung, blood or endocrine disease",
        ("serious_illness",),
        serious_illness,
    ),
    Criterion(
        "E3",
        "Active infection needing systemic treatment within 1 week",
        ("infection", "infection_treatment_end"),
        infection,
    ),
    Criterion(
        "E4",
        "Previous stem-cell or solid-organ transplant (cornea and hair excepted)",
        ("transplant",),
        transplant,
    ),
    Criterion(
        "E5",
        "HBV or HCV with viral load, HIV, syphilis, or CMV DNA positive",
        ("hiv_or_syphilis", "hepatitis_or_cmv"),
        infections_serology,
    ),
    Criterion(
        "E6",
        "Live vaccine within 4 weeks",
        ("live_vaccine", "live_vaccine_date"),
        live_vaccine,
    ),
    Criterion("E7", "Positive pregnancy test", ("pregnant",), pregnancy),
    Criterion(
        "E8",
        "Malignancy, except the excepted treated kinds",
        ("cancer", "cancer_treated"),
        malignancy,
    ),
    Criterion(
        "E9",
        "Another clinical trial within 3 months",
        ("other_trial", "other_trial_end"),
        other_trial,
    ),
    Criterion(
        "E10",
        "Investigator considers participation inappropriate",
        (),
        investigator_judgement,
    ),
)
CRITERIA_BY_ID = {criterion.id: criterion for criterion in CRITERIA}

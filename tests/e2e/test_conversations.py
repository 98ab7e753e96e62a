"""Whole conversations over the REST channel against the real `rasa run` and
action server, checked in the referral store. Needs a trained model."""

from __future__ import annotations

import pytest
from dateutil.relativedelta import relativedelta

from bot.protocol.calendar import screening_date
from bot.protocol.eligibility import Outcome
from bot.reading.en.dates import WRITTEN as _EN_DATES
from bot.referrals.model import Status
from bot.referrals.store import ReferralStore
from harness.patients import ELIGIBLE, screen, sender, text_of, texts
from harness.servers import RasaServer

written_date = _EN_DATES.written

pytestmark = pytest.mark.e2e

HEALTH_QUESTIONS = [
    "birth", "car_t", "transplant", "diagnosis", "hiv_or_syphilis", "can_become_pregnant",
    "ecog", "cancer", "infection", "live_vaccine", "other_trial", "disease_active",
    "hepatitis_or_cmv", "serious_illness",
]  # fmt: skip
CONTACT_QUESTIONS = ["contact_consent", "contact_name", "contact_phone", "contact_email",
                     "contact_time"]  # fmt: skip


def test_a_pre_qualified_patient_is_referred_once(
    rasa: RasaServer, referrals: ReferralStore
) -> None:
    patient = sender()
    transcript = screen(rasa, patient, ELIGIBLE)

    assert transcript.asked == ["screening_consent", *HEALTH_QUESTIONS, *CONTACT_QUESTIONS]
    assert text_of("utter_pre_qualified") in transcript.said
    assert transcript.last == [text_of("utter_referral_saved")]
    referral = referrals.get(patient)
    assert referral is not None
    assert (referral.outcome, referral.status) == (Outcome.PRE_QUALIFIED, Status.NEW)
    assert referral.language == "en"  # the conversation's language, not a default
    assert referral.contact.name == "Anna Kowalska"
    assert referral.contact.phone == "+8613800138000"
    assert referral.contact.email is None
    assert referral.contact.preferred_time.value == "morning"
    verify = {c.criterion_id: c.note for c in referral.to_verify}
    assert verify == {
        "I2": "classification_criteria", "I3": "activity_score", "I5": "lab_and_organ_tests",
        "I7": "consent_at_site", "E5": "patient_unsure", "E10": "investigator_judgement",
    }  # fmt: skip

    rasa.say(patient, "hi")  # coming back later does not refer them twice
    assert [r.conversation_id for r in referrals.list()].count(patient) == 1


SEVENTEEN = (screening_date() - relativedelta(years=18) + relativedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    ("answers", "last_question", "reason"),
    [
        ({"birth": SEVENTEEN}, "birth", "utter_excluded_i1"),
        ({"car_t": "yes I had CAR-T in 2022"}, "car_t", "utter_excluded_e1"),
        ({"transplant": "bone marrow transplant"}, "transplant", "utter_excluded_e4"),
        ({"diagnosis": "none of these"}, "diagnosis", "utter_excluded_i2"),
        (
            {"diagnosis": "dermatomyositis", "dm_antibody": "no"},
            "dm_antibody",
            "utter_excluded_i2_dm",
        ),
        (
            {"diagnosis": "scleroderma", "ssc_lung": "no"},
            "ssc_lung",
            "utter_excluded_i3_ssc",
        ),
        ({"hiv_or_syphilis": "yes"}, "hiv_or_syphilis", "utter_excluded_e5"),
        (
            {"can_become_pregnant": "yes", "pregnant": "yes"},
            "pregnant",
            "utter_excluded_e7",
        ),
        (
            {"can_become_pregnant": "yes", "pregnant": "no", "contraception": "no"},
            "contraception",
            "utter_excluded_i6",
        ),
        ({"ecog": '/inform{"ecog": "2"}'}, "ecog", "utter_excluded_i4"),
        ({"cancer": "yes, breast cancer"}, "cancer", "utter_excluded_e8"),
    ],
    ids=["I1", "E1", "E4", "I2", "I2-DM", "I3-SSC", "E5", "E7", "I6", "I4", "E8"],
)
def test_a_hard_exclusion_ends_the_screening_at_once_with_the_reason(
    rasa: RasaServer,
    referrals: ReferralStore,
    answers: dict[str, str],
    last_question: str,
    reason: str,
) -> None:
    patient = sender()
    transcript = screen(rasa, patient, {**ELIGIBLE, **answers})

    assert transcript.asked[-1] == last_question
    assert transcript.last == [text_of(reason), text_of("utter_excluded_closing")]
    assert referrals.get(patient) is None


def test_a_deferred_patient_gets_a_date_and_is_referred_for_later(
    rasa: RasaServer, referrals: ReferralStore
) -> None:
    patient = sender()
    facts = {**ELIGIBLE, "live_vaccine": "yes", "live_vaccine_date": "one week ago"}
    transcript = screen(rasa, patient, facts)

    back = screening_date() - relativedelta(weeks=1) + relativedelta(weeks=4)
    assert "live_vaccine_date" in transcript.asked
    assert text_of("utter_deferred_e6") in transcript.said
    assert f"You could be screened for the study from {written_date(back)}." in transcript.said
    referral = referrals.get(patient)
    assert referral is not None
    assert (referral.outcome, referral.rescreen_date) == (Outcome.DEFERRED, back)


def test_a_deferred_patient_who_declines_contact_is_not_stored(
    rasa: RasaServer, referrals: ReferralStore
) -> None:
    patient = sender()
    facts = {**ELIGIBLE, "other_trial": "yes", "other_trial_end": "still in it",
             "contact_consent": "no"}  # fmt: skip
    transcript = screen(rasa, patient, facts)

    assert transcript.asked[-1] == "contact_consent"
    assert transcript.last == [text_of("utter_no_contact_goodbye")]
    assert referrals.get(patient) is None


def test_no_health_question_without_consent(rasa: RasaServer) -> None:
    transcript = screen(rasa, sender(), {"screening_consent": "no"})

    assert transcript.asked == ["screening_consent"]
    assert transcript.last == [text_of("utter_no_consent")]


def test_impossible_answers_are_asked_again_with_a_hint(rasa: RasaServer) -> None:
    patient = sender()
    rasa.say(patient, "hi")
    rasa.say(patient, "yes")
    hint = texts(rasa, patient, "born 30 February 1990")
    assert hint == [text_of("utter_invalid_date_impossible"), text_of("utter_ask_birth")]
    hint = texts(rasa, patient, "I'm 150")
    assert hint == [text_of("utter_invalid_date_too_old"), text_of("utter_ask_birth")]
    after = texts(rasa, patient, "15/03/1980")
    assert after == [text_of("utter_ask_car_t")]


def test_side_questions_are_answered_and_the_question_asked_again(rasa: RasaServer) -> None:
    patient = sender()
    rasa.say(patient, "hi")
    rasa.say(patient, "yes")
    rasa.say(patient, "45")
    why = texts(rasa, patient, "why do you ask?")
    assert why == [text_of("utter_why_car_t"), text_of("utter_ask_car_t")]
    cart = texts(rasa, patient, "what is car-t?")
    assert cart == [text_of("utter_answer_what_is_cart"), text_of("utter_ask_car_t")]
    asked = texts(rasa, patient, "stop")
    assert asked == [text_of("utter_confirm_stop")]
    stop = texts(rasa, patient, "yes")
    assert stop == [text_of("utter_stopped")]


def test_a_conversation_survives_a_restart_of_rasa(
    rasa: RasaServer, referrals: ReferralStore
) -> None:
    patient = sender()
    rasa.say(patient, "hi")
    rasa.say(patient, "yes")
    rasa.say(patient, "45")

    rasa.stop()
    rasa.start()

    again = texts(rasa, patient, "no")  # answers car_t, asked before
    assert again == [text_of("utter_ask_transplant")]

"""Corrections, coming back, starting over, fallback and asking for a person,
over REST against the real servers."""

from __future__ import annotations

import pytest

from bot.protocol.contradictions import Flag, FlagKind
from bot.protocol.eligibility import Outcome
from bot.referrals.model import Request
from bot.referrals.store import ReferralStore
from harness.patients import ELIGIBLE, screen, sender, text_of, texts
from harness.servers import RasaServer

pytestmark = pytest.mark.e2e


def start(rasa: RasaServer, *answers: str) -> str:
    patient = sender()
    for message in ("hi", "yes", *answers):
        texts(rasa, patient, message)
    return patient


def test_a_correction_changes_the_earlier_answer_and_re_evaluates(rasa: RasaServer) -> None:
    patient = start(rasa, "45", "no")  # CAR-T: no; now asked about transplants

    assert texts(rasa, patient, "sorry, I meant yes") == [
        text_of("utter_correction_noted"),
        text_of("utter_confirm_exclusion_car_t"),  # read back before it counts
    ]
    assert texts(rasa, patient, "yes") == [
        text_of("utter_excluded_e1"),
        text_of("utter_excluded_closing"),
    ]


def test_an_answer_that_excludes_is_read_back_and_a_no_asks_again(rasa: RasaServer) -> None:
    patient = start(rasa, "45")

    assert texts(rasa, patient, "yes") == [text_of("utter_confirm_exclusion_car_t")]
    assert texts(rasa, patient, "no") == [
        text_of("utter_exclusion_not_confirmed"),
        text_of("utter_ask_car_t"),
    ]
    assert texts(rasa, patient, "no") == [text_of("utter_ask_transplant")]


def test_a_correction_after_an_exclusion_reopens_the_screening(rasa: RasaServer) -> None:
    patient = start(rasa, "45", "yes", "yes")  # excluded, confirmed: had CAR-T

    assert texts(rasa, patient, "sorry, I meant no") == [
        text_of("utter_correction_noted"),
        text_of("utter_ask_transplant"),
    ]


def test_a_birth_date_correction_keeps_the_current_question(rasa: RasaServer) -> None:
    patient = start(rasa, "45", "no")

    assert texts(rasa, patient, "actually I was born in 1990") == [
        text_of("utter_correction_noted"),
        text_of("utter_ask_transplant"),
    ]


def test_a_patient_who_comes_back_continues_where_they_were(rasa: RasaServer) -> None:
    patient = start(rasa, "45")

    assert texts(rasa, patient, "hi") == [text_of("utter_welcome_back"), text_of("utter_ask_car_t")]
    assert texts(rasa, patient, "no") == [text_of("utter_ask_transplant")]


def test_start_over_clears_the_answers(rasa: RasaServer) -> None:
    patient = start(rasa, "45", "no")

    assert texts(rasa, patient, "start over") == [text_of("utter_confirm_start_over")]
    assert texts(rasa, patient, "yes")[0] == text_of("utter_starting_over")
    texts(rasa, patient, "hi")
    assert texts(rasa, patient, "yes") == [text_of("utter_ask_birth")]


def test_off_topic_messages_get_the_question_again(rasa: RasaServer) -> None:
    patient = start(rasa, "45")

    replies = texts(rasa, patient, "what's the weather like tomorrow")
    assert replies[-1] == text_of("utter_ask_car_t")
    assert replies[0] in (text_of("utter_out_of_scope"), text_of("utter_default"))


def test_asking_for_a_person_creates_a_callback_request(
    rasa: RasaServer, referrals: ReferralStore
) -> None:
    patient = start(rasa, "45", "no")

    offer = texts(rasa, patient, "can I talk to a real person")
    assert offer == [text_of("utter_ask_contact_consent", callback_requested=True)]
    for answer in ("yes", "Li Wei", "+86 138 0013 8000", "skip"):
        texts(rasa, patient, answer)
    assert texts(rasa, patient, "afternoon") == [
        text_of("utter_referral_saved", callback_requested=True)
    ]

    referral = referrals.get(patient)
    assert referral is not None
    assert (referral.request, referral.outcome) == (Request.CALLBACK, Outcome.INCOMPLETE)
    answered = {c.criterion_id: c.answers for c in referral.criteria if c.answers}
    assert answered == {"I1": {"birth": referral.criteria[0].answers["birth"]},
                        "E1": {"car_t": "no"}}  # fmt: skip


def test_a_stop_not_confirmed_changes_nothing(rasa: RasaServer) -> None:
    patient = start(rasa, "45")

    assert texts(rasa, patient, "stop") == [text_of("utter_confirm_stop")]
    assert texts(rasa, patient, "what's the weather") == [
        text_of("utter_default"),
        text_of("utter_confirm_stop"),
    ]
    assert texts(rasa, patient, "hello") == [
        text_of("utter_welcome_back"),
        text_of("utter_confirm_stop"),
    ]
    assert texts(rasa, patient, "no") == [
        text_of("utter_request_cancelled"),
        text_of("utter_ask_car_t"),
    ]
    assert texts(rasa, patient, "no") == [text_of("utter_ask_transplant")]


def test_pregnant_after_cannot_become_pregnant_is_asked_not_guessed(rasa: RasaServer) -> None:
    patient = start(rasa, "45", "no", "no", "lupus", "no", "no")  # now asked about daily life

    assert texts(rasa, patient, "actually I'm pregnant") == [
        text_of("utter_correction_noted"),
        text_of("utter_ask_pregnant"),
    ]
    assert texts(rasa, patient, "yes") == [text_of("utter_confirm_exclusion_pregnant")]
    assert texts(rasa, patient, "yes")[0] == text_of("utter_excluded_e7")


def test_a_correction_about_a_question_not_asked_changes_nothing(rasa: RasaServer) -> None:
    patient = start(rasa, "45", "no")  # now asked about transplants

    assert texts(rasa, patient, "actually I have had cancer") == [
        text_of("utter_correction_not_asked"),
        text_of("utter_ask_transplant"),
    ]
    assert texts(rasa, patient, "no") == [text_of("utter_ask_diagnosis")]


def test_a_changed_answer_reaches_staff_as_a_flag(
    rasa: RasaServer, referrals: ReferralStore
) -> None:
    patient = start(rasa, "45", "yes", "yes")  # excluded, confirmed: had CAR-T
    texts(rasa, patient, "sorry, I meant no")

    transcript = screen(rasa, patient, ELIGIBLE)

    assert transcript.last == [text_of("utter_referral_saved")]
    referral = referrals.get(patient)
    assert referral is not None
    assert referral.flags == (Flag(FlagKind.CHANGED, "car_t", "yes -> no"),)
    e1 = next(c for c in referral.criteria if c.criterion_id == "E1")
    assert (e1.answers, e1.decision) == ({"car_t": "no"}, "met")  # the final answer


def test_an_answer_to_another_question_is_not_taken_for_this_one(rasa: RasaServer) -> None:
    patient = start(rasa, "45")  # now asked about CAR-T: a yes / no question

    assert texts(rasa, patient, "I have lupus") == [
        text_of("utter_invalid_yes_no"),  # the words say neither yes nor no
        text_of("utter_ask_car_t"),  # asked again: nothing was filled
    ]
    assert texts(rasa, patient, "no") == [text_of("utter_ask_transplant")]


def test_a_referral_after_starting_over_from_an_exclusion_names_it(
    rasa: RasaServer, referrals: ReferralStore
) -> None:
    patient = start(rasa, "45", "yes", "yes")  # excluded, confirmed: had CAR-T
    assert texts(rasa, patient, "start over") == [text_of("utter_starting_over")]

    transcript = screen(rasa, patient, ELIGIBLE)

    assert transcript.last == [text_of("utter_referral_saved")]
    referral = referrals.get(patient)
    assert referral is not None
    assert Flag(FlagKind.RESTARTED, "", "E1") in referral.flags
    i2 = next(c for c in referral.criteria if c.criterion_id == "I2")
    assert i2.words == {"diagnosis": ELIGIBLE["diagnosis"]}  # the patient's own words


@pytest.mark.parametrize("statement", ["I'm a man", "i am a guy, so no", "speaking as a man"])
def test_a_statement_that_answers_never_ends_the_questions(
    rasa: RasaServer, statement: str
) -> None:
    patient = start(rasa, "45", "no", "no", "I have lupus", "no")  # asked: can become pregnant?

    # Whatever the classifier heard ("a person, please" included), the reader
    # reads the statement as the answer: no callback, no pregnancy questions.
    assert texts(rasa, patient, statement) == [text_of("utter_ask_ecog")]

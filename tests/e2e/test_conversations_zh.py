# ruff: noqa: RUF001 (full-width punctuation, as Chinese patients type it)
"""Whole Chinese conversations over the REST channel against the real servers,
to every outcome, checked in the referral store; and a conversation changing
language half-way. Needs a trained model."""

from __future__ import annotations

import pytest
from dateutil.relativedelta import relativedelta

from bot.protocol.calendar import screening_date
from bot.protocol.eligibility import Outcome
from bot.reading.zh.dates import WRITTEN as _ZH_DATES
from bot.referrals.model import Referral, Status
from bot.referrals.store import ReferralStore
from harness.patients import ELIGIBLE, ELIGIBLE_SLOTS, ELIGIBLE_ZH, screen, sender, text_of, texts
from harness.servers import RasaServer
from tests.e2e.test_conversations import CONTACT_QUESTIONS, HEALTH_QUESTIONS

written_date = _ZH_DATES.written

pytestmark = pytest.mark.e2e
GREETING = "你好"
CONFIRM = {"confirmed_exclusion": "对，没错"}  # the answer that excludes is read back


def zh(response: str) -> str:
    return text_of(response, language="zh")


def stored_answers(referral: Referral) -> dict[str, str]:
    return {slot: value for c in referral.criteria for slot, value in c.answers.items()}


def test_a_chinese_greeting_gets_the_chinese_introduction(rasa: RasaServer) -> None:
    assert texts(rasa, sender(), GREETING) == [zh("utter_intro"), zh("utter_ask_screening_consent")]


def test_a_pre_qualified_chinese_patient_is_referred_in_chinese(
    rasa: RasaServer, referrals: ReferralStore
) -> None:
    patient = sender()
    transcript = screen(rasa, patient, ELIGIBLE_ZH, greeting=GREETING)

    contact = [*CONTACT_QUESTIONS[:3], "contact_wechat", *CONTACT_QUESTIONS[3:]]
    assert transcript.asked == ["screening_consent", *HEALTH_QUESTIONS, *contact]
    assert zh("utter_pre_qualified") in transcript.said
    assert transcript.last == [zh("utter_referral_saved")]
    referral = referrals.get(patient)
    assert referral is not None
    assert (referral.outcome, referral.status, referral.language) == (
        Outcome.PRE_QUALIFIED,
        Status.NEW,
        "zh",
    )
    assert referral.contact.name == "张伟"
    assert referral.contact.phone == "13800138000"
    assert referral.contact.wechat == "13800138000"  # "微信同号": the phone's account
    assert referral.contact.email is None
    assert referral.contact.preferred_time.value == "morning"
    stored = stored_answers(referral)
    assert {slot: stored[slot] for slot in ELIGIBLE_SLOTS if slot != "birth"} == {
        slot: value for slot, value in ELIGIBLE_SLOTS.items() if slot != "birth"
    }
    words = {slot: w for c in referral.criteria for slot, w in c.words.items()}
    assert words["diagnosis"] == "我是系统性红斑狼疮"

    rasa.say(patient, GREETING)  # coming back later does not refer them twice
    assert [r.conversation_id for r in referrals.list()].count(patient) == 1


SEVENTEEN = screening_date() - relativedelta(years=18) + relativedelta(days=1)


@pytest.mark.parametrize(
    ("answers", "last_question", "reason"),
    [
        (
            {"birth": f"{SEVENTEEN.year}年{SEVENTEEN.month}月{SEVENTEEN.day}日"},
            "birth",
            "utter_excluded_i1",
        ),
        ({"car_t": "做过，2022年做的CAR-T"}, "car_t", "utter_excluded_e1"),
        ({"transplant": "做过骨髓移植"}, "transplant", "utter_excluded_e4"),
        ({"diagnosis": "类风湿关节炎"}, "diagnosis", "utter_excluded_i2"),  # a look-alike
        ({"hiv_or_syphilis": "有，查出过梅毒"}, "hiv_or_syphilis", "utter_excluded_e5"),
        (
            {"can_become_pregnant": "有可能", "pregnant": "怀孕了"},
            "pregnant",
            "utter_excluded_e7",
        ),
        ({"cancer": "得过乳腺癌"}, "cancer", "utter_excluded_e8"),
    ],
    ids=["I1", "E1", "E4", "I2", "E5", "E7", "E8"],
)
def test_a_hard_exclusion_ends_the_chinese_screening_with_the_reason(
    rasa: RasaServer,
    referrals: ReferralStore,
    answers: dict[str, str],
    last_question: str,
    reason: str,
) -> None:
    patient = sender()
    transcript = screen(rasa, patient, {**ELIGIBLE_ZH, **CONFIRM, **answers}, greeting=GREETING)

    assert transcript.asked[-1] == last_question
    assert transcript.last == [zh(reason), zh("utter_excluded_closing")]
    assert referrals.get(patient) is None


def test_a_deferred_chinese_patient_gets_a_date_in_chinese(
    rasa: RasaServer, referrals: ReferralStore
) -> None:
    patient = sender()
    facts = {**ELIGIBLE_ZH, "live_vaccine": "打过", "live_vaccine_date": "一周前"}
    transcript = screen(rasa, patient, facts, greeting=GREETING)

    back = screening_date() - relativedelta(weeks=1) + relativedelta(weeks=4)
    assert "live_vaccine_date" in transcript.asked
    assert zh("utter_deferred_e6") in transcript.said
    assert f"从{written_date(back)}起，您可以参加这项研究的筛查。" in transcript.said
    referral = referrals.get(patient)
    assert referral is not None
    assert (referral.outcome, referral.rescreen_date, referral.language) == (
        Outcome.DEFERRED,
        back,
        "zh",
    )


def test_a_chinese_patient_who_declines_contact_is_not_stored(
    rasa: RasaServer, referrals: ReferralStore
) -> None:
    patient = sender()
    transcript = screen(
        rasa, patient, {**ELIGIBLE_ZH, "contact_consent": "不用了"}, greeting=GREETING
    )

    assert transcript.asked[-1] == "contact_consent"
    assert transcript.last == [zh("utter_no_contact_goodbye")]
    assert referrals.get(patient) is None


def test_no_health_question_without_consent_in_chinese(rasa: RasaServer) -> None:
    transcript = screen(rasa, sender(), {"screening_consent": "不愿意"}, greeting=GREETING)

    assert transcript.asked == ["screening_consent"]
    assert transcript.last == [zh("utter_no_consent")]


def test_writing_chinese_half_way_goes_on_in_chinese_with_the_answers_kept(
    rasa: RasaServer, referrals: ReferralStore
) -> None:
    patient = sender()
    english = ("screening_consent", "birth", "car_t")  # then "没有" to the transplant question
    facts = {**ELIGIBLE_ZH, **{slot: ELIGIBLE[slot] for slot in english}}
    transcript = screen(rasa, patient, facts)

    assert text_of("utter_ask_transplant") in transcript.said  # asked in English
    assert zh("utter_ask_diagnosis") in transcript.said  # after "没有": in Chinese
    assert text_of("utter_ask_diagnosis") not in transcript.said
    referral = referrals.get(patient)
    assert referral is not None
    assert referral.language == "zh"
    stored = stored_answers(referral)
    assert (stored["car_t"], stored["transplant"]) == ("no", "none")


def test_an_english_sentence_switches_back_to_english(rasa: RasaServer) -> None:
    patient = sender()
    texts(rasa, patient, GREETING)
    texts(rasa, patient, "可以")
    replies = texts(rasa, patient, "Can we do this in English please")

    assert replies[-1] == text_of("utter_ask_birth")


def test_asking_for_chinese_goes_on_in_chinese_at_the_same_question(rasa: RasaServer) -> None:
    patient = sender()
    for message in ("hi", "yes", "I'm 45"):
        texts(rasa, patient, message)
    replies = texts(rasa, patient, "Chinese please")

    assert replies == [zh("utter_language_changed"), zh("utter_ask_car_t")]
    replies = texts(rasa, patient, "用英文吧")  # written in Chinese, asking for English
    assert replies == [text_of("utter_language_changed"), text_of("utter_ask_car_t")]


def test_an_emoji_or_empty_message_keeps_the_chinese_conversation_in_chinese(
    rasa: RasaServer,
) -> None:
    patient = sender()
    for message in (GREETING, "可以", "45岁"):
        texts(rasa, patient, message)

    for message in ("🌸", "", "13800138000"):  # no answer in any language
        assert texts(rasa, patient, message)[-1] == zh("utter_ask_car_t"), message


def test_a_first_chinese_answer_taken_for_a_side_question_goes_on_in_chinese(
    rasa: RasaServer,
) -> None:
    patient = sender()
    for message in ("hi", "yes", "I'm 45"):
        texts(rasa, patient, message)

    assert texts(rasa, patient, "CAR-T 没做过") == [zh("utter_ask_transplant")]

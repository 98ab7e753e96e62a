# ruff: noqa: RUF001 (full-width punctuation, as Chinese patients type it)
"""Corrections, coming back, asking for a person and stopping, in Chinese, over
REST against the real servers."""

from __future__ import annotations

import pytest

from bot.referrals.model import Request
from bot.referrals.store import ReferralStore
from harness.patients import sender, text_of, texts
from harness.servers import RasaServer
from tests.e2e.test_conversations_zh import zh

pytestmark = pytest.mark.e2e


def start(rasa: RasaServer, *answers: str) -> str:
    patient = sender()
    for message in ("你好", "可以", *answers):
        texts(rasa, patient, message)
    return patient


def test_a_chinese_correction_changes_the_earlier_answer(rasa: RasaServer) -> None:
    patient = start(rasa, "45岁", "没有")  # CAR-T: no; now asked about transplants

    assert texts(rasa, patient, "不好意思，刚才说错了，CAR-T做过") == [
        zh("utter_correction_noted"),
        zh("utter_confirm_exclusion_car_t"),  # read back before it counts
    ]
    assert texts(rasa, patient, "对") == [zh("utter_excluded_e1"), zh("utter_excluded_closing")]


def test_a_chinese_patient_who_comes_back_continues_where_they_were(rasa: RasaServer) -> None:
    patient = start(rasa, "45岁")

    assert texts(rasa, patient, "你好") == [zh("utter_welcome_back"), zh("utter_ask_car_t")]


def test_a_chinese_side_question_is_answered_then_the_question_again(rasa: RasaServer) -> None:
    patient = start(rasa, "45岁")

    assert texts(rasa, patient, "为什么问这个？") == [zh("utter_why_car_t"), zh("utter_ask_car_t")]


def test_a_chinese_patient_who_asks_for_a_person_is_called_back(
    rasa: RasaServer, referrals: ReferralStore
) -> None:
    patient = start(rasa, "45岁", "没有")

    offer = texts(rasa, patient, "我想和工作人员直接通电话")
    assert offer == [text_of("utter_ask_contact_consent", callback_requested=True, language="zh")]
    for message in ("好的", "李娜", "13912345678", "跳过", "跳过"):  # WeChat, e-mail skipped
        texts(rasa, patient, message)
    assert texts(rasa, patient, "下午") == [
        text_of("utter_referral_saved", callback_requested=True, language="zh")
    ]
    referral = referrals.get(patient)
    assert referral is not None
    assert (referral.request, referral.language) == (Request.CALLBACK, "zh")
    assert (referral.contact.name, referral.contact.phone) == ("李娜", "13912345678")


def test_a_chinese_patient_can_stop(rasa: RasaServer) -> None:
    patient = start(rasa, "45岁")

    assert texts(rasa, patient, "我不想做了") == [zh("utter_confirm_stop")]
    assert texts(rasa, patient, "是的") == [zh("utter_stopped")]

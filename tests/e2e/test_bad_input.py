"""Bad input through the real REST channel: a clear answer or a 4xx, never a
5xx, and the conversation goes on afterwards with nothing lost."""

from __future__ import annotations

import json
import re

import pytest
import requests

from bot.referrals.store import ReferralStore
from harness.patients import ELIGIBLE, screen, sender, text_of, texts
from harness.servers import REST_HEADERS, RasaServer

pytestmark = pytest.mark.e2e

MESSAGES = [
    "",
    "x",
    "a" * 2000,
    "hel\x00lo\x07\x1b[2J",
    "🙂🙂🙂 👍🏽 ❤️",
    "مرحبا، عمري ٤٥ سنة",
    "I am 45 岁 и мне 45",
    "\u202e54 ma I",
    "\udcff\udcfe".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
    "<script>alert(1)</script>",
    "'; DROP TABLE events; --",
    '=HYPERLINK("http://x")',
    "{{rescreen_date}} ${HOME} %s %n",
]

CONFIRMATIONS = {
    text_of(name)
    for name in ("utter_confirm_stop", "utter_confirm_start_over", "utter_confirm_delete")
}


def post(rasa: RasaServer, body: bytes | str) -> requests.Response:
    return requests.post(
        rasa.url + "/webhooks/rest/webhook",
        data=body if isinstance(body, bytes) else body.encode(),
        headers={"Content-Type": "application/json", **REST_HEADERS},
        timeout=60,
    )


@pytest.mark.parametrize("message", MESSAGES, ids=range(len(MESSAGES)))
def test_odd_messages_get_an_answer_and_the_screening_goes_on(
    rasa: RasaServer, message: str
) -> None:
    patient = sender()
    rasa.say(patient, "hi")
    rasa.say(patient, "yes")  # now asked for the date of birth

    reply = post(rasa, json.dumps({"sender": patient, "message": message}))
    assert reply.status_code == 200
    asked = reply.json()[-1]["text"]
    if asked in CONFIRMATIONS:  # read as stop / start over / delete: nothing happens unasked
        asked = rasa.say(patient, "no")[-1]["text"]
    # Either the odd message was read as an age (the Arabic one is) or the
    # question is asked again; either way the screening goes on, in Chinese
    # when the message held Chinese characters ("I am 45 岁 и мне 45").
    language = "zh" if re.search(r"[\u4e00-\u9fff]", message) else "en"

    def question(name: str) -> str:
        return text_of(name, language=language)

    assert asked in (question("utter_ask_birth"), question("utter_ask_car_t"))
    if asked == question("utter_ask_birth"):
        asked = rasa.say(patient, "45")[-1]["text"]
    assert asked == question("utter_ask_car_t")
    no = {"en": "no", "zh": "没有"}[language]
    assert texts(rasa, patient, no) == [question("utter_ask_transplant")]


BODIES = [
    b"not json",
    b"[1, 2]",
    b'"just a string"',
    b"null",
    b'{"message": "hi"}',
    b'{"sender": "p", "message": null}',
    b'{"sender": "p", "message": 42}',
    b'{"sender": 42, "message": "hi"}',
    json.dumps({"sender": "x" * 10_000, "message": "hi"}).encode(),
    json.dumps({"sender": "../../etc/passwd", "message": "hi"}).encode(),
    json.dumps({"sender": "a'; DROP TABLE events;--", "message": "hi"}).encode(),
    json.dumps({"sender": "p", "message": "a" * 100_000}).encode(),
    b"\xff\xfe\x00\x01binary",
    b"",
]


@pytest.mark.parametrize("body", BODIES, ids=range(len(BODIES)))
def test_malformed_requests_are_refused_with_a_4xx(rasa: RasaServer, body: bytes) -> None:
    reply = post(rasa, body)

    assert 400 <= reply.status_code < 500
    assert reply.json()["message"]
    assert rasa.say(sender(), "hi")[0]["text"] == text_of("utter_intro")  # still serving


def test_hostile_contact_details_are_stored_as_plain_text(
    rasa: RasaServer, referrals: ReferralStore
) -> None:
    patient = sender()
    name = "Robert'); DROP TABLE referrals;-- <b>x</b> =1+2"
    screen(rasa, patient, {**ELIGIBLE, "contact_name": name})

    referral = referrals.get(patient)
    assert referral is not None
    assert referral.contact.name == name
    assert len(referrals.list()) >= 1

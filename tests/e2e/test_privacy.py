"""Privacy with the real servers: nothing identifying or health-related in
any log, and "delete my data" removes the chat and the referral."""

from __future__ import annotations

import secrets
import sqlite3

import pytest

from bot.referrals.store import ReferralStore
from harness.patients import ELIGIBLE, screen, sender, text_of, texts
from harness.servers import ActionServer, RasaServer
from tests.support.logs import faults_in

pytestmark = pytest.mark.e2e


def marker() -> str:
    return "".join(secrets.choice("bcdfghjklmnpqrstvwxz") for _ in range(14))


def test_no_contact_or_health_data_in_any_log(
    rasa: RasaServer, actions: ActionServer, referrals: ReferralStore
) -> None:
    name = f"Zhao {marker().capitalize()}"
    email = f"{marker()}@example.org"
    phone_digits = "1390" + "".join(secrets.choice("0123456789") for _ in range(7))
    diagnosis = f"i have lupus {marker()}"
    facts = {
        **ELIGIBLE,
        "birth": "born 17 March 1961",
        "diagnosis": diagnosis,
        "contact_name": name,
        "contact_phone": f"+86 {phone_digits}",
        "contact_email": email,
    }
    referred = sender()
    screen(rasa, referred, facts)
    assert referrals.get(referred) is not None  # the details did reach the store

    excluded_marker = marker()
    screen(rasa, sender(), {**facts, "car_t": f"yes I had CAR-T {excluded_marker}"})

    secrets_in_logs = {
        "name": name.split()[1],
        "email": email.split("@")[0],
        "phone": phone_digits,
        "birth date": "1961-03-17",
        "birth text": "17 March 1961",
        "diagnosis text": diagnosis.split()[-1],
        "answer of the excluded patient": excluded_marker,
    }
    logs = {server.log.name: server.log.read_text(errors="replace") for server in (rasa, actions)}
    assert all(logs.values()), "the servers wrote logs"
    leaks = [
        f"{what} in {log}: ...{text[max(0, at - 80) : at + 80]}..."
        for what, value in secrets_in_logs.items()
        for log, text in logs.items()
        if (at := text.lower().find(value.lower())) >= 0
    ]
    assert leaks == []


def test_no_contact_detail_or_answer_in_the_raw_database_files(
    rasa: RasaServer, actions: ActionServer, referrals: ReferralStore
) -> None:
    name, email, words = marker().capitalize(), f"{marker()}@example.org", marker()
    phone = "1390" + "".join(secrets.choice("0123456789") for _ in range(7))
    facts = {
        **ELIGIBLE,
        "birth": "born 23 June 1957",
        "diagnosis": f"i have lupus {words}",
        "contact_name": f"Qian {name}",
        "contact_phone": f"+86 {phone}",
        "contact_email": email,
    }
    patient = sender()
    screen(rasa, patient, facts)
    assert referrals.get(patient) is not None
    tracker_db, referral_db = rasa.workdir / "rasa.db", actions.workdir / "referrals.db"
    conversation = tracker_db.read_bytes().lower()  # committed: on disk
    referral = referral_db.read_bytes().lower()
    contact = [name, email.split("@")[0], phone]
    said = [words, "23 june", "1957-06-23"]  # the patient's words, and what was read
    assert [s for s in contact + said if s.lower().encode() in conversation] == []
    # The referral keeps canonical answers for staff ("sle", the birth date),
    # never the contact details or the patient's words in the clear.
    assert [s for s in [*contact, words] if s.lower().encode() in referral] == []
    assert patient.encode() in conversation and patient.encode() in referral  # right files
    modes = [oct(path.stat().st_mode & 0o777) for path in (tracker_db, referral_db)]
    assert modes == ["0o600", "0o600"]


def test_a_clean_run_logs_no_error_and_no_exception(
    rasa: RasaServer, actions: ActionServer
) -> None:
    # Every outcome and every kind of question (buttons included) once more,
    # on top of what the session's other tests already said to these servers.
    for facts in (ELIGIBLE, {**ELIGIBLE, "car_t": "yes"}, {**ELIGIBLE, "live_vaccine": "yes",
                  "live_vaccine_date": "one week ago"}):  # fmt: skip
        screen(rasa, sender(), facts)
    assert faults_in(rasa.log, actions.log) == []


def test_delete_my_data_forgets_the_chat_and_the_referral(
    rasa: RasaServer, referrals: ReferralStore
) -> None:
    patient = sender()
    screen(rasa, patient, ELIGIBLE)
    assert referrals.get(patient) is not None

    asked = texts(rasa, patient, "please delete my data")
    assert asked == [text_of("utter_confirm_delete")]
    assert referrals.get(patient) is not None  # nothing is deleted before the yes

    reply = texts(rasa, patient, "yes")

    assert reply == [text_of("utter_data_deleted")]
    assert referrals.get(patient) is None
    with sqlite3.connect(rasa.workdir / "rasa.db") as tracker_db:
        rows = tracker_db.execute("SELECT count(*) FROM events WHERE sender_id = ?", (patient,))
        assert rows.fetchone() == (0,)
    assert rasa.say(patient, "hi")[0]["text"] == text_of("utter_intro")  # a new chat
    assert rasa.say(patient, "yes")[0]["text"] == text_of("utter_ask_birth")


def test_a_patient_who_stops_after_the_referral_is_told_how_to_withdraw(
    rasa: RasaServer, referrals: ReferralStore
) -> None:
    patient = sender()
    screen(rasa, patient, ELIGIBLE)
    assert referrals.get(patient) is not None

    stopped = texts(rasa, patient, "stop")
    assert stopped == [text_of("utter_stopped", referral_saved=True)]
    assert stopped != [text_of("utter_stopped")]  # not "nothing was passed on"

    assert texts(rasa, patient, "delete my data") == [text_of("utter_confirm_delete")]
    assert texts(rasa, patient, "yes") == [text_of("utter_data_deleted")]
    assert referrals.get(patient) is None

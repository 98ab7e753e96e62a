"""Closed doors (issue 29), against the real processes: the action server
answers Rasa only; the tracker store's clear columns tell nothing; sizes are
bounded and a message's metadata is not kept beyond its page's language. Each
refusal is paired with the same request from the holder of the secret, which
gets through, so that nothing passes because a feature stopped working."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest
import requests
from rasa.shared.core.events import UserUttered

from bot.referrals.store import ReferralStore
from harness.patients import CONTACT_SLOTS, DOMAIN, ELIGIBLE_SLOTS, sender, text_of, texts
from harness.servers import (
    REST_HEADERS,
    SERVERS_ACTION_TOKEN,
    ActionServer,
    RasaServer,
    free_port,
)
from stores.private import PrivateSQLTrackerStore
from tests.support.logs import faults_in
from tests.support.stores import TEST_KEY

pytestmark = pytest.mark.e2e

RASA = {"Authorization": f"Bearer {SERVERS_ACTION_TOKEN}"}
NAME = CONTACT_SLOTS["contact_name"]


def forged_referral(patient: str) -> dict[str, Any]:
    """An action call as Rasa would send it at the contact form's last answer,
    for a patient who never chatted: with the secret it saves a referral."""
    slots = {**ELIGIBLE_SLOTS, **CONTACT_SLOTS, "language": "en",
             "screening_outcome": "pre_qualified", "requested_slot": "contact_time"}  # fmt: skip
    user = {"event": "user", "text": "mornings",
            "parse_data": {"intent": {"name": "inform"}, "entities": []}}  # fmt: skip
    events = [*({"event": "slot", "name": k, "value": v} for k, v in slots.items()), user,
              {"event": "slot", "name": "contact_time", "value": "mornings"}]  # fmt: skip
    tracker = {
        "sender_id": patient, "slots": {**slots, "contact_time": "mornings"},
        "latest_message": {"text": "mornings", "intent": {"name": "inform"}, "entities": []},
        "events": events, "paused": False, "followup_action": None,
        "active_loop": {"name": "contact_form"}, "latest_action_name": "action_listen",
    }  # fmt: skip
    return {"next_action": "validate_contact_form", "sender_id": patient, "version": "3.6.2",
            "domain": {}, "tracker": tracker}  # fmt: skip


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer guessed"}, {"Authorization": SERVERS_ACTION_TOKEN},
     {"Authorization": f"Bearer {SERVERS_ACTION_TOKEN[:-1]}"}],
    ids=["no secret", "a wrong one", "no Bearer", "one character short"],
)  # fmt: skip
def test_a_forged_action_request_is_refused_and_the_same_with_the_secret_saves(
    actions: ActionServer, referrals: ReferralStore, headers: dict[str, str]
) -> None:
    forged, held = sender("forged"), sender("held")

    refused = requests.post(actions.webhook, json=forged_referral(forged), headers=headers)
    accepted = requests.post(actions.webhook, json=forged_referral(held), headers=RASA)

    assert (refused.status_code, refused.json()) == (401, {"error": "unauthorized"})
    assert referrals.get(forged) is None
    assert accepted.status_code == 200
    assert referrals.get(held) is not None


def test_only_the_health_check_is_open(actions: ActionServer) -> None:
    assert requests.get(actions.url + "/health").status_code == 200
    assert requests.get(actions.url + "/actions").status_code == 401
    assert requests.get(actions.url + "/actions", headers=RASA).status_code == 200


def test_an_error_answers_with_a_short_code_and_logs_no_patient_words(tmp_path: Path) -> None:
    """rasa-sdk's own handler answered with the whole request (a tracker with
    contact details and answers), and Rasa logs such an answer at ERROR."""
    broken: dict[str, Any] = {
        "next_action": "validate_contact_form",
        "tracker": {"contact_name": NAME},
    }
    with ActionServer(free_port(), tmp_path, TEST_KEY) as server:
        answer = requests.post(server.webhook, json=broken, headers=RASA)

    assert (answer.status_code, answer.json()) == (500, {"error": "internal_error"})
    log = server.log.read_text()
    assert NAME not in log
    faults = faults_in(server.log)
    assert len(faults) == 1, faults  # one line, no traceback: where, never what
    assert "ERROR" in faults[0] and "an action request failed: KeyError at " in faults[0]


def other_addresses() -> list[str]:
    """This machine's IPv4 addresses but the loopback ones."""
    shown = subprocess.run(["ip", "-4", "-o", "addr"], capture_output=True, text=True).stdout
    found = [line.split()[3].split("/")[0] for line in shown.splitlines()]
    return [address for address in found if not address.startswith("127.")]


def test_the_action_server_is_not_reachable_on_another_interface(actions: ActionServer) -> None:
    addresses = other_addresses()
    assert addresses, "this test needs a network interface besides the loopback"
    for address in addresses:
        with pytest.raises(requests.ConnectionError):
            requests.get(f"http://{address}:{actions.port}/health", timeout=5)
    assert requests.get(f"http://127.0.0.1:{actions.port}/health", timeout=5).ok


def events_of(workdir: Path, conversation: str) -> int:
    """How many rows the servers' tracker store holds for a conversation."""
    with sqlite3.connect(workdir / "rasa.db") as db:
        query = "SELECT COUNT(*) FROM events WHERE sender_id = ?"
        return int(db.execute(query, (conversation,)).fetchone()[0])


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer guessed"}, {"Authorization": REST_HEADERS["Authorization"][7:]},
     {"Authorization": SERVERS_ACTION_TOKEN}, {"Authorization": f"Bearer {SERVERS_ACTION_TOKEN}"}],
    ids=["no credential", "a wrong one", "no Bearer", "another secret", "the action server's"],
)  # fmt: skip
def test_rest_without_its_credential_is_refused_and_with_it_answers(
    rasa: RasaServer, workdir: Path, headers: dict[str, str]
) -> None:
    """REST lets its caller choose the conversation id, so only servers holding
    its credential may call it: a stranger neither starts nor reads one."""
    stranger, holder = sender("stranger"), sender("holder")
    url = rasa.url + "/webhooks/rest/webhook"

    refused = requests.post(url, json={"sender": stranger, "message": "hi"}, headers=headers)
    answered = requests.post(url, json={"sender": holder, "message": "hi"}, headers=REST_HEADERS)

    assert refused.status_code == 401 and refused.headers["WWW-Authenticate"] == "Bearer"
    assert refused.json()["message"] and "text" not in refused.text
    assert events_of(workdir, stranger) == 0
    assert answered.status_code == 200 and answered.json()[0]["text"] == text_of("utter_intro")
    assert events_of(workdir, holder) > 0


def test_without_the_credential_a_known_rest_conversation_is_neither_read_nor_continued(
    rasa: RasaServer, workdir: Path
) -> None:
    """The finding: "hi" with a known id replayed the patient's answers."""
    patient = sender()
    texts(rasa, patient, "hi")
    texts(rasa, patient, "yes")
    stored = events_of(workdir, patient)
    url = rasa.url + "/webhooks/rest/webhook"

    for message in ("hi", "I'm 45", "/restart"):
        refused = requests.post(url, json={"sender": patient, "message": message})
        assert refused.status_code == 401

    assert events_of(workdir, patient) == stored
    assert texts(rasa, patient, "I'm 45")[-1] == text_of("utter_ask_car_t")  # the holder goes on


def test_rasas_http_api_is_off_and_the_channel_serves(rasa: RasaServer) -> None:
    """Rasa's HTTP API reads, rewrites and deletes any conversation by its id:
    off unless a run enables it with its own token (harness.servers)."""
    patient = sender()
    texts(rasa, patient, "hi")
    conversation = f"{rasa.url}/conversations/{patient}"
    api = [("GET", conversation + "/tracker"), ("GET", conversation + "/story"),
           ("PUT", conversation + "/tracker/events"), ("GET", rasa.url + "/status")]  # fmt: skip
    for method, url in api:
        assert requests.request(method, url, json=[], timeout=30).status_code == 404, url
    assert texts(rasa, patient, "yes")[-1] == text_of("utter_ask_birth")


def test_the_tracker_store_of_a_real_conversation_shows_no_intent_or_slot(
    rasa: RasaServer, workdir: Path
) -> None:
    patient = sender()
    for message in ("hi", "yes", "I'm 45", "yes"):  # the last: a CAR-T, read back
        texts(rasa, patient, message)
    with sqlite3.connect(workdir / "rasa.db") as db:
        columns = set(db.execute(
            "SELECT type_name, intent_name, action_name FROM events WHERE sender_id = ?",
            (patient,),
        ))  # fmt: skip
    assert columns == {("session_started", None, None), ("event", None, None)}


def test_an_oversized_request_is_refused_and_the_conversation_goes_on(rasa: RasaServer) -> None:
    patient = sender()
    texts(rasa, patient, "hi")
    oversized: dict[str, Any] = {
        "sender": patient,
        "message": "yes",
        "metadata": {"pad": "x" * 20_000},
    }

    refused = requests.post(
        rasa.url + "/webhooks/rest/webhook", json=oversized, headers=REST_HEADERS, timeout=30
    )

    assert refused.status_code == 413
    assert texts(rasa, patient, "yes")[-1] == text_of("utter_ask_birth")


async def test_of_a_messages_metadata_only_the_pages_language_is_stored(
    rasa: RasaServer, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patient = sender()
    padded = {"language": "en", "pad": "x" * 10_000}
    reply = requests.post(
        rasa.url + "/webhooks/rest/webhook",
        json={"sender": patient, "message": "hi", "metadata": padded},
        headers=REST_HEADERS, timeout=30,
    )  # fmt: skip
    assert reply.status_code == 200

    monkeypatch.setenv("REFERRAL_KEYS", TEST_KEY)  # the servers' key, to read their store
    store = PrivateSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(workdir / "rasa.db"))
    tracker = await store.retrieve(patient)
    assert tracker is not None
    said = [event for event in tracker.events if isinstance(event, UserUttered)]
    rasas_own = ("model_id", "assistant_id")  # Rasa adds the model's ids to every message
    kept = [{k: v for k, v in event.metadata.items() if k not in rasas_own} for event in said]
    assert kept == [{"language": "en"}]

"""Faults with the real processes, each followed by a check that nothing was
lost: the referral database goes away while a patient finishes; the action
server dies mid-screening; a patient double-clicks. (A restart of Rasa itself:
tests/e2e/test_conversations.py.)"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.protocol.eligibility import evaluate
from bot.referrals.model import draft_from_screening
from bot.referrals.outbox import Outbox
from bot.referrals.store import ReferralStore
from harness.patients import ELIGIBLE, screen, sender, text_of, texts
from harness.patients import ELIGIBLE_ANSWERS as ANSWERS
from harness.servers import ActionServer, RasaServer, free_port
from tests.bot.referrals.test_store import CONTACT, SLOTS, TODAY
from tests.support.faults import CuttableProxy
from tests.support.stores import PG_TEST_URL, SECRECY, TEST_KEY

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]


@dataclass
class Site:
    rasa: RasaServer
    actions: ActionServer
    proxy: CuttableProxy
    store: ReferralStore
    outbox: Path


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, model: Path) -> Iterator[Site]:
    """Rasa and an action server whose referral database (a fresh schema of the
    real PostgreSQL) is reached through a proxy the tests can cut."""
    workdir = tmp_path_factory.mktemp("faults")
    schema = f"fault_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_TEST_URL, future=True)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    proxy = CuttableProxy(free_port(), ("127.0.0.1", 5432))
    proxy.restore()
    options = f"?options=-csearch_path%3D{schema}"
    direct = ReferralStore(create_engine(PG_TEST_URL + options, future=True), SECRECY)
    direct.upgrade_schema()
    actions = ActionServer(
        free_port(),
        workdir,
        TEST_KEY,
        f"postgresql://postgres@127.0.0.1:{proxy.port}/test{options}",
    )
    actions.env.update({"OUTBOX_DIR": str(workdir / "outbox"), "OUTBOX_RETRY_SECONDS": "1"})
    try:
        with actions, RasaServer(free_port(), workdir, model, actions.webhook, TEST_KEY) as rasa:
            yield Site(rasa, actions, proxy, direct, workdir / "outbox")
    finally:
        proxy.cut()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_a_referral_saved_while_the_database_is_down_arrives_exactly_once(site: Site) -> None:
    patient = sender()
    site.proxy.cut()
    try:
        transcript = screen(site.rasa, patient, ELIGIBLE)
        assert transcript.last == [text_of("utter_referral_queued")]
        assert site.store.get(patient) is None
    finally:
        site.proxy.restore()

    deadline = time.monotonic() + 60
    while site.store.get(patient) is None and time.monotonic() < deadline:
        time.sleep(0.5)
    assert site.store.get(patient) is not None
    time.sleep(3)  # several more flush rounds: still exactly one
    assert [r.conversation_id for r in site.store.list()].count(patient) == 1
    assert list(site.outbox.glob("*.json")) == []


def test_the_action_server_dies_mid_screening_and_nothing_is_lost(site: Site) -> None:
    patient = sender()
    for message in ("hi", "yes"):
        texts(site.rasa, patient, message)

    site.actions.stop()
    try:
        assert texts(site.rasa, patient, "I'm 45") == [text_of("utter_technical_problem")]
    finally:
        site.actions.start()

    # The age given while it was down was kept: whatever the patient says next
    # ("hello?"), it is read and the screening goes on to the next question.
    assert texts(site.rasa, patient, "hello?") == [text_of("utter_ask_car_t")]
    assert texts(site.rasa, patient, "no") == [text_of("utter_ask_transplant")]


def test_a_double_click_is_processed_in_order_and_refers_once(site: Site) -> None:
    patient = sender()
    facts = {**ELIGIBLE}
    last = facts.pop("contact_time")
    with pytest.raises(AssertionError, match="unexpected question 'contact_time'"):
        screen(site.rasa, patient, facts)  # stops at the last question

    with ThreadPoolExecutor(2) as pool:
        replies = list(pool.map(lambda _: texts(site.rasa, patient, last), range(2)))

    assert [text_of("utter_referral_saved")] in replies
    assert [r.conversation_id for r in site.store.list()].count(patient) == 1


def test_referrals_waiting_when_the_action_server_starts_are_stored(site: Site) -> None:
    waiting = sender()
    site.actions.stop()
    Outbox(site.outbox, SECRECY).put(
        draft_from_screening(waiting, evaluate(ANSWERS, TODAY), SLOTS, CONTACT)
    )
    site.actions.start()

    # The flush stores the referral, then removes its file: wait for both, or
    # a poll between the two sees a stored referral beside its file.
    def done() -> bool:
        stored = site.store.get(waiting) is not None
        return stored and not list(site.outbox.glob("*.json"))

    deadline = time.monotonic() + 30
    while not done() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert site.store.get(waiting) is not None
    assert list(site.outbox.glob("*.json")) == []

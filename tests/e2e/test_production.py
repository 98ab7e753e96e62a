"""The shipped production configuration, for real: `endpoints.production.yml`
with every value from the environment, conversations on PostgreSQL, the lock
store on Redis, referrals on PostgreSQL, and two Rasa instances sharing them
(as behind a load balancer). Nothing here is mocked: it uses the PostgreSQL
and Redis running on this machine, in a database made for the test run."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from bot.referrals.store import ReferralStore
from harness.patients import ELIGIBLE, screen, sender, text_of, texts
from harness.servers import ActionServer, RasaServer, Server, free_port
from tests.support.stores import PG_TEST_URL, TEST_KEY, store_at

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

ROOT = Path(__file__).parents[2]


class ProductionRasa(RasaServer):
    """`rasa run` with the shipped endpoints.production.yml and its variables."""

    def __init__(self, port: int, workdir: Path, model: Path, env: dict[str, str]) -> None:
        Server.__init__(self, f"rasa-{port}", port, workdir, env)
        self.model = model
        self.endpoints = ROOT / "endpoints.production.yml"


@dataclass
class Production:
    first: ProductionRasa
    second: ProductionRasa
    referrals: ReferralStore
    tracker_db: Engine


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory, model: Path) -> Iterator[Production]:
    workdir = tmp_path_factory.mktemp("production")
    name = f"prescreen_e2e_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_TEST_URL, future=True, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    database_url = PG_TEST_URL.rsplit("/", 1)[0] + f"/{name}"
    referrals = store_at(database_url)
    tracker_db = create_engine(database_url, future=True)
    env = {
        "TRACKER_DB_HOST": "127.0.0.1", "TRACKER_DB_PORT": "5432", "TRACKER_DB_NAME": name,
        "TRACKER_DB_USER": "postgres", "TRACKER_DB_PASSWORD": "",
        "REDIS_HOST": "127.0.0.1", "REDIS_PORT": "6379", "REDIS_DB": "0",
        "SQL_POOL_SIZE": "5", "SQL_MAX_OVERFLOW": "5", "REFERRAL_KEYS": TEST_KEY,
    }  # fmt: skip
    try:
        with ActionServer(free_port(), workdir, TEST_KEY, database_url) as actions:
            env["ACTION_SERVER_URL"] = actions.webhook
            with (
                ProductionRasa(free_port(), workdir, model, env) as first,
                ProductionRasa(free_port(), workdir, model, env) as second,
            ):
                yield Production(first, second, referrals, tracker_db)
    finally:
        tracker_db.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def stored_events(production: Production, patient: str) -> int:
    with production.tracker_db.connect() as connection:
        query = text("SELECT count(*) FROM events WHERE sender_id = :sender")
        return int(connection.execute(query, {"sender": patient}).scalar_one())


def test_a_referral_on_the_production_configuration(production: Production) -> None:
    patient = sender()
    transcript = screen(production.first, patient, ELIGIBLE)

    assert transcript.last == [text_of("utter_referral_saved")]
    assert production.referrals.get(patient) is not None
    assert stored_events(production, patient) > 0  # the conversation is on PostgreSQL
    with production.tracker_db.connect() as connection:  # ... and sealed there
        rows = connection.execute(text("SELECT data FROM events WHERE sender_id = :s"),
                                  {"s": patient}).scalars().all()  # fmt: skip
    for secret in ("Kowalska", "13800138000", "I'm 45", "I have lupus", '"sle"'):
        assert not [data for data in rows if secret in data], secret


def redis_commands_while(say: Callable[[], object]) -> list[str]:
    """Every command Redis received while `say` ran (Redis MONITOR)."""
    seen: list[str] = []
    client = redis.Redis(host="127.0.0.1", port=6379, socket_timeout=3)
    with client.monitor() as monitor:
        talking = threading.Thread(target=say)
        talking.start()
        try:
            while True:
                seen.append(str(monitor.next_command()["command"]))
        except redis.exceptions.TimeoutError:
            pass  # 3 s without a command: the turn is over
        talking.join()
    return seen


def test_each_turn_takes_the_sender_lock_under_the_configured_prefix(
    production: Production,
) -> None:
    # Rasa silently falls back to the shared default prefix for a prefix that is
    # not alphanumeric; one deployment per language needs its own.
    patient = sender()
    commands = redis_commands_while(lambda: texts(production.second, patient, "hi"))

    assert any(f"prescreenEN:lock:{patient}" in command for command in commands), commands
    assert "Omitting provided" not in production.second.log.read_text()


def test_a_conversation_moves_between_instances_and_survives_a_restart(
    production: Production,
) -> None:
    patient = sender()
    texts(production.first, patient, "hi")
    texts(production.second, patient, "yes")  # the balancer sent it elsewhere
    assert texts(production.first, patient, "45") == [text_of("utter_ask_car_t")]

    production.second.stop()
    production.second.start()

    assert texts(production.second, patient, "no") == [text_of("utter_ask_transplant")]


def test_a_double_click_across_two_instances_refers_once(production: Production) -> None:
    patient = sender()
    facts = {**ELIGIBLE}
    last = facts.pop("contact_time")
    with pytest.raises(AssertionError, match="unexpected question 'contact_time'"):
        screen(production.first, patient, facts)

    with ThreadPoolExecutor(2) as pool:
        replies = list(
            pool.map(lambda rasa: texts(rasa, patient, last), [production.first, production.second])
        )

    assert [text_of("utter_referral_saved")] in replies
    assert [r.conversation_id for r in production.referrals.list()].count(patient) == 1


def test_delete_my_data_empties_both_postgres_stores(production: Production) -> None:
    patient = sender()
    screen(production.first, patient, ELIGIBLE)

    assert texts(production.second, patient, "delete my data") == [text_of("utter_confirm_delete")]
    assert texts(production.first, patient, "yes") == [text_of("utter_data_deleted")]
    assert production.referrals.get(patient) is None
    assert stored_events(production, patient) == 0

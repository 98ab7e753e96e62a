"""Referral stores for the tests, on SQLite and on this machine's PostgreSQL,
and the test key every test and test server encrypts with."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from bot.referrals.database import make_engine
from bot.referrals.lookup import ContactLookup
from bot.referrals.secrecy import Secrecy
from bot.referrals.store import ReferralStore
from bot.settings import Settings
from harness.servers import SERVERS_AUDIT_KEY, SERVERS_LOOKUP_KEY

PG_TEST_URL = os.environ.get("PG_TEST_URL", "postgresql://postgres@127.0.0.1:5432/test")
TEST_KEY = Fernet.generate_key().decode()
SECRECY = Secrecy([TEST_KEY.encode()])
LOOKUP_KEY = SERVERS_LOOKUP_KEY  # the key of the servers the e2e tests start
LOOKUP = ContactLookup(LOOKUP_KEY.encode())
AUDIT_KEY = SERVERS_AUDIT_KEY


def store_at(url: str) -> ReferralStore:
    """A store on `url` with the test key, its schema migrated."""
    referral_store = ReferralStore(make_engine(Settings(database_url=url)), SECRECY, LOOKUP)
    referral_store.upgrade_schema()
    return referral_store


@pytest.fixture(autouse=True)
def referral_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test encrypts with the session's test keys: none may make the
    embedded run's key files in the work tree."""
    monkeypatch.setenv("REFERRAL_KEYS", TEST_KEY)
    monkeypatch.setenv("CONTACT_LOOKUP_KEY", LOOKUP_KEY)
    monkeypatch.setenv("AUDIT_KEY", AUDIT_KEY)


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Engine:
    return make_engine(Settings(database_url=f"sqlite:///{tmp_path / 'referrals.db'}"))


@pytest.fixture
def postgres_engine() -> Iterator[Engine]:
    """An engine on a fresh schema of the real PostgreSQL, dropped afterwards."""
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_TEST_URL, future=True)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = create_engine(
        PG_TEST_URL, future=True, connect_args={"options": f"-csearch_path={schema}"}
    )
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest) -> ReferralStore:
    """The referral store, once on SQLite and once on PostgreSQL."""
    engine = request.getfixturevalue(f"{request.param}_engine")
    referral_store = ReferralStore(engine, SECRECY, LOOKUP)
    referral_store.upgrade_schema()
    return referral_store

"""The inbox for the tests: its services on SQLite or on this machine's
PostgreSQL (a schema of its own), staff accounts, and a logged-in client."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text

from bot.protocol.eligibility import Outcome
from bot.referrals.contact import Contact, ContactTime
from bot.referrals.model import CriterionRecord, Referral, ReferralDraft, Request
from bot.services import Services
from bot.settings import Settings
from inbox.accounts import AccountStore, Role
from inbox.app import create_app
from tests.support.stores import AUDIT_KEY, LOOKUP_KEY, PG_TEST_URL, TEST_KEY

PASSWORD = "correct horse battery"


def settings_for(url: str, folder: Path, **changes: Any) -> Settings:
    """Settings of a test inbox on `url`, with the test keys and every local
    file in `folder`."""
    settings = Settings(
        database_url=url,
        keys=(TEST_KEY,),
        key_file=folder / "referral.key",
        outbox_dir=folder / "outbox",
        inbox_secret="test-session-secret",
        audit_key=AUDIT_KEY,
        lookup_key=LOOKUP_KEY,
    )
    return replace(settings, **changes)


def environment(settings: Settings) -> dict[str, str]:
    """The environment that gives a process (`python -m inbox ...`) these settings."""
    s = settings
    return {
        "DATABASE_URL": s.database_url, "REFERRAL_KEYS": ",".join(s.keys),
        "CONTACT_LOOKUP_KEY": s.lookup_key, "AUDIT_KEY": s.audit_key,
        "SMTP_HOST": s.smtp_host, "SMTP_PORT": str(s.smtp_port), "SMTP_USER": s.smtp_user,
        "SMTP_PASSWORD": s.smtp_password, "SMTP_CA_FILE": s.smtp_ca_file,
        "MAIL_FROM": s.mail_from, "COORDINATOR_EMAILS": ",".join(s.coordinator_emails),
    }  # fmt: skip


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A URL of the real PostgreSQL with a fresh schema, dropped afterwards."""
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_TEST_URL, future=True)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_TEST_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Once a SQLite file, once a PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'referrals.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def services(database_url: str, tmp_path: Path) -> Iterator[Services]:
    built = Services(settings_for(database_url, tmp_path))
    yield built
    built.engine.dispose()


@pytest.fixture
def app(services: Services) -> Flask:
    return create_app(services)


@pytest.fixture
def accounts(app: Flask, services: Services) -> AccountStore:
    store = AccountStore(services.engine)
    store.create("coord", PASSWORD, Role.COORDINATOR)
    store.create("boss", PASSWORD, Role.ADMIN)
    return store


@pytest.fixture
def coordinator(app: Flask, accounts: AccountStore) -> FlaskClient:
    """A client logged in as the coordinator `coord`."""
    client = app.test_client()
    assert login(client, "coord").status_code == 302
    return client


@pytest.fixture
def admin(app: Flask, accounts: AccountStore) -> FlaskClient:
    client = app.test_client()
    assert login(client, "boss").status_code == 302
    return client


def csrf_token(client: FlaskClient, path: str = "/login") -> str:
    """The CSRF token of the form on `path`, as a browser would read it."""
    page = client.get(path).get_data(as_text=True)
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, f"no form with a CSRF token on {path}"
    return found.group(1)


def login(client: FlaskClient, username: str, password: str = PASSWORD) -> Any:
    token = csrf_token(client)
    return client.post(
        "/login", data={"username": username, "password": password, "csrf_token": token}
    )


def set_cookie(response: Any, name: str) -> str:
    """The Set-Cookie header of `response` that sets the cookie `name`."""
    found = [h for h in response.headers.getlist("Set-Cookie") if h.startswith(f"{name}=")]
    assert len(found) == 1, f"{name} set {len(found)} times"
    return str(found[0])


def browser_at(app: Flask, address: str) -> FlaskClient:
    """A new browser (no cookies) whose requests come from `address`."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def post(client: FlaskClient, path: str, data: dict[str, str], form_page: str = "/") -> Any:
    """A form post with the CSRF token of `form_page`."""
    return client.post(path, data={**data, "csrf_token": csrf_token(client, form_page)})


def criteria_of(diagnosis: str) -> tuple[CriterionRecord, ...]:
    """Two criteria of a referral: the diagnosis, and one for staff to verify."""
    words = {"diagnosis": "I have lupus"}
    unsure = {"hepatitis_or_cmv": "not sure"}
    return (
        CriterionRecord("I2", {"diagnosis": diagnosis}, "met", "", None, words),
        CriterionRecord(
            "E5", {"hepatitis_or_cmv": "unsure"}, "verify", "patient_unsure", None, unsure
        ),
    )


def draft(
    conversation_id: str = "conv-1",
    name: str = "Anna Kowalska",
    phone: str | None = "+86 138 0013 8000",
    email: str | None = None,
    outcome: Outcome = Outcome.PRE_QUALIFIED,
    request: Request = Request.SCREENING,
    diagnosis: str = "sle",
    language: str = "en",
    rescreen_date: date | None = None,
    wechat: str | None = None,
) -> ReferralDraft:
    """A referral as the chat hands it over, with fake details."""
    return ReferralDraft(
        conversation_id=conversation_id,
        outcome=outcome,
        rescreen_date=rescreen_date,
        contact=Contact(name, phone, email, ContactTime.MORNING, wechat),
        criteria=criteria_of(diagnosis),
        request=request,
        language=language,
    )


def referred(services: Services, **fields: Any) -> Referral:
    """A referral stored as the chat would store it."""
    return services.referrals.save(draft(**fields))

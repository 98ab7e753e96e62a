"""The audit log: what is recorded (and what never is), append-only in the
database, tamper-evident by its HMAC chain, one chain under concurrent
appends, the verify command, the admin pages; on SQLite and PostgreSQL."""

from __future__ import annotations

import threading

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bot.referrals.database import make_engine
from bot.services import Services
from inbox import cli
from inbox.accounts import AccountStore
from inbox.audit import AuditLog
from tests.support.inbox import login, post, referred


def audit_of(services: Services) -> AuditLog:
    return AuditLog(services.engine, services.audit_key)


def test_logins_views_and_changes_are_recorded_without_patient_data(
    app: Flask, coordinator: FlaskClient, services: Services
) -> None:
    referral = referred(services, email="anna@example.com")
    path = f"/referrals/{referral.id}"
    login(app.test_client(), "coord", "a wrong password")
    coordinator.get(path)
    post(coordinator, f"{path}/status", {"status": "contacted"}, path)
    post(coordinator, f"{path}/notes", {"text": "Anna has lupus, phone 13800138000"}, path)

    entries = audit_of(services).entries()
    actions = [(e.actor, e.action, e.referral_id) for e in reversed(entries)]
    assert actions[:1] == [("coord", "login", None)]
    assert ("coord", "login_failed", None) in actions
    assert [a for a in actions if a[2] == referral.id] == [
        ("coord", "view_contact", referral.id),  # the page read before the post
        ("coord", "view_contact", referral.id),
        ("coord", "status", referral.id),
        ("coord", "view_contact", referral.id),
        ("coord", "note", referral.id),
    ]
    with services.engine.connect() as connection:
        dump = " ".join(str(row) for row in connection.execute(text("SELECT * FROM audit_log")))
    for secret in ("Anna", "Kowalska", "0013 8000", "anna@example.com", "lupus", "sle", "not sure"):
        assert secret not in dump
    assert audit_of(services).verify() == []


def test_a_mistyped_password_in_the_name_field_is_not_logged(
    app: Flask, accounts: AccountStore, services: Services
) -> None:
    login(app.test_client(), "my secret password", "x")
    assert audit_of(services).entries()[0].actor == "(unknown name)"


@pytest.mark.parametrize(
    "statement", ["UPDATE audit_log SET detail = 'x'", "DELETE FROM audit_log"]
)
def test_the_database_refuses_to_change_or_delete_entries(
    services: Services, statement: str
) -> None:
    services.referrals  # noqa: B018
    audit_of(services).record("coord", "login")
    with pytest.raises(DBAPIError, match="append-only"), services.engine.begin() as connection:
        connection.execute(text(statement))
    assert audit_of(services).count() == 1


@pytest.mark.postgres
def test_postgresql_refuses_truncate(postgres_url: str, tmp_path: object) -> None:
    from pathlib import Path

    from tests.support.inbox import settings_for

    services = Services(settings_for(postgres_url, Path(str(tmp_path))))
    services.referrals  # noqa: B018
    audit_of(services).record("coord", "login")
    with pytest.raises(DBAPIError, match="append-only"), services.engine.begin() as connection:
        connection.execute(text("TRUNCATE audit_log"))
    services.engine.dispose()


def drop_guards(services: Services) -> None:
    """What someone with the database owner's rights could do."""
    with services.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("DROP TRIGGER audit_log_no_change ON audit_log"))
        else:
            connection.execute(text("DROP TRIGGER audit_log_no_update"))
            connection.execute(text("DROP TRIGGER audit_log_no_delete"))


def test_an_edited_entry_breaks_the_chain(services: Services) -> None:
    services.referrals  # noqa: B018
    log = audit_of(services)
    for action in ("login", "view_contact", "logout"):
        log.record("coord", action, 7)
    second = log.entries()[1].id
    drop_guards(services)
    with services.engine.begin() as connection:
        connection.execute(text(f"UPDATE audit_log SET actor = 'boss' WHERE id = {second}"))
    assert log.verify() == [second]


def test_a_deleted_entry_breaks_the_chain(services: Services) -> None:
    services.referrals  # noqa: B018
    log = audit_of(services)
    for action in ("login", "view_contact", "logout"):
        log.record("coord", action, 7)
    _, second, third = sorted(e.id for e in log.entries())
    drop_guards(services)
    with services.engine.begin() as connection:
        connection.execute(text(f"DELETE FROM audit_log WHERE id = {second}"))
    assert log.verify() == [third]


def test_a_different_key_fails_every_entry(services: Services) -> None:
    services.referrals  # noqa: B018
    audit_of(services).record("coord", "login")
    assert AuditLog(services.engine, b"another key").verify() != []


def test_concurrent_appends_keep_one_chain(services: Services) -> None:
    services.referrals  # noqa: B018

    def append(worker: int) -> None:
        engine = make_engine(services.settings)  # a process of its own, in effect
        log = AuditLog(engine, services.audit_key)
        for n in range(10):
            log.record(f"worker{worker}", "view_contact", n)
        engine.dispose()

    threads = [threading.Thread(target=append, args=(w,)) for w in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    log = audit_of(services)
    assert log.count() == 60
    assert log.verify() == []


def test_the_verify_command(
    services: Services, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", services.settings.database_url)
    services.referrals  # noqa: B018
    audit_of(services).record("coord", "login")
    assert cli.main(["verify-audit"]) == 0
    last = audit_of(services).last_mac()
    assert f"intact (1 entries, last {last})" in capsys.readouterr().out
    drop_guards(services)
    with services.engine.begin() as connection:
        connection.execute(text("UPDATE audit_log SET detail = 'edited'"))
    assert cli.main(["verify-audit"]) == 1


@pytest.mark.parametrize("path", ["/admin/accounts", "/admin/audit"])
def test_a_coordinator_cannot_reach_admin_pages(coordinator: FlaskClient, path: str) -> None:
    assert coordinator.get(path).status_code == 403


def test_an_admin_reads_the_whole_log_and_manages_accounts(
    app: Flask, admin: FlaskClient, accounts: AccountStore, services: Services
) -> None:
    post(admin, "/admin/accounts",
         {"username": "newbie", "password": "a long enough one", "role": "coordinator"},
         "/admin/accounts")  # fmt: skip
    newbie = accounts.by_name("newbie")
    assert newbie is not None and not newbie.is_admin
    assert login(app.test_client(), "newbie", "a long enough one").status_code == 302

    post(admin, f"/admin/accounts/{newbie.id}/active", {"active": "0"}, "/admin/accounts")
    assert login(app.test_client(), "newbie", "a long enough one").status_code == 401
    post(admin, f"/admin/accounts/{newbie.id}/active", {"active": "1"}, "/admin/accounts")
    post(admin, f"/admin/accounts/{newbie.id}/password", {"password": "the new password"},
         "/admin/accounts")  # fmt: skip
    assert login(app.test_client(), "newbie", "the new password").status_code == 302

    page = admin.get("/admin/audit").get_data(as_text=True)
    assert "The audit chain is intact." in page
    for action in ("account_created", "account_disabled", "account_enabled", "password_reset"):
        assert action in page


def test_a_referrals_page_shows_its_log_once_and_never_in_the_title(
    coordinator: FlaskClient, services: Services
) -> None:
    referral = referred(services)
    page = coordinator.get(f"/referrals/{referral.id}").get_data(as_text=True)

    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "<" not in title and "audit" not in title.lower()
    assert page.count('<section class="audit">') == 1

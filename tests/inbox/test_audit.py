"""The audit log: what is recorded (and what never is), append-only in the
database, tamper-evident by its HMAC chain, one chain under concurrent
appends, the verify command, a cut or a re-chained log found against a
mailed head, restores, the admin pages; on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from dataclasses import replace

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bot.referrals.audit_head import GENESIS, Head
from bot.referrals.database import make_engine
from bot.services import Services
from harness.servers import ROOT
from inbox import cli
from inbox.accounts import AccountStore
from inbox.audit import AuditLog, Standing
from tests.support.inbox import environment, login, post, referred
from tests.support.smtp import MailServer, mail_server  # noqa: F401


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


def cut_to(services: Services, entries: int) -> None:
    """Keep the first `entries` entries: a cut, or what putting back a backup taken then does."""
    drop_guards(services)
    with services.engine.begin() as connection:
        ids = [row.id for row in connection.execute(text("SELECT id FROM audit_log ORDER BY id"))]
        for gone in ids[entries:]:
            connection.execute(text(f"DELETE FROM audit_log WHERE id = {gone}"))


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
    head = audit_of(services).head()
    assert f"intact (1 entries, head {head})" in capsys.readouterr().out
    drop_guards(services)
    with services.engine.begin() as connection:
        connection.execute(text("UPDATE audit_log SET detail = 'edited'"))
    assert cli.main(["verify-audit"]) == 1


def mailed_head(services: Services, server: MailServer) -> Head:
    """The audit log's head as a notification mail carried it."""
    mailing = Services(replace(services.settings, **server.settings()))
    referred(mailing)
    assert mailing.delivery.send_due().sent == 1
    body = server.mailbox.messages[-1].get_payload(decode=True).decode()
    found = re.search(r"^Audit head / 审计日志头:\r?\n(\S+)\r?$", body, re.MULTILINE)
    assert found, body
    mailing.engine.dispose()
    return Head.parse(found.group(1))


def verify_against(services: Services, head: Head) -> subprocess.CompletedProcess[str]:
    """`python -m inbox verify-audit --expect COUNT:MAC`, run as cron runs it."""
    return subprocess.run(
        [sys.executable, "-m", "inbox", "verify-audit", "--expect", str(head)], cwd=ROOT,
        env={**os.environ, **environment(services.settings)}, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip


def test_a_cut_off_end_is_found_against_a_mailed_head(
    services: Services,
    mail_server: MailServer,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DATABASE_URL", services.settings.database_url)
    services.referrals  # noqa: B018
    log = audit_of(services)
    for action in ("login", "view_contact", "logout"):
        log.record("coord", action, 7)
    head = mailed_head(services, mail_server)
    log.record("coord", "login")  # the log grows past the mailed head
    intact = verify_against(services, head)
    assert intact.returncode == 0
    assert intact.stdout == f"audit log intact: holds {head} (4 entries, head {log.head()})\n"

    cut_to(services, 2)  # the last two entries cut off
    cut = verify_against(services, head)
    assert cut.returncode == 1
    assert cut.stderr == "audit log CUT: 1 entries missing (2 of the 3 expected)\n"
    assert cli.main(["verify-audit"]) == 0  # the chain alone cannot tell
    assert "audit log intact (2 entries" in capsys.readouterr().out


def test_a_log_re_chained_with_the_key_is_found_against_a_mailed_head(
    services: Services,
    mail_server: MailServer,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Someone with the database and the key removes an entry and writes the
    ones after it again, chained as the inbox would: the chain verifies, the
    entry count is the same, the mailed head is not found."""
    monkeypatch.setenv("DATABASE_URL", services.settings.database_url)
    services.referrals  # noqa: B018
    log = audit_of(services)
    for action in ("login", "view_contact", "logout"):
        log.record("coord", action, 7)
    head = mailed_head(services, mail_server)

    cut_to(services, 1)
    log.record("coord", "logout", 7)  # the view of patient 7's contact details is gone
    log.record("coord", "login")
    assert log.verify() == [] and log.count() == 3
    assert cli.main(["verify-audit"]) == 0

    rewritten = verify_against(services, head)
    assert rewritten.returncode == 1
    assert rewritten.stderr.startswith("audit log REWRITTEN: its entry 3 is not the expected one")
    assert "intact" not in rewritten.stdout + rewritten.stderr


def test_a_recorded_restore_says_how_many_entries_it_lost(
    services: Services,
    mail_server: MailServer,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DATABASE_URL", services.settings.database_url)
    services.referrals  # noqa: B018
    log = audit_of(services)
    for action in ("login", "view_contact"):
        log.record("coord", action, 7)
    backup = log.head()  # the nightly backup is taken here
    for action in ("status", "logout"):
        log.record("coord", action, 7)
    head = mailed_head(services, mail_server)

    cut_to(services, backup.count)  # the backup is put back
    assert cli.main(["record-restore", "--backup", str(backup)]) == 0
    assert capsys.readouterr().out == f"recorded: restored from a backup at {backup}\n"
    log.record("coord", "login")  # the inbox carries on

    assert cli.main(["verify-audit", "--expect", str(head)]) == 1
    said = capsys.readouterr()
    assert said.err.startswith("audit log restored to 2, 2 entries lost (entry 3, of ")
    assert "intact" not in said.out + said.err
    assert log.compare(backup).standing is Standing.INTACT  # what was restored is whole
    assert log.compare(log.head()).standing is Standing.INTACT  # and heads from now on hold
    assert (log.entries()[1].action, log.entries()[1].detail) == (
        "restored", f"restored from a backup at {backup}")  # fmt: skip


def test_a_restore_is_refused_when_the_log_is_not_at_the_backups_head(
    services: Services, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", services.settings.database_url)
    services.referrals  # noqa: B018
    log = audit_of(services)
    log.record("coord", "login")
    backup = log.head()
    log.record("coord", "logout")
    assert cli.main(["record-restore", "--backup", str(backup)]) == 1
    assert "not recorded: the audit log's head is 2:" in capsys.readouterr().err
    assert log.count() == 2


@pytest.mark.parametrize("names", ["a later head", "another MAC"])
def test_a_forged_restore_entry_is_a_cut(
    services: Services,
    mail_server: MailServer,  # noqa: F811
    names: str,
) -> None:
    """A restore's entry counts only when the head it names is the chain's
    just before it; written with the key to hide a cut, it is a cut."""
    services.referrals  # noqa: B018
    log = audit_of(services)
    macs = []
    for action in ("login", "view_contact", "status", "logout"):
        log.record("coord", action, 7)
        macs.append(log.last_mac())
    head = mailed_head(services, mail_server)

    cut_to(services, 2)
    forged = Head(3, macs[2]) if names == "a later head" else Head(2, "f" * 64)
    log.record("system", "restored", detail=f"restored from a backup at {forged}")
    assert log.verify() == []

    found = log.compare(head)
    assert (found.standing, found.lost, found.now.count) == (Standing.CUT, 1, 3)


def test_a_head_is_count_and_mac_and_nothing_else(
    services: Services, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", services.settings.database_url)
    services.referrals  # noqa: B018
    assert audit_of(services).compare(Head(0, GENESIS)).standing is Standing.INTACT
    audit_of(services).record("coord", "login")
    assert cli.main(["audit-head"]) == 0
    printed = capsys.readouterr().out
    assert printed == f"{audit_of(services).head()}\n" and printed.startswith("1:")
    assert Head.parse(printed.upper()) == audit_of(services).head()
    for wrong in ("1", "1:abc", f"x:{GENESIS}", f"0:{'a' * 64}", f"1:{GENESIS}", f"-1:{'a' * 64}"):
        with pytest.raises(ValueError, match="audit"):
            Head.parse(wrong)
    with pytest.raises(SystemExit) as refused:
        cli.main(["verify-audit", "--expect", "1:abc"])
    assert refused.value.code == 2


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

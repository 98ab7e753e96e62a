"""Re-contact of deferred patients, reminders, the retention purge, the
scheduler and the admins' alert; on SQLite and PostgreSQL (mail through a
real SMTP server with STARTTLS and AUTH)."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
from flask.testing import FlaskClient
from sqlalchemy import text

from bot.protocol.eligibility import Outcome
from bot.referrals.model import Status
from bot.services import Services
from inbox import cli, jobs, scheduler
from inbox.accounts import AccountStore, Role
from inbox.app import create_app
from inbox.audit import AuditLog, Standing
from inbox.i18n import site_today
from tests.support.inbox import PASSWORD, login, referred
from tests.support.smtp import MailServer, mail_server  # noqa: F401

TODAY = site_today()


def deferred(services: Services, conversation_id: str, rescreen: date) -> int:
    return referred(
        services, conversation_id=conversation_id, outcome=Outcome.DEFERRED,
        rescreen_date=rescreen, phone=f"+86 138 0000 {len(conversation_id):04d}",
    ).id  # fmt: skip


def with_mail(services: Services, server: MailServer) -> Services:
    return Services(replace(services.settings, **server.settings()))


def test_deferred_patients_appear_from_their_rescreen_date(
    coordinator: FlaskClient, services: Services
) -> None:
    due = deferred(services, "due", TODAY)
    later = deferred(services, "later", TODAY + timedelta(days=1))
    closed = deferred(services, "closed", TODAY - timedelta(days=3))
    services.referrals.change_status("closed", Status.NOT_ENROLLED, "coord", "reason:declined")
    referred(services, conversation_id="qualified")  # pre-qualified: never deferred

    page = coordinator.get("/recontact").get_data(as_text=True)

    assert f'data-referral="{due}"' in page
    assert f'data-referral="{later}"' not in page and f'data-referral="{closed}"' not in page
    assert page.count("data-referral=") == 1


def test_a_due_patient_is_reminded_once_by_mail(
    services: Services,
    mail_server: MailServer,  # noqa: F811
) -> None:
    mailing = with_mail(services, mail_server)
    due = deferred(services, "due", TODAY - timedelta(days=1))
    deferred(services, "later", TODAY + timedelta(days=30))
    mailing.delivery.send_due()  # the two new-referral mails
    mail_server.mailbox.messages.clear()

    first = jobs.remind_recontact(mailing)
    again = jobs.remind_recontact(mailing)

    assert (first.queued, first.report.sent, again.queued, again.report.sent) == (1, 1, 0, 0)
    (mail,) = mail_server.mailbox.messages
    assert f"(#{due})" in mail["Subject"] and "/recontact" in str(mail.get_payload())


def test_the_audit_logs_head_is_mailed_once_a_day_and_holds(
    services: Services,
    mail_server: MailServer,  # noqa: F811
) -> None:
    mailing = with_mail(services, mail_server)
    services.referrals  # noqa: B018
    audit = AuditLog(services.engine, services.audit_key)
    audit.record("coord", "login")
    head = audit.head()

    assert jobs.mail_audit_head(mailing) == head
    assert jobs.mail_audit_head(mailing) is None  # today's went out
    tomorrow = datetime.now(timezone.utc) + timedelta(days=1)
    after_first = audit.head()  # the first mail is an entry of its own
    assert jobs.mail_audit_head(mailing, tomorrow) == after_first != head

    first, second = mail_server.mailbox.messages
    assert first["Subject"] == f"Audit log head / 审计日志头 ({site_today()})"
    assert first["Content-Transfer-Encoding"] == "8bit"  # the head searchable as sent
    body = first.get_payload(decode=True).decode().replace("\r\n", "\n")
    assert f"\nAudit head / 审计日志头:\n{head}\n" in body
    assert second["Subject"] == f"Audit log head / 审计日志头 ({site_today(tomorrow)})"
    assert [e.action for e in audit.entries()] == ["audit_head_mailed"] * 2 + ["login"]
    assert audit.compare(head).standing is Standing.INTACT


def test_closed_referrals_are_purged_after_the_retention_period(services: Services) -> None:
    old = referred(services, conversation_id="old")
    recent = referred(services, conversation_id="recent", phone="1")
    still_open = referred(services, conversation_id="open", phone="2")
    for conversation in ("old", "recent"):
        services.referrals.change_status(conversation, Status.NOT_ENROLLED, "c", "reason:other")
    AuditLog(services.engine, services.audit_key).record("coord", "view_contact", old.id)

    year_later = datetime.now(timezone.utc) + timedelta(days=services.settings.retention_days)
    with services.engine.begin() as connection:  # "recent" was closed a year after "old"
        connection.execute(
            text("UPDATE referral_events SET at = :at "
                 "WHERE referral_id = :id AND to_status = 'not_enrolled'"),
            {"at": year_later, "id": recent.id},
        )  # fmt: skip
    assert jobs.purge_closed(services, year_later + timedelta(hours=1)) == 1

    assert services.referrals.get_by_id(old.id) is None
    assert services.referrals.get_by_id(recent.id) is not None
    assert services.referrals.get_by_id(still_open.id) is not None
    audit = AuditLog(services.engine, services.audit_key)
    assert [e.action for e in audit.entries()][:2] == ["purge_closed", "view_contact"]
    assert audit.verify() == []  # the purge left the chain whole


def test_the_commands(
    services: Services, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", services.settings.database_url)
    deferred(services, "due", TODAY)
    assert cli.main(["remind-recontact"]) == 0  # no mail server: reminders wait
    assert "reminders queued 1" in capsys.readouterr().out
    assert cli.main(["send-notifications"]) == 0
    assert "waiting 2" in capsys.readouterr().out
    assert cli.main(["purge-closed"]) == 0
    assert "purged 0" in capsys.readouterr().out
    assert cli.main(["mail-audit-head"]) == 1  # no mail server: no head kept
    assert "no head mailed" in capsys.readouterr().err


def test_the_embedded_scheduler_sends_new_referrals_and_the_daily_head(
    services: Services,
    mail_server: MailServer,  # noqa: F811
) -> None:
    mailing = Services(replace(services.settings, scheduler_seconds=0.2, **mail_server.settings()))
    stop = threading.Event()
    thread = scheduler.start(scheduler.embedded_jobs(mailing), stop)
    referred(services)

    def subjects() -> list[str]:
        return sorted(str(m["Subject"]).split(" / ")[0] for m in mail_server.mailbox.messages)

    deadline = time.monotonic() + 10
    while len(subjects()) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    thread.join(5)
    assert subjects() == ["Audit log head", "New referral waiting"]  # the head: once a day


def test_admins_see_failing_notifications_and_coordinators_do_not(
    services: Services,
    mail_server: MailServer,  # noqa: F811
) -> None:
    failing = Services(replace(services.settings, notify_alert_after=2, **mail_server.settings()))
    app = create_app(failing)
    AccountStore(failing.engine).create("boss", PASSWORD, Role.ADMIN)
    AccountStore(failing.engine).create("coord", PASSWORD, Role.COORDINATOR)
    referral = referred(failing)
    mail_server.stop()
    moment = datetime.now(timezone.utc)
    for _ in range(2):
        failing.delivery.send_due(moment)
        moment += timedelta(days=1)

    admin, coordinator = app.test_client(), app.test_client()
    login(admin, "boss")
    login(coordinator, "coord")
    assert f"keep failing; check the mail settings. Waiting: #{referral.id}" in admin.get(
        "/"
    ).get_data(as_text=True)
    assert "keep failing" not in coordinator.get("/").get_data(as_text=True)
    mail_server.start()

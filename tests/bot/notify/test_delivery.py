"""Notifications to the coordinators over a real SMTP server (aiosmtpd with
STARTTLS and AUTH): stored with the referral, sent at least once with a
stable Message-ID, retried with back-off, admins told after repeated
failures, nothing lost across a restart; on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.notify import Kind
from bot.notify.delivery import CLAIM
from bot.referrals.audit_head import GENESIS
from bot.referrals.submit import Submitted, submit
from bot.services import Services
from harness.servers import ROOT
from inbox.audit import AuditLog
from tests.support.inbox import draft, environment, referred, settings_for
from tests.support.smtp import MailServer

LATER = timedelta(days=1)


@pytest.fixture
def services(database_url: str, tmp_path: Path, mail_server: MailServer) -> Iterator[Services]:
    built = Services(
        settings_for(database_url, tmp_path, inbox_url="https://inbox.site.example",
                     notify_retry_seconds=60, notify_alert_after=3, **mail_server.settings())
    )  # fmt: skip
    yield built
    built.engine.dispose()


def test_a_new_referral_is_mailed_once_with_a_link_and_no_patient_data(
    services: Services, mail_server: MailServer
) -> None:
    referral = referred(services, name="Anna Kowalska", email="anna@example.com")

    assert services.delivery.send_due().sent == 1
    assert services.delivery.send_due().sent == 0  # sent is sent

    (mail,) = mail_server.mailbox.messages
    assert mail_server.mailbox.recipients == [["coordinators@site.example", "pi@site.example"]]
    body = mail.get_payload(decode=True).decode()
    assert f"https://inbox.site.example/referrals/{referral.id}" in body
    whole = mail.as_string() + body
    # (not short numbers: a random Message-ID may hold any three digits)
    for secret in ("Anna", "Kowalska", "anna@example.com", "138 0013", "13800138000", "lupus",
                   "pre_qualified", "unsure"):  # fmt: skip
        assert secret not in whole, secret
    assert mail["Message-ID"].endswith("@prescreen.nct06056921>")


def test_every_mail_carries_the_audit_logs_head_as_it_is_sent(
    services: Services, mail_server: MailServer
) -> None:
    referred(services, conversation_id="first")
    audit = AuditLog(services.engine, services.audit_key)
    assert services.delivery.send_due().sent == 1
    audit.record("coord", "login")
    audit.record("coord", "view_contact", 1)
    referred(services, conversation_id="second", phone="+86 139 0000 0000")
    assert services.delivery.send_due().sent == 1

    mails = mail_server.mailbox.messages
    assert [m["Content-Transfer-Encoding"] for m in mails] == ["8bit"] * 2  # searchable as sent
    first, second = (m.get_payload(decode=True).decode().replace("\r\n", "\n") for m in mails)
    assert f"\nAudit head / 审计日志头:\n0:{GENESIS}\n" in first  # an empty log has a head too
    assert audit.head().count == 2
    assert f"\nAudit head / 审计日志头:\n{audit.head()}\n" in second


def test_a_failed_send_is_retried_with_back_off_and_the_same_message_id(
    services: Services, mail_server: MailServer
) -> None:
    referred(services)
    mail_server.mailbox.refuse = 2
    now = datetime.now(timezone.utc)

    assert services.delivery.send_due(now).failed == 1
    assert services.delivery.send_due(now + timedelta(seconds=59)).failed == 0  # waits 60 s
    assert services.delivery.send_due(now + timedelta(seconds=61)).failed == 1
    assert services.delivery.send_due(now + timedelta(seconds=61 + 119)).failed == 0  # then 120
    assert services.delivery.send_due(now + timedelta(seconds=61 + 121)).sent == 1

    ids = {m["Message-ID"] for m in mail_server.mailbox.refused + mail_server.mailbox.messages}
    assert len(ids) == 1  # every attempt recognisably the same mail


def test_admins_are_told_after_repeated_failures(
    services: Services, mail_server: MailServer
) -> None:
    referral = referred(services)
    mail_server.stop()  # the mail server is down
    moment = datetime.now(timezone.utc)
    for _ in range(3):
        assert services.delivery.send_due(moment).failed == 1
        moment += LATER

    (failing,) = services.delivery.failing()
    assert (failing.referral_id, failing.kind, failing.attempts) == (
        referral.id,
        Kind.NEW_REFERRAL,
        3,
    )
    mail_server.start()
    assert services.delivery.send_due(moment).sent == 1
    assert services.delivery.failing() == []


def test_nothing_is_lost_across_a_restart(services: Services, mail_server: MailServer) -> None:
    mail_server.stop()
    referred(services)
    assert services.delivery.send_due().failed == 1
    services.engine.dispose()  # the process ends

    mail_server.start()
    restarted = Services(services.settings)
    assert restarted.delivery.pending() == 1
    assert restarted.delivery.send_due(datetime.now(timezone.utc) + LATER).sent == 1
    assert restarted.delivery.pending() == 0
    assert len(mail_server.mailbox.messages) == 1
    restarted.engine.dispose()


def test_without_a_mail_server_notifications_wait(database_url: str, tmp_path: Path) -> None:
    services = Services(settings_for(database_url, tmp_path))
    referred(services)
    assert services.delivery.send_due().sent == 0
    assert services.delivery.pending() == 1
    services.engine.dispose()


def test_a_wrong_smtp_password_fails_and_is_retried(
    database_url: str, tmp_path: Path, mail_server: MailServer
) -> None:
    settings = {**mail_server.settings(), "smtp_password": "wrong"}
    services = Services(settings_for(database_url, tmp_path, **settings))
    referred(services)
    assert services.delivery.send_due().failed == 1
    assert mail_server.mailbox.messages == []
    assert services.delivery.pending() == 1
    services.engine.dispose()


def test_a_certificate_the_client_does_not_trust_is_refused(
    database_url: str, tmp_path: Path, mail_server: MailServer
) -> None:
    settings = {**mail_server.settings(), "smtp_ca_file": ""}  # the system's CAs only
    services = Services(settings_for(database_url, tmp_path, **settings))
    referred(services)
    assert services.delivery.send_due().failed == 1
    assert mail_server.mailbox.messages == []
    services.engine.dispose()


def test_deleting_a_referral_deletes_its_notification(
    services: Services, mail_server: MailServer
) -> None:
    referred(services, conversation_id="gone")
    assert services.referrals.delete("gone")
    assert services.delivery.pending() == 0


def test_a_sender_killed_mid_send_is_followed_by_a_resend_with_the_same_message_id(
    services: Services, mail_server: MailServer
) -> None:
    """At least once across a restart: the sending process dies after handing
    over the mail but before marking it sent; the next run sends it again."""
    referred(services)
    mail_server.mailbox.stall = 1
    env = {**os.environ, **environment(services.settings)}
    sender = subprocess.Popen(
        [sys.executable, "-m", "inbox", "send-notifications"], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while not mail_server.mailbox.stalled and time.monotonic() < deadline:
        time.sleep(0.05)
    sender.kill()
    sender.wait()
    assert len(mail_server.mailbox.stalled) == 1 and services.delivery.pending() == 1

    later = datetime.now(timezone.utc) + CLAIM + timedelta(seconds=1)  # its claim has lapsed
    assert Services(services.settings).delivery.send_due(later).sent == 1

    (resent,) = mail_server.mailbox.messages
    assert resent["Message-ID"] == mail_server.mailbox.stalled[0]["Message-ID"]


def test_every_way_in_stores_one_notification_with_the_referral(
    services: Services, mail_server: MailServer
) -> None:
    """submit() stores it with the referral; a referral that waited in the
    outbox gets its own when stored; saving twice does not notify twice."""
    assert submit(draft("direct"), services) is Submitted.STORED
    assert submit(draft("direct"), services) is Submitted.STORED  # a double click
    services.outbox.put(draft("waited", phone="+86 139 0000 0000"))
    services.outbox.flush(services.referrals)

    assert services.delivery.pending() == 2
    assert services.delivery.send_due().sent == 2
    subjects = sorted(m["Subject"] for m in mail_server.mailbox.messages)
    stored = (services.referrals.get("direct"), services.referrals.get("waited"))
    ids = sorted(r.id for r in stored if r)
    assert subjects == sorted(f"New referral waiting / 新转诊待处理 (#{i})" for i in ids)

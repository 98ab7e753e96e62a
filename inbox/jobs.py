"""The scheduled jobs, shared by the commands (cron, systemd timers) and the
embedded run's scheduler. Each returns counts only (or the audit log's head),
never patient data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from bot.notify.delivery import Report
from bot.referrals.audit_head import Head
from bot.services import Services
from inbox.audit import AuditLog
from inbox.i18n import site_today

HEAD_MAILED = "audit_head_mailed"  # the audit entry of a daily head mail


@dataclass(frozen=True)
class Reminded:
    queued: int
    report: Report


def send_notifications(services: Services) -> Report:
    return services.delivery.send_due()


def remind_recontact(services: Services, now: datetime | None = None) -> Reminded:
    """Store a reminder for each deferred patient newly due for re-contact
    (from the re-screen date, in the site's calendar), then send what is due."""
    queued = services.delivery.queue_recontact(services.referrals, site_today(now))
    return Reminded(queued, services.delivery.send_due(now))


def purge_closed(services: Services, now: datetime | None = None) -> int:
    """Delete referrals closed more than RETENTION_DAYS ago; the purge itself
    is written to the audit log (a count, no ids of patients' data)."""
    cutoff = (now or datetime.now(timezone.utc)) - timedelta(days=services.settings.retention_days)
    purged = services.referrals.purge_closed(cutoff)
    if purged:
        audit = AuditLog(services.engine, services.audit_key)
        audit.record(
            "system", "purge_closed", detail=f"{purged} referrals closed before {cutoff:%Y-%m-%d}"
        )
    return purged


def mail_audit_head(services: Services, now: datetime | None = None) -> Head | None:
    """Mail the audit log's head to the coordinators, once a day (the site's
    calendar); the head mailed, or None when today's went out already or no
    mail server is configured. The mail is then itself an audit entry (with
    its head): that is how a later run, or another process, knows today's
    went out. Raises what the server raises (smtplib.SMTPException, OSError);
    the next run tries again."""
    if not services.mailer.configured:
        return None
    services.referrals  # noqa: B018 - migrates the schema (a first run's log is empty)
    today = site_today(now)
    audit = AuditLog(services.engine, services.audit_key)
    last = audit.last(HEAD_MAILED)
    if last is not None and site_today(last.at.replace(tzinfo=timezone.utc)) == today:
        return None
    head = audit.head()
    services.mailer.send(services.mailer.compose_head(head, today.isoformat()))
    audit.record("system", HEAD_MAILED, detail=str(head))
    return head

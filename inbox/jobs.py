"""The scheduled jobs, shared by the commands (cron, systemd timers) and the
embedded run's scheduler. Each returns counts only, never patient data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from bot.notify.delivery import Report
from bot.services import Services
from inbox.audit import AuditLog
from inbox.i18n import site_today


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

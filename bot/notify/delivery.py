"""Delivering stored notifications: at least once, with back-off.

A notification row is stored with its referral (bot/referrals/store.py), so a
restart loses nothing. `send_due` sends each row whose time has come and marks
it sent only after the server accepted it: a crash in between sends it again,
with the same Message-ID. A failure is retried after NOTIFY_RETRY_SECONDS,
doubling per failure (at most 6 hours); from NOTIFY_ALERT_AFTER failures on,
`failing` names it, and the inbox tells the admins. Several senders at once
(a cron job beside the embedded scheduler) each claim a row before sending.
Each mail carries the audit log's head as it is sent
(bot/referrals/audit_head.py).
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.notify import Kind, new_message_id
from bot.notify.mail import Mailer
from bot.referrals.audit_head import Head, read_head
from bot.referrals.store import ReferralStore
from bot.referrals.tables import NotificationRow
from bot.settings import Settings

logger = logging.getLogger(__name__)

CLAIM = timedelta(minutes=5)  # a sender that died mid-send frees its row after this
LONGEST_WAIT = timedelta(hours=6)


@dataclass(frozen=True)
class Report:
    sent: int
    failed: int


@dataclass(frozen=True)
class Failing:
    referral_id: int
    kind: Kind
    attempts: int


class Delivery:
    def __init__(self, engine: Engine, mailer: Mailer, settings: Settings) -> None:
        self._engine = engine
        self._mailer = mailer
        self._settings = settings

    def send_due(self, now: datetime | None = None) -> Report:
        """Send every notification due at `now`; nothing while no mail server
        or coordinator address is configured (they wait, stored)."""
        if not self._mailer.configured:
            return Report(0, 0)
        now = now or datetime.now(timezone.utc)
        sent = failed = 0
        for row_id in self._due(now):
            claimed = self._claim(row_id, now)
            if claimed is None:
                continue  # another sender has it
            kind, referral_id, message_id, attempts = claimed
            message = self._mailer.compose(kind, referral_id, message_id, self._head())
            try:
                self._mailer.send(message)
            except (smtplib.SMTPException, OSError) as error:
                failed += 1
                self._failed(row_id, attempts + 1, now, type(error).__name__)
            else:
                sent += 1
                self._sent(row_id, attempts + 1, now)
        return Report(sent, failed)

    def queue_recontact(self, referrals: ReferralStore, today: date) -> int:
        """Store a reminder for each deferred patient due for re-contact by
        `today` (in the site's calendar) who has none yet; returns how many
        were stored (each is reminded once: the reminder is unique per
        referral)."""
        made = 0
        for due in referrals.due_for_recontact(today):
            try:
                with Session(self._engine, future=True) as session, session.begin():
                    session.add(
                        NotificationRow(
                            referral_id=due.referral_id,
                            kind=Kind.RECONTACT_DUE.value,
                            message_id=new_message_id(Kind.RECONTACT_DUE),
                        )
                    )
                made += 1
            except IntegrityError:
                continue  # reminded already (or by a concurrent run)
        return made

    def failing(self) -> list[Failing]:
        """Unsent notifications that failed NOTIFY_ALERT_AFTER times or more."""
        query = select(NotificationRow).where(
            NotificationRow.sent_at.is_(None),
            NotificationRow.attempts >= self._settings.notify_alert_after,
        )
        with Session(self._engine, future=True) as session:
            rows = session.execute(query.order_by(NotificationRow.id)).scalars()
            return [Failing(row.referral_id, Kind(row.kind), row.attempts) for row in rows]

    def pending(self) -> int:
        with Session(self._engine, future=True) as session:
            query = select(NotificationRow.id).where(NotificationRow.sent_at.is_(None))
            return len(session.execute(query).all())

    def _head(self) -> Head:
        """The audit log's head as this mail goes out (a resend carries a newer one)."""
        with self._engine.connect() as connection:
            return read_head(connection)

    def _due(self, now: datetime) -> list[int]:
        query = (
            select(NotificationRow.id)
            .where(NotificationRow.sent_at.is_(None), NotificationRow.next_attempt_at <= now)
            .order_by(NotificationRow.id)
        )
        with Session(self._engine, future=True) as session:
            return list(session.execute(query).scalars())

    def _claim(self, row_id: int, now: datetime) -> tuple[Kind, int, str, int] | None:
        """Move the row's next attempt past the sending time, only if no other
        sender did so first; its details if this sender got it."""
        with Session(self._engine, future=True) as session, session.begin():
            claimed = session.execute(
                update(NotificationRow)
                .where(
                    NotificationRow.id == row_id,
                    NotificationRow.sent_at.is_(None),
                    NotificationRow.next_attempt_at <= now,
                )
                .values(next_attempt_at=now + CLAIM)
            ).rowcount
            if claimed != 1:
                return None
            row = session.get(NotificationRow, row_id)
            return Kind(row.kind), row.referral_id, row.message_id, row.attempts

    def _sent(self, row_id: int, attempts: int, now: datetime) -> None:
        with Session(self._engine, future=True) as session, session.begin():
            row = session.get(NotificationRow, row_id)
            if row is not None:  # the referral may have been deleted meanwhile
                row.sent_at, row.attempts, row.last_error = now, attempts, None

    def _failed(self, row_id: int, attempts: int, now: datetime, error: str) -> None:
        wait = timedelta(seconds=self._settings.notify_retry_seconds * 2 ** (attempts - 1))
        with Session(self._engine, future=True) as session, session.begin():
            row = session.get(NotificationRow, row_id)
            if row is not None:
                row.attempts, row.last_error = attempts, error[:64]
                row.next_attempt_at = now + min(wait, LONGEST_WAIT)
        # Only the class: an SMTP error message may quote addresses.
        logger.warning("notification not sent (attempt %d): %s", attempts, error)

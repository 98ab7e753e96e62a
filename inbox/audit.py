"""The audit log: every login and failed login, every view of contact
details, every change, with who and when.

Append-only: the database refuses UPDATE, DELETE (and TRUNCATE) on the table
(migration 0005). Tamper-evident: each entry carries an HMAC-SHA256, under a
key kept outside the database (`AUDIT_KEY`), over the entry and the previous
entry's HMAC; an edited, inserted or removed entry breaks the chain, which
`verify` finds. Appends are serialised (an advisory lock on PostgreSQL; on
both, `prev_mac` is unique, so two racing appends cannot fork the chain: the
loser retries on the new end). Entries hold no contact or health data: ids,
account names, actions and status names only.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from bot.referrals.audit_head import GENESIS, Head, read_head
from bot.referrals.tables import AuditRow

APPEND_LOCK = 60569211  # PostgreSQL advisory lock serialising appends
ATTEMPTS = 20


@dataclass(frozen=True)
class Entry:
    id: int
    at: datetime
    actor: str
    action: str
    referral_id: int | None
    detail: str


class AuditLog:
    def __init__(self, engine: Engine, key: bytes) -> None:
        if not key:
            raise ValueError("an audit key is needed")
        self._engine = engine
        self._key = key

    def record(
        self, actor: str, action: str, referral_id: int | None = None, detail: str = ""
    ) -> None:
        """Append one entry at the end of the chain (raises if it cannot)."""
        for attempt in range(ATTEMPTS):
            try:
                with self._engine.begin() as connection:
                    self._append(connection, actor[:64], action[:32], referral_id, detail[:255])
                return
            except (IntegrityError, OperationalError):
                # Another process appended first (or held SQLite's lock): chain on its entry.
                if attempt == ATTEMPTS - 1:
                    raise

    def entries(self, referral_id: int | None = None, limit: int = 500) -> list[Entry]:
        """The newest entries first, of one referral or of all."""
        query = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
        if referral_id is not None:
            query = query.where(AuditRow.referral_id == referral_id)
        with self._engine.connect() as connection:
            return [
                Entry(row.id, _utc(row.at), row.actor, row.action, row.referral_id, row.detail)
                for row in connection.execute(query)
            ]

    def count(self) -> int:
        with self._engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(AuditRow)).scalar_one())

    def last_mac(self) -> str:
        """The chain's end (GENESIS when empty)."""
        return self.head().mac

    def head(self) -> Head:
        """The count of entries and the last one's HMAC: kept elsewhere, it
        shows later whether entries were cut off the end."""
        with self._engine.connect() as connection:
            return read_head(connection)

    def verify(self) -> list[int]:
        """The ids of the entries where the chain breaks (an entry edited, or
        one before it inserted or removed); empty when the log is intact."""
        broken: list[int] = []
        expected_prev = GENESIS
        with self._engine.connect() as connection:
            for row in connection.execute(select(AuditRow).order_by(AuditRow.id)):
                fields = (_utc(row.at), row.actor, row.action, row.referral_id, row.detail)
                if row.prev_mac != expected_prev or not hmac.compare_digest(
                    row.mac, self._mac(row.prev_mac, *fields)
                ):
                    broken.append(row.id)
                expected_prev = row.mac
        return broken

    def _append(
        self, connection: Connection, actor: str, action: str, referral: int | None, detail: str
    ) -> None:
        if connection.dialect.name == "postgresql":
            connection.execute(text(f"SELECT pg_advisory_xact_lock({APPEND_LOCK})"))
        last = connection.execute(select(AuditRow.mac).order_by(AuditRow.id.desc()).limit(1))
        prev = last.scalar() or GENESIS
        at = datetime.now(timezone.utc)
        connection.execute(
            insert(AuditRow).values(
                at=at, actor=actor, action=action, referral_id=referral, detail=detail,
                prev_mac=prev, mac=self._mac(prev, at, actor, action, referral, detail),
            )
        )  # fmt: skip

    def _mac(
        self,
        prev: str,
        at: datetime,
        actor: str,
        action: str,
        referral_id: int | None,
        detail: str,
    ) -> str:
        message = json.dumps(
            [prev, at.strftime("%Y-%m-%dT%H:%M:%S.%f"), actor, action, referral_id, detail],
            ensure_ascii=False,
        )
        return hmac.new(self._key, message.encode(), hashlib.sha256).hexdigest()


def _utc(moment: datetime) -> datetime:
    """Stored times as naive UTC (SQLite returns them naive, PostgreSQL aware)."""
    return moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment

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

The chain alone cannot show entries cut off its end, nor a log re-chained
by someone with the key: `compare` checks it against a head kept elsewhere
(bot/referrals/audit_head.py). Putting a backup back loses the entries made
after it: `record_restore` says so in the chain, and `compare` then tells a
recorded restore from a cut.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from bot.referrals.audit_head import GENESIS, Head, read_head
from bot.referrals.tables import AuditRow

RESTORED = "restored"  # the action of a restore's entry
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


@dataclass(frozen=True)
class Restore:
    """A restore's entry that names the head the chain had just before it."""

    backup: Head
    """The restored backup's head: the entries before the restore's entry."""
    at: datetime


class Standing(str, Enum):
    """The log against a head recorded earlier."""

    INTACT = "intact"  # the chain verifies and holds the head (it may have grown since)
    BROKEN = "broken"  # an entry fails its HMAC or its link to the one before
    CUT = "cut"  # fewer entries than the head counts, and no restore says why
    REWRITTEN = "rewritten"  # the head's entry differs: re-chained, or cut and added to
    RESTORED = "restored"  # a restore's entry, chained on the backup it names, explains the loss


@dataclass(frozen=True)
class Comparison:
    standing: Standing
    now: Head
    """The log's head now."""
    lost: int = 0
    """CUT: entries missing; RESTORED: entries the restore lost; else 0."""
    restore: Restore | None = None
    """RESTORED: the restore that explains the loss."""
    broken: tuple[int, ...] = ()
    """BROKEN: the ids where the chain breaks."""


@dataclass
class _Scan:
    """One pass over the chain, in its order."""

    count: int = 0
    last: str = GENESIS
    mac_at_position: str | None = None
    broken: list[int] = field(default_factory=list)
    restores: list[Restore] = field(default_factory=list)


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
                    _lock(connection)
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

    def last(self, action: str) -> Entry | None:
        """The newest entry of `action`, if any."""
        query = select(AuditRow).where(AuditRow.action == action)
        with self._engine.connect() as connection:
            row = connection.execute(query.order_by(AuditRow.id.desc()).limit(1)).first()
        if row is None:
            return None
        return Entry(row.id, _utc(row.at), row.actor, row.action, row.referral_id, row.detail)

    def count(self) -> int:
        with self._engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(AuditRow)).scalar_one())

    def last_mac(self) -> str:
        """The chain's end (GENESIS when empty)."""
        return self.head().mac

    def head(self) -> Head:
        """The count of entries and the last one's HMAC: kept elsewhere, it
        shows later whether entries were cut off the end (`compare`)."""
        with self._engine.connect() as connection:
            return read_head(connection)

    def verify(self) -> list[int]:
        """The ids of the entries where the chain breaks (an entry edited, or
        one before it inserted or removed); empty when the log is intact."""
        return self._scan(0).broken

    def compare(self, expected: Head) -> Comparison:
        """The log against `expected`, a head recorded earlier (a mailed one).
        BROKEN when the chain does not verify. INTACT only when it does and
        its entry number `expected.count` has that MAC (the log may have
        grown since); never when that entry is missing or differs. Then
        RESTORED when a restore's entry, chained on the backup it names, has
        fewer entries before it than the head (the latest such restore);
        else CUT when the log is shorter than the head, REWRITTEN when not.
        A head taken after the restore's time and lost was cut, not restored:
        the restore's `at` tells them apart."""
        scan = self._scan(expected.count)
        now = Head(scan.count, scan.last)
        if scan.broken:
            return Comparison(Standing.BROKEN, now, broken=tuple(scan.broken))
        if scan.mac_at_position == expected.mac:
            return Comparison(Standing.INTACT, now)
        before = [r for r in scan.restores if r.backup.count < expected.count]
        if before:
            lost = expected.count - before[-1].backup.count
            return Comparison(Standing.RESTORED, now, lost=lost, restore=before[-1])
        if scan.count < expected.count:
            return Comparison(Standing.CUT, now, lost=expected.count - scan.count)
        return Comparison(Standing.REWRITTEN, now)

    def record_restore(self, backup: Head | None = None) -> Head:
        """Append the entry "restored from a backup at COUNT:MAC", naming the
        head the log has now: the restore command calls it right after
        putting a backup back, before anything else appends (an entry
        appended meanwhile fails this one: IntegrityError). With `backup`
        (the head taken with the backup), refuses with ValueError unless the
        log's head is that one. Returns the head it named."""
        with self._engine.begin() as connection:
            _lock(connection)
            head = read_head(connection)
            if backup is not None and head != backup:
                raise ValueError(f"the audit log's head is {head}, not the backup's {backup}")
            self._append(connection, "system", RESTORED, None, _restored_from(head), head.mac)
        return head

    def _scan(self, position: int) -> _Scan:
        """Check every entry; note the MAC of entry number `position`."""
        scan = _Scan(mac_at_position=GENESIS if position == 0 else None)
        with self._engine.connect() as connection:
            for row in connection.execute(select(AuditRow).order_by(AuditRow.id)):
                fields = (_utc(row.at), row.actor, row.action, row.referral_id, row.detail)
                if row.prev_mac != scan.last or not hmac.compare_digest(
                    row.mac, self._mac(row.prev_mac, *fields)
                ):
                    scan.broken.append(row.id)
                before = Head(scan.count, scan.last)
                if row.action == RESTORED and row.detail == _restored_from(before):
                    scan.restores.append(Restore(before, _utc(row.at)))
                scan.count += 1
                scan.last = row.mac
                if scan.count == position:
                    scan.mac_at_position = row.mac
        return scan

    def _append(
        self,
        connection: Connection,
        actor: str,
        action: str,
        referral: int | None,
        detail: str,
        prev: str | None = None,
    ) -> None:
        """Chain an entry on `prev`, by default the last entry's HMAC (the
        caller holds the append lock; an entry chained on a stale end fails
        on `prev_mac`'s uniqueness)."""
        if prev is None:
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


def _restored_from(backup: Head) -> str:
    """A restore's entry's detail."""
    return f"restored from a backup at {backup}"


def _lock(connection: Connection) -> None:
    """Serialise appends on PostgreSQL until the transaction ends (SQLite
    serialises writers itself)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text(f"SELECT pg_advisory_xact_lock({APPEND_LOCK})"))


def _utc(moment: datetime) -> datetime:
    """Stored times as naive UTC (SQLite returns them naive, PostgreSQL aware)."""
    return moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment

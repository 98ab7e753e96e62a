"""The referral store: what study staff receive, kept with its status history.

One referral per conversation: saving the same conversation again returns the
referral already stored (also when two saves race). Contact details are stored
encrypted; the store records what the engine decided and never decides
eligibility itself. Every status change is appended to `referral_events`,
which is never updated or deleted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql import Select

from bot.notify import Kind, new_message_id
from bot.protocol.eligibility import Outcome
from bot.referrals.codec import from_plain, to_plain
from bot.referrals.lookup import ContactLookup
from bot.referrals.model import NEXT_STATUSES, Referral, ReferralDraft, Status
from bot.referrals.schema import upgrade
from bot.referrals.secrecy import Secrecy
from bot.referrals.tables import (
    SEALED,
    CriterionRow,
    EventRow,
    NoteRow,
    NotificationRow,
    ReferralRow,
    columns,
)

OPEN = (Status.NEW, Status.CONTACTED, Status.VISIT_SCHEDULED)


@dataclass(frozen=True)
class Due:
    """A deferred patient due for re-contact (no contact details)."""

    referral_id: int
    rescreen_date: date
    status: Status


class ReferralStore:
    """Referrals on any SQLAlchemy engine (SQLite embedded, PostgreSQL in prod)."""

    def __init__(
        self, engine: Engine, secrecy: Secrecy, lookup: ContactLookup | None = None
    ) -> None:
        """`lookup`, when given, stores keyed hashes of the phone, e-mail and
        WeChat ID with each referral (possible duplicates are found by them)."""
        self._engine = engine
        self._secrecy = secrecy
        self._lookup = lookup

    @property
    def engine(self) -> Engine:
        return self._engine

    def upgrade_schema(self) -> None:
        """Bring the database to the latest migration (creates it if empty)."""
        upgrade(self._engine)

    def add(self, draft: ReferralDraft) -> bool:
        """Store the draft with status `new`, once per conversation: False if
        the conversation's referral was stored already (by an earlier or a
        concurrent call). Raises SQLAlchemyError while the database is down."""
        row = self._row_from_draft(draft)
        try:
            with Session(self._engine, future=True) as session, session.begin():
                session.add(row)
        except IntegrityError:
            if not self._has(draft.conversation_id):  # pragma: no cover - another constraint
                raise RuntimeError("referral neither inserted nor found") from None
            return False
        return True

    def _has(self, conversation_id: str) -> bool:
        with Session(self._engine, future=True) as session:
            found = select(ReferralRow.id).where(ReferralRow.conversation_id == conversation_id)
            return session.execute(found).first() is not None

    def save(self, draft: ReferralDraft) -> Referral:
        """`add`, then the conversation's referral as stored."""
        self.add(draft)
        stored = self.get(draft.conversation_id)
        if stored is None:  # pragma: no cover - the insert failed for another reason
            raise RuntimeError("referral neither inserted nor found")
        return stored

    def get(self, conversation_id: str) -> Referral | None:
        with Session(self._engine, future=True) as session:
            row = session.execute(
                _with_details().where(ReferralRow.conversation_id == conversation_id)
            ).scalar_one_or_none()
            return self._referral_from_row(row) if row else None

    def get_by_id(self, referral_id: int) -> Referral | None:
        with Session(self._engine, future=True) as session:
            row = session.execute(
                _with_details().where(ReferralRow.id == referral_id)
            ).scalar_one_or_none()
            return self._referral_from_row(row) if row else None

    def add_note(self, referral_id: int, author: str, text: str) -> None:
        """Append a staff note; raises LookupError for an unknown referral."""
        with Session(self._engine, future=True) as session, session.begin():
            if session.get(ReferralRow, referral_id) is None:
                raise LookupError(referral_id)
            session.add(NoteRow(referral_id=referral_id, author=author, text=text))

    def fill_contact_keys(self) -> int:
        """Give referrals stored before contact keys existed their keyed hashes
        (decrypting only those rows, once); returns how many were filled."""
        if self._lookup is None:
            return 0
        missing = (
            ((ReferralRow.phone.isnot(None)) & (ReferralRow.phone_key.is_(None)))
            | ((ReferralRow.email.isnot(None)) & (ReferralRow.email_key.is_(None)))
            | ((ReferralRow.wechat.isnot(None)) & (ReferralRow.wechat_key.is_(None)))
        )
        with Session(self._engine, future=True) as session, session.begin():
            rows = session.execute(select(ReferralRow).where(missing)).scalars().all()
            for row in rows:
                row.phone_key = self._lookup.phone_key(self._secrecy.open(row.phone))
                row.email_key = self._lookup.email_key(self._secrecy.open(row.email))
                row.wechat_key = self._lookup.wechat_key(self._secrecy.open(row.wechat))
            return len(rows)

    def list(self, status: Status | None = None) -> list[Referral]:
        """Referrals, newest first, optionally of one status."""
        query = _with_details().order_by(ReferralRow.created_at.desc(), ReferralRow.id.desc())
        if status is not None:
            query = query.where(ReferralRow.status == status.value)
        with Session(self._engine, future=True) as session:
            rows = session.execute(query).scalars()
            return [self._referral_from_row(row) for row in rows]

    def due_for_recontact(self, today: date) -> tuple[Due, ...]:
        """Deferred referrals still open whose re-screen date has come, the
        longest due first."""
        query = (
            select(ReferralRow.id, ReferralRow.rescreen_date, ReferralRow.status)
            .where(
                ReferralRow.outcome == Outcome.DEFERRED.value,
                ReferralRow.status.in_([s.value for s in OPEN]),
                ReferralRow.rescreen_date <= today,
            )
            .order_by(ReferralRow.rescreen_date, ReferralRow.id)
        )
        with Session(self._engine, future=True) as session:
            rows = session.execute(query)
            return tuple(Due(id, day, Status(status)) for id, day, status in rows)

    def purge_closed(self, closed_before: datetime) -> int:
        """Delete referrals closed (enrolled or not enrolled) before
        `closed_before`, with their answers, history, notes and notifications;
        returns how many. The audit log keeps its entries (ids only)."""
        closed_at = (
            select(EventRow.referral_id, func.max(EventRow.at).label("at"))
            .group_by(EventRow.referral_id)
            .subquery()
        )
        query = (
            select(ReferralRow)
            .join(closed_at, closed_at.c.referral_id == ReferralRow.id)
            .where(
                ReferralRow.status.in_([Status.ENROLLED.value, Status.NOT_ENROLLED.value]),
                closed_at.c.at < closed_before,
            )
        )
        with Session(self._engine, future=True) as session, session.begin():
            rows = session.execute(query).scalars().all()
            for row in rows:
                session.delete(row)
            return len(rows)

    def conversation_ids(self) -> set[str]:
        """The conversations that have a referral (whatever its status)."""
        with Session(self._engine, future=True) as session:
            return set(session.execute(select(ReferralRow.conversation_id)).scalars())

    def change_status(
        self, conversation_id: str, to_status: Status, actor: str, note: str = ""
    ) -> Referral:
        """Move a referral along the workflow; raises ValueError on a skipped step."""
        with Session(self._engine, future=True) as session, session.begin():
            row = session.execute(
                select(ReferralRow)
                .where(ReferralRow.conversation_id == conversation_id)
                .with_for_update()
            ).scalar_one()
            current = Status(row.status)
            if to_status not in NEXT_STATUSES[current]:
                raise ValueError(f"cannot go from {current.value} to {to_status.value}")
            row.status = to_status.value
            row.events.append(
                EventRow(
                    actor=actor,
                    from_status=current.value,
                    to_status=to_status.value,
                    note=note,
                )
            )
        referral = self.get(conversation_id)
        assert referral is not None
        return referral

    def delete(self, conversation_id: str) -> bool:
        """Remove the conversation's referral, its answers and its history (the
        patient asked for it); True if there was one."""
        with Session(self._engine, future=True) as session, session.begin():
            row = session.execute(
                select(ReferralRow).where(ReferralRow.conversation_id == conversation_id)
            ).scalar_one_or_none()
            if row is None:
                return False
            session.delete(row)  # criteria and events go with it (cascade)
            return True

    def rotate_keys(self) -> int:
        """Re-encrypt every referral's contact details with the current key;
        returns how many referrals were re-encrypted."""
        with Session(self._engine, future=True) as session, session.begin():
            rows = session.execute(select(ReferralRow).with_for_update()).scalars().all()
            for row in rows:
                for column in SEALED:
                    setattr(row, column, self._secrecy.reseal(getattr(row, column)))
                for criterion in row.criteria:
                    criterion.words = self._secrecy.reseal(criterion.words)
            return len(rows)

    def _row_from_draft(self, draft: ReferralDraft) -> ReferralRow:
        plain = to_plain(draft)
        contact = plain.pop("contact")
        criteria = plain.pop("criteria")
        lookup = self._lookup
        return ReferralRow(
            **plain,
            phone_key=lookup.phone_key(contact["phone"]) if lookup else None,
            email_key=lookup.email_key(contact["email"]) if lookup else None,
            wechat_key=lookup.wechat_key(contact["wechat"]) if lookup else None,
            **{column: self._secrecy.seal(contact[column]) for column in SEALED},
            preferred_time=contact["preferred_time"],
            status=Status.NEW.value,
            criteria=[
                CriterionRow(position=i, **{**record, "words": self._seal_words(record["words"])})
                for i, record in enumerate(criteria)
            ],
            events=[EventRow(actor="patient", to_status=Status.NEW.value, note="referred")],
            # Stored with the referral, in the same transaction: a restart
            # cannot lose the coordinators' notification (bot/notify/).
            notifications=[
                NotificationRow(
                    kind=Kind.NEW_REFERRAL.value, message_id=new_message_id(Kind.NEW_REFERRAL)
                )
            ],
        )

    def _referral_from_row(self, row: ReferralRow) -> Referral:
        plain = columns(row)
        contact = {column: self._secrecy.open(plain.pop(column)) for column in SEALED}
        plain["contact"] = {**contact, "preferred_time": plain.pop("preferred_time")}
        plain["criteria"] = [
            {**columns(criterion), "words": self._open_words(criterion.words)}
            for criterion in row.criteria
        ]
        plain["history"] = [columns(event) for event in row.events]
        plain["notes"] = [columns(note) for note in row.notes]
        return from_plain(Referral, plain)

    def _seal_words(self, words: dict[str, str]) -> str | None:
        return self._secrecy.seal(json.dumps(words)) if words else None

    def _open_words(self, sealed: str | None) -> dict[str, str]:
        words: dict[str, str] = json.loads(self._secrecy.open(sealed) or "{}")
        return words


def _with_details() -> Select:
    return select(ReferralRow).options(
        selectinload(ReferralRow.criteria),
        selectinload(ReferralRow.events),
        selectinload(ReferralRow.notes),
    )

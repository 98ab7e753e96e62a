"""The referral store: what study staff receive, kept with its status history.

One referral per conversation: saving the same conversation again returns the
referral already stored (also when two saves race). Contact details are stored
encrypted (bot/secrecy.py); every other column holds no identifying data. The store records what the
engine decided; it never decides eligibility itself. Every status change is
appended to `referral_events`, which is never updated or deleted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from enum import Enum
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, declarative_base, relationship, selectinload
from sqlalchemy.sql import Select

from bot.contact import Contact, ContactTime
from bot.contradictions import Flag, FlagKind
from bot.criteria import PROTOCOL_VERSION
from bot.eligibility import Outcome, Screening
from bot.secrecy import Secrecy

# Typed as Any: SQLAlchemy 1.4 ships no mypy-visible types for declarative bases.
Base: Any = declarative_base()


class Status(str, Enum):
    NEW = "new"
    CONTACTED = "contacted"
    VISIT_SCHEDULED = "visit_scheduled"
    ENROLLED = "enrolled"
    NOT_ENROLLED = "not_enrolled"


NEXT_STATUSES: Mapping[Status, frozenset[Status]] = {
    Status.NEW: frozenset({Status.CONTACTED, Status.NOT_ENROLLED}),
    Status.CONTACTED: frozenset({Status.VISIT_SCHEDULED, Status.NOT_ENROLLED}),
    Status.VISIT_SCHEDULED: frozenset({Status.ENROLLED, Status.NOT_ENROLLED}),
    Status.ENROLLED: frozenset(),
    Status.NOT_ENROLLED: frozenset(),
}


class Request(str, Enum):
    """Why staff get this referral: a finished screening, or a patient who asked
    to speak to a person (their answers so far attached)."""

    SCREENING = "screening"
    CALLBACK = "callback"


REFERRABLE = {
    Request.SCREENING: (Outcome.PRE_QUALIFIED, Outcome.DEFERRED),
    Request.CALLBACK: (Outcome.PRE_QUALIFIED, Outcome.DEFERRED, Outcome.INCOMPLETE),
}


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class ReferralRow(Base):
    __tablename__ = "referrals"

    id = Column(Integer, primary_key=True)
    conversation_id = Column(String(255), nullable=False, unique=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=_utcnow)
    protocol_version = Column(String(64), nullable=False)
    language = Column(String(16), nullable=False)
    request = Column(String(16), nullable=False)
    outcome = Column(String(32), nullable=False)
    rescreen_date = Column(Date)
    status = Column(String(32), nullable=False)
    name = Column(Text, nullable=False)
    phone = Column(Text)
    email = Column(Text)
    preferred_time = Column(String(32), nullable=False)
    flags = Column(JSON, nullable=False, default=list)  # bot.contradictions.Flag, as dicts
    criteria = relationship(
        "CriterionRow", order_by="CriterionRow.position", cascade="all, delete-orphan"
    )
    events = relationship("EventRow", order_by="EventRow.id", cascade="all, delete-orphan")


class CriterionRow(Base):
    __tablename__ = "referral_criteria"

    id = Column(Integer, primary_key=True)
    referral_id = Column(ForeignKey("referrals.id"), nullable=False, index=True)
    position = Column(Integer, nullable=False)
    criterion_id = Column(String(16), nullable=False)
    answers = Column(JSON, nullable=False)
    decision = Column(String(16), nullable=False)
    note = Column(String(64), nullable=False)
    until = Column(Date)


class EventRow(Base):
    __tablename__ = "referral_events"

    id = Column(Integer, primary_key=True)
    referral_id = Column(ForeignKey("referrals.id"), nullable=False, index=True)
    at = Column(DateTime(timezone=True), nullable=False, default=_utcnow)
    actor = Column(String(255), nullable=False)
    from_status = Column(String(32))
    to_status = Column(String(32), nullable=False)
    note = Column(Text, nullable=False, default="")


@dataclass(frozen=True)
class CriterionRecord:
    criterion_id: str
    answers: dict[str, str]
    decision: str
    note: str
    until: date | None


@dataclass(frozen=True)
class StatusEvent:
    at: datetime
    actor: str
    from_status: Status | None
    to_status: Status
    note: str


@dataclass(frozen=True)
class Referral:
    id: int
    conversation_id: str
    created_at: datetime
    protocol_version: str
    language: str
    request: Request
    outcome: Outcome
    rescreen_date: date | None
    status: Status
    contact: Contact
    criteria: tuple[CriterionRecord, ...]
    history: tuple[StatusEvent, ...]
    flags: tuple[Flag, ...] = ()

    @property
    def to_verify(self) -> tuple[CriterionRecord, ...]:
        """What staff must still check before the patient can be enrolled."""
        return tuple(c for c in self.criteria if c.decision == "verify")


@dataclass(frozen=True)
class ReferralDraft:
    conversation_id: str
    outcome: Outcome
    rescreen_date: date | None
    contact: Contact
    criteria: tuple[CriterionRecord, ...]
    request: Request = Request.SCREENING
    flags: tuple[Flag, ...] = ()  # changed or contradicting answers, for staff
    protocol_version: str = PROTOCOL_VERSION
    language: str = "en"


def draft_from_screening(
    conversation_id: str,
    screening: Screening,
    answers: Mapping[str, Any],
    contact: Contact,
    request: Request = Request.SCREENING,
    flags: tuple[Flag, ...] = (),
    language: str = "en",
) -> ReferralDraft:
    """A referral for a screening the engine found pre-qualified or deferred, or
    a callback request from a patient not (yet) excluded.

    `answers` are the patient's answers by question slot, as given in the chat.
    """
    if screening.outcome not in REFERRABLE[request]:
        raise ValueError(f"no {request.value} referral for outcome {screening.outcome.value}")
    criteria = tuple(
        CriterionRecord(
            criterion_id=result.criterion.id,
            answers={
                slot: str(answers[slot])
                for slot in result.criterion.slots
                if answers.get(slot) is not None
            },
            decision=result.decision.value,
            note=result.finding.note,
            until=result.finding.until,
        )
        for result in screening.results
    )
    return ReferralDraft(
        conversation_id=conversation_id,
        outcome=screening.outcome,
        rescreen_date=screening.rescreen_date,
        contact=contact,
        criteria=criteria,
        request=request,
        flags=flags,
        language=language,
    )


class ReferralStore:
    """Referrals on any SQLAlchemy engine (SQLite embedded, PostgreSQL in prod)."""

    def __init__(self, engine: Engine, secrecy: Secrecy) -> None:
        self._engine = engine
        self._secrecy = secrecy

    def create_schema(self) -> None:
        Base.metadata.create_all(self._engine)

    def save(self, draft: ReferralDraft) -> Referral:
        """Store the draft with status `new`; idempotent per conversation."""
        row = _row_from_draft(draft, self._secrecy)
        try:
            with Session(self._engine, future=True) as session, session.begin():
                session.add(row)
        except IntegrityError:
            pass  # already stored, by an earlier or a concurrent save
        stored = self.get(draft.conversation_id)
        if stored is None:  # pragma: no cover - the insert failed for another reason
            raise RuntimeError("referral neither inserted nor found")
        return stored

    def get(self, conversation_id: str) -> Referral | None:
        with Session(self._engine, future=True) as session:
            row = session.execute(
                _with_details().where(ReferralRow.conversation_id == conversation_id)
            ).scalar_one_or_none()
            return _referral_from_row(row, self._secrecy) if row else None

    def list(self, status: Status | None = None) -> list[Referral]:
        """Referrals, newest first, optionally of one status."""
        query = _with_details().order_by(ReferralRow.created_at.desc(), ReferralRow.id.desc())
        if status is not None:
            query = query.where(ReferralRow.status == status.value)
        with Session(self._engine, future=True) as session:
            rows = session.execute(query).scalars()
            return [_referral_from_row(row, self._secrecy) for row in rows]

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
                row.name = self._secrecy.reseal(row.name)
                row.phone = self._secrecy.reseal(row.phone)
                row.email = self._secrecy.reseal(row.email)
            return len(rows)


def _with_details() -> Select:
    return select(ReferralRow).options(
        selectinload(ReferralRow.criteria), selectinload(ReferralRow.events)
    )


def _row_from_draft(draft: ReferralDraft, secrecy: Secrecy) -> ReferralRow:
    return ReferralRow(
        conversation_id=draft.conversation_id,
        protocol_version=draft.protocol_version,
        language=draft.language,
        request=draft.request.value,
        outcome=draft.outcome.value,
        rescreen_date=draft.rescreen_date,
        status=Status.NEW.value,
        name=secrecy.seal(draft.contact.name),
        phone=secrecy.seal(draft.contact.phone),
        email=secrecy.seal(draft.contact.email),
        preferred_time=draft.contact.preferred_time.value,
        flags=[flag_to_json(flag) for flag in draft.flags],
        criteria=[
            CriterionRow(
                position=position,
                criterion_id=c.criterion_id,
                answers=c.answers,
                decision=c.decision,
                note=c.note,
                until=c.until,
            )
            for position, c in enumerate(draft.criteria)
        ],
        events=[EventRow(actor="patient", to_status=Status.NEW.value, note="referred")],
    )


def _referral_from_row(row: ReferralRow, secrecy: Secrecy) -> Referral:
    return Referral(
        id=row.id,
        conversation_id=row.conversation_id,
        created_at=row.created_at,
        protocol_version=row.protocol_version,
        language=row.language,
        request=Request(row.request),
        outcome=Outcome(row.outcome),
        rescreen_date=row.rescreen_date,
        status=Status(row.status),
        contact=Contact(
            name=secrecy.open(row.name) or "",
            phone=secrecy.open(row.phone),
            email=secrecy.open(row.email),
            preferred_time=ContactTime(row.preferred_time),
        ),
        criteria=tuple(
            CriterionRecord(c.criterion_id, dict(c.answers), c.decision, c.note, c.until)
            for c in row.criteria
        ),
        history=tuple(
            StatusEvent(
                e.at,
                e.actor,
                Status(e.from_status) if e.from_status else None,
                Status(e.to_status),
                e.note,
            )
            for e in row.events
        ),
        flags=tuple(flag_from_json(flag) for flag in row.flags),
    )


def flag_to_json(flag: Flag) -> dict[str, str]:
    return {"kind": flag.kind.value, "slot": flag.slot, "detail": flag.detail}


def flag_from_json(data: Mapping[str, str]) -> Flag:
    return Flag(FlagKind(data["kind"]), data["slot"], data["detail"])

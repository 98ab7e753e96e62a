"""The referral store's tables (SQLAlchemy). Their history is in migrations/
(Alembic); `metadata` is what the migrations are checked against.

Contact details are stored encrypted (bot/referrals/secrecy.py); no other
column holds identifying data. `referral_events` is append-only.
The same database holds the coordinators' inbox (inbox/): staff accounts,
failed logins and trusted browsers, kept here so one migration history covers
the whole schema.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import declarative_base, relationship

# Typed as Any: SQLAlchemy 1.4 ships no mypy-visible types for declarative bases.
Base: Any = declarative_base()
metadata = Base.metadata

SEALED = ("name", "phone", "email", "wechat")
"""The columns that hold contact details, always encrypted."""


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class ReferralRow(Base):
    __tablename__ = "referrals"
    # A deleted referral's id is never given again (migration 0009).
    __table_args__ = {"sqlite_autoincrement": True}

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
    wechat = Column(Text)  # NULL when not given, and before 0008
    preferred_time = Column(String(32), nullable=False)
    flags = Column(JSON, nullable=False, default=list)  # bot.protocol.contradictions.Flag
    # Keyed hashes of the phone, e-mail and WeChat ID (bot/referrals/lookup.py):
    # duplicates are found by these, never by decrypting rows. NULL before 0004
    # (the WeChat ID's before 0008).
    phone_key = Column(String(64), index=True)
    email_key = Column(String(64), index=True)
    wechat_key = Column(String(64), index=True)
    criteria = relationship(
        "CriterionRow", order_by="CriterionRow.position", cascade="all, delete-orphan"
    )
    events = relationship("EventRow", order_by="EventRow.id", cascade="all, delete-orphan")
    notes = relationship("NoteRow", order_by="NoteRow.id", cascade="all, delete-orphan")
    notifications = relationship("NotificationRow", cascade="all, delete-orphan")


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
    words = Column(Text)  # the patient's words by slot, JSON, encrypted; NULL before 0002


class EventRow(Base):
    __tablename__ = "referral_events"

    id = Column(Integer, primary_key=True)
    referral_id = Column(ForeignKey("referrals.id"), nullable=False, index=True)
    at = Column(DateTime(timezone=True), nullable=False, default=_utcnow)
    actor = Column(String(255), nullable=False)
    from_status = Column(String(32))
    to_status = Column(String(32), nullable=False)
    note = Column(Text, nullable=False, default="")


class NoteRow(Base):
    """A note staff wrote on a referral (deleted with it)."""

    __tablename__ = "referral_notes"

    id = Column(Integer, primary_key=True)
    referral_id = Column(ForeignKey("referrals.id"), nullable=False, index=True)
    at = Column(DateTime(timezone=True), nullable=False, default=_utcnow)
    author = Column(String(64), nullable=False)
    text = Column(Text, nullable=False)


class NotificationRow(Base):
    """An e-mail to the coordinators about a referral, stored with the referral
    (same transaction) and sent by bot/notify/ at least once: `sent_at` is set
    only after the mail server accepted it. No patient data: kind and id only."""

    __tablename__ = "notifications"
    __table_args__ = (UniqueConstraint("referral_id", "kind"),)

    id = Column(Integer, primary_key=True)
    referral_id = Column(ForeignKey("referrals.id"), nullable=False, index=True)
    kind = Column(String(32), nullable=False)  # bot.notify.Kind
    message_id = Column(String(255), nullable=False, unique=True)  # the same on every resend
    created_at = Column(DateTime(timezone=True), nullable=False, default=_utcnow)
    attempts = Column(Integer, nullable=False, default=0)
    next_attempt_at = Column(DateTime(timezone=True), nullable=False, default=_utcnow, index=True)
    sent_at = Column(DateTime(timezone=True))
    last_error = Column(String(64))  # an error class name, never a message


class AccountRow(Base):
    """A member of the study staff who may log in to the inbox."""

    __tablename__ = "staff_accounts"

    id = Column(Integer, primary_key=True)
    username = Column(String(64), nullable=False, unique=True)  # lower case
    password_hash = Column(Text, nullable=False)  # argon2id, never the password
    role = Column(String(16), nullable=False)
    active = Column(Boolean, nullable=False, default=True)
    language = Column(String(8), nullable=False, default="en")
    created_at = Column(DateTime(timezone=True), nullable=False, default=_utcnow)
    password_changed_at = Column(DateTime(timezone=True), nullable=False, default=_utcnow)
    # Sessions logged in before this time are void (set by logging out): the
    # signed session cookie alone cannot be revoked. NULL before 0007.
    sessions_revoked_at = Column(DateTime(timezone=True))


class LoginFailureRow(Base):
    """One failed login, counted by account name and by address for throttling
    (in the database, so the count holds across restarts and processes)."""

    __tablename__ = "login_failures"

    id = Column(Integer, primary_key=True)
    username = Column(String(64), nullable=False, index=True)
    address = Column(String(64), nullable=False, index=True)
    at = Column(DateTime(timezone=True), nullable=False, default=_utcnow, index=True)


class LoginDeviceRow(Base):
    """A browser that logged in to an account (OWASP's device cookies,
    inbox/devices.py): exempt from the account's throttle while its own
    attempts last. Only a hash of the cookie's nonce is kept."""

    __tablename__ = "login_devices"

    id = Column(Integer, primary_key=True)
    nonce_hash = Column(String(64), nullable=False, unique=True)  # SHA-256, hex
    username = Column(String(64), nullable=False, index=True)  # lower case
    created_at = Column(DateTime(timezone=True), nullable=False, default=_utcnow)
    # Logins tried with it since it was issued; at the limit it is forgotten.
    attempts = Column(Integer, nullable=False, default=0)


class AuditRow(Base):
    """One entry of the inbox's audit log: who did what, when, to which
    referral. Append-only (triggers refuse UPDATE and DELETE, migration 0005)
    and chained by HMAC (inbox/audit.py). Never contact or health data: a
    referral's deletion leaves its entries intact and meaningful."""

    __tablename__ = "audit_log"

    id = Column(Integer, primary_key=True)
    at = Column(DateTime(timezone=True), nullable=False)
    actor = Column(String(64), nullable=False)
    action = Column(String(32), nullable=False)
    referral_id = Column(Integer)  # no foreign key: entries outlive purged referrals
    detail = Column(String(255), nullable=False)
    prev_mac = Column(String(64), nullable=False, unique=True)  # one successor each: no fork
    mac = Column(String(64), nullable=False)


def columns(row: Any) -> dict[str, Any]:
    """A row's column values by column name."""
    return {column.key: getattr(row, column.key) for column in row.__table__.columns}

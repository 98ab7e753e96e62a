"""Staff accounts: who may log in, with which role, and their password hashes.

Passwords are hashed with argon2id (argon2-cffi); a password is never stored
or logged. Usernames are compared in lower case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.referrals.tables import AccountRow

MIN_PASSWORD_LENGTH = 12
LANGUAGES = ("en", "zh")


class Role(str, Enum):
    COORDINATOR = "coordinator"  # works referrals
    ADMIN = "admin"  # also manages accounts and reads the whole audit log


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    role: Role
    active: bool
    language: str
    password_changed_at: datetime
    sessions_revoked_at: datetime | None = None

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN


class AccountError(ValueError):
    """An account that cannot be made or changed; the message is a key of the
    inbox's texts (inbox/i18n.py), never user data."""


class AccountStore:
    """Accounts on the referral store's engine."""

    def __init__(self, engine: Engine, hasher: PasswordHasher | None = None) -> None:
        self._engine = engine
        self._hasher = hasher or PasswordHasher()

    def create(self, username: str, password: str, role: Role, language: str = "en") -> Account:
        """A new active account; raises AccountError for a taken or invalid
        name, a short password or an unknown language."""
        name = _valid_name(username)
        _check_password(password)
        if language not in LANGUAGES:
            raise AccountError("unknown_language")
        row = AccountRow(
            username=name,
            password_hash=self._hasher.hash(password),
            role=role.value,
            active=True,
            language=language,
        )
        try:
            with Session(self._engine, future=True) as session, session.begin():
                session.add(row)
        except IntegrityError:
            raise AccountError("username_taken") from None
        account = self.by_name(name)
        assert account is not None
        return account

    def authenticate(self, username: str, password: str) -> Account | None:
        """The active account whose password this is, else None (the same
        answer for an unknown name, a wrong password or a disabled account)."""
        with Session(self._engine, future=True) as session:
            row = session.execute(
                select(AccountRow).where(AccountRow.username == username.strip().lower())
            ).scalar_one_or_none()
            if row is None:
                self._hasher.hash(password)  # as slow as a real check: names stay secret
                return None
            try:
                self._hasher.verify(row.password_hash, password)
            except (VerificationError, InvalidHashError):
                return None
            return _account(row) if row.active else None

    def by_id(self, account_id: int) -> Account | None:
        with Session(self._engine, future=True) as session:
            row = session.get(AccountRow, account_id)
            return _account(row) if row else None

    def by_name(self, username: str) -> Account | None:
        with Session(self._engine, future=True) as session:
            row = session.execute(
                select(AccountRow).where(AccountRow.username == username.strip().lower())
            ).scalar_one_or_none()
            return _account(row) if row else None

    def all(self) -> list[Account]:
        with Session(self._engine, future=True) as session:
            rows = session.execute(select(AccountRow).order_by(AccountRow.username)).scalars()
            return [_account(row) for row in rows]

    def admins_exist(self) -> bool:
        with Session(self._engine, future=True) as session:
            query = select(AccountRow.id).where(AccountRow.role == Role.ADMIN.value).limit(1)
            return session.execute(query).first() is not None

    def set_password(self, account_id: int, password: str) -> None:
        """A new password; sessions opened before it end (see inbox/auth.py)."""
        _check_password(password)
        with Session(self._engine, future=True) as session, session.begin():
            row = session.get(AccountRow, account_id)
            if row is None:
                raise AccountError("no_such_account")
            row.password_hash = self._hasher.hash(password)
            row.password_changed_at = datetime.now(timezone.utc)

    def revoke_sessions(self, account_id: int) -> None:
        """Void every session of the account logged in until now."""
        with Session(self._engine, future=True) as session, session.begin():
            row = session.get(AccountRow, account_id)
            if row is not None:
                row.sessions_revoked_at = datetime.now(timezone.utc)

    def set_active(self, account_id: int, active: bool) -> None:
        with Session(self._engine, future=True) as session, session.begin():
            row = session.get(AccountRow, account_id)
            if row is None:
                raise AccountError("no_such_account")
            row.active = active

    def set_language(self, account_id: int, language: str) -> None:
        if language not in LANGUAGES:
            raise AccountError("unknown_language")
        with Session(self._engine, future=True) as session, session.begin():
            row = session.get(AccountRow, account_id)
            if row is not None:
                row.language = language


def _valid_name(username: str) -> str:
    name = username.strip().lower()
    if not (2 <= len(name) <= 64) or not all(c.isalnum() or c in "._-" for c in name):
        raise AccountError("invalid_username")
    return name


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError("password_too_short")


def _account(row: AccountRow) -> Account:
    revoked = row.sessions_revoked_at
    return Account(
        id=row.id,
        username=row.username,
        role=Role(row.role),
        active=bool(row.active),
        language=row.language,
        password_changed_at=_aware(row.password_changed_at),
        sessions_revoked_at=_aware(revoked) if revoked else None,
    )


def _aware(moment: datetime) -> datetime:
    # SQLite returns naive datetimes: they were written in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)

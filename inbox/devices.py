"""Browsers that logged in before (OWASP's "device cookies"), so that an
attacker's failed logins never lock the real user out.

A correct login gives the browser a device cookie: the account's name and a
random nonce, signed with the inbox's secret (under a salt of its own). A
login to that account presenting it is a *trusted* attempt: exempt from the
account's and the address's throttle (inbox/throttle.py), limited instead
by the device's own count: after `max_attempts` logins tried with it and no
correct one, its nonce is forgotten and the browser is an untrusted client
again. A correct login replaces the cookie with a new one, so a copy of an
older cookie is worth nothing. The database keeps a hash of each nonce
(`login_devices`), never the nonce.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import delete, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.referrals.tables import LoginDeviceRow

DEVICE_COOKIE = "inbox_device"
LIFETIME = timedelta(days=180)
"""How long a browser stays trusted after its last correct login."""
PER_ACCOUNT = 20
"""Trusted browsers kept per account (the newest): the table stays small."""


@dataclass(frozen=True)
class Device:
    """A browser presenting a valid device cookie."""

    username: str  # the account it is trusted for, lower case
    nonce_hash: str


class DeviceTrust:
    """The trusted browsers, in the referral store's database (so the trust
    and the counts hold across restarts and inbox processes)."""

    def __init__(
        self, engine: Engine, secret: str, max_attempts: int, lifetime: timedelta = LIFETIME
    ) -> None:
        self._engine = engine
        self._signer = URLSafeSerializer(secret, salt="inbox-device")
        self._max = max_attempts
        self._lifetime = lifetime

    def claim(self, cookie: str | None, username: str) -> Device | None:
        """The device, if `cookie` is a live device cookie for `username`; the
        attempt is then counted against the device before the password is
        checked (atomically, so parallel attempts cannot exceed the limit).
        None for no cookie, a forged, revoked, expired or used-up one, or one
        of another account: the attempt is an untrusted client's."""
        device = self._read(cookie)
        if device is None or device.username != _name(username):
            return None
        since = _now() - self._lifetime
        with Session(self._engine, future=True) as session, session.begin():
            taken = session.execute(
                update(LoginDeviceRow)
                .where(
                    LoginDeviceRow.nonce_hash == device.nonce_hash,
                    LoginDeviceRow.username == device.username,
                    LoginDeviceRow.attempts < self._max,
                    LoginDeviceRow.created_at > since,
                )
                .values(attempts=LoginDeviceRow.attempts + 1)
            )
        return device if taken.rowcount == 1 else None

    def failed(self, device: Device) -> bool:
        """After a wrong password from a claimed device: True when that was its
        last attempt (it is forgotten now: the caller drops the cookie)."""
        with Session(self._engine, future=True) as session, session.begin():
            gone = session.execute(
                delete(LoginDeviceRow).where(
                    LoginDeviceRow.nonce_hash == device.nonce_hash,
                    LoginDeviceRow.attempts >= self._max,
                )
            )
        return bool(gone.rowcount)

    def renew(self, username: str, cookie: str | None) -> str:
        """After a correct login to `username`: a new device cookie's value.
        The browser's previous cookie (of whichever account) is void, and so
        are all expired devices and the account's beyond `PER_ACCOUNT`."""
        nonce = secrets.token_urlsafe(16)  # 128 random bits
        name = _name(username)
        old = self._read(cookie)
        with Session(self._engine, future=True) as session, session.begin():
            if old is not None:
                session.execute(
                    delete(LoginDeviceRow).where(LoginDeviceRow.nonce_hash == old.nonce_hash)
                )
            session.add(LoginDeviceRow(nonce_hash=_hash(nonce), username=name, created_at=_now()))
            session.flush()
            self._prune(session, name)
        return str(self._signer.dumps([name, nonce]))

    def _prune(self, session: Session, name: str) -> None:
        """Forget every expired device, and the account's beyond the newest
        `PER_ACCOUNT`."""
        since = _now() - self._lifetime
        session.execute(delete(LoginDeviceRow).where(LoginDeviceRow.created_at <= since))
        newest = (
            select(LoginDeviceRow.id)
            .where(LoginDeviceRow.username == name)
            .order_by(LoginDeviceRow.created_at.desc(), LoginDeviceRow.id.desc())
            .limit(PER_ACCOUNT)
        )
        keep = list(session.execute(newest).scalars())
        session.execute(
            delete(LoginDeviceRow).where(
                LoginDeviceRow.username == name, LoginDeviceRow.id.not_in(keep)
            )
        )

    def _read(self, cookie: str | None) -> Device | None:
        """The device a cookie names if we signed it (whether it still lives
        is the database's to say)."""
        if not cookie:
            return None
        try:
            value = self._signer.loads(cookie)
        except BadSignature:
            return None
        if not (
            isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)
        ):
            return None
        return Device(username=value[0], nonce_hash=_hash(value[1]))


def _hash(nonce: str) -> str:
    return hashlib.sha256(nonce.encode()).hexdigest()


def _name(username: str) -> str:
    return username.strip().lower()[:64]


def _now() -> datetime:
    return datetime.now(timezone.utc)

"""Login throttling: failed logins counted in the database, so the limit holds
across restarts and across several inbox processes.

An account name, or a client address, with `LOGIN_MAX_FAILURES` failures in
the last `LOGIN_WINDOW_MINUTES` is refused without checking the password
(so guessing stops even for the right password) until the window passes.
A browser that logged in to the account before is exempt (inbox/devices.py):
its attempts are counted against it alone, here nothing.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.referrals.tables import LoginFailureRow


class LoginThrottle:
    def __init__(self, engine: Engine, max_failures: int, window: timedelta) -> None:
        self._engine = engine
        self._max = max_failures
        self._window = window

    def blocked(self, username: str, address: str, now: datetime | None = None) -> bool:
        """True while the name or the address has too many recent failures."""
        since = (now or _now()) - self._window
        with Session(self._engine, future=True) as session:
            counts = [
                session.execute(
                    select(func.count())
                    .select_from(LoginFailureRow)
                    .where(column == value, LoginFailureRow.at > since)
                ).scalar_one()
                for column, value in (
                    (LoginFailureRow.username, _name(username)),
                    (LoginFailureRow.address, address[:64]),
                )
            ]
        return bool(max(counts) >= self._max)

    def failed(self, username: str, address: str, now: datetime | None = None) -> None:
        """Count one failed login (and forget failures older than the window)."""
        at = now or _now()
        with Session(self._engine, future=True) as session, session.begin():
            session.add(LoginFailureRow(username=_name(username), address=address[:64], at=at))
            session.execute(delete(LoginFailureRow).where(LoginFailureRow.at < at - self._window))

    def succeeded(self, username: str, address: str) -> None:
        """A correct login clears its own account's failures from its own
        address, and only those: the address's failures against other
        accounts stay counted (else one account of one's own would reset the
        guessing of another's), and so do the account's failures from
        elsewhere (else the real user's every login would give an attacker
        guessing at the account fresh attempts)."""
        with Session(self._engine, future=True) as session, session.begin():
            session.execute(
                delete(LoginFailureRow).where(
                    LoginFailureRow.username == _name(username),
                    LoginFailureRow.address == address[:64],
                )
            )


def _name(username: str) -> str:
    return username.strip().lower()[:64]


def _now() -> datetime:
    return datetime.now(timezone.utc)

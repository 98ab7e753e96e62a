"""Where the referral store lives: one engine per process, built from config."""

from __future__ import annotations

import os

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

DEFAULT_DATABASE_URL = "sqlite:///referrals.db"
"""The embedded default: a file in the working directory."""


def database_url() -> str:
    """`DATABASE_URL` from the environment (e.g. postgresql://...), else SQLite."""
    return os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL


def make_engine(url: str | None = None) -> Engine:
    """A pooled engine; connections are checked before use so a database that
    restarted does not fail the next patient's save."""
    url = url or database_url()
    if url.startswith("sqlite"):
        # The action server answers from several threads; SQLite serialises writes.
        return create_engine(
            url, future=True, connect_args={"check_same_thread": False, "timeout": 15}
        )
    pool_size = int(os.environ.get("DATABASE_POOL_SIZE", "5"))
    # A database that does not answer must fail a save within seconds (the
    # referral then waits in the outbox), not hold a patient's turn forever.
    connect = {"connect_timeout": 10} if url.startswith("postgresql") else {}
    return create_engine(
        url, future=True, pool_pre_ping=True, pool_size=pool_size, connect_args=connect
    )

"""The referral store's engine, built from the settings."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.engine.url import make_url

from bot.private_files import create_private_file
from bot.settings import Settings


def make_engine(settings: Settings) -> Engine:
    """A pooled engine; connections are checked before use so a database that
    restarted does not fail the next patient's save. A SQLite file is created
    readable by its owner only."""
    url = settings.database_url
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:" and Path(database).parent.is_dir():
            create_private_file(database)
        # The action server answers from several threads; SQLite serialises writes.
        return create_engine(
            url, future=True, connect_args={"check_same_thread": False, "timeout": 15}
        )
    # A database that does not answer must fail a save within seconds (the
    # referral then waits in the outbox), not hold a patient's turn forever.
    connect = {"connect_timeout": 10} if url.startswith("postgresql") else {}
    return create_engine(
        url,
        future=True,
        pool_pre_ping=True,
        pool_size=settings.database_pool_size,
        connect_args=connect,
    )

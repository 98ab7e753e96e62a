"""Alembic's environment: migrate the connection handed over by
bot.referrals.schema.upgrade, or else the database of DATABASE_URL."""

from __future__ import annotations

from alembic import context

from bot.referrals.database import make_engine
from bot.referrals.tables import metadata
from bot.settings import Settings


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=metadata)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(Settings.from_env())
    with engine.connect() as own:
        context.configure(connection=own, target_metadata=metadata)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()

"""The referral store's schema, kept by Alembic (migrations/ at the top level).

`upgrade` brings any database to the latest migration: an empty one is
created; one made before migrations existed (by `create_all`, with the
baseline's tables and no `alembic_version`) is stamped at the baseline first,
so its referrals are kept and only later migrations run.

Alembic is imported only when there is something to migrate: a long-running
server whose database is at `LATEST` does not hold its 5 MiB (issue 15). The
action server migrates in a child process at start, `python -m
bot.referrals.schema`, which migrates the database DATABASE_URL names.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"
BASELINE = "0001"
LATEST = "0010"
"""The newest migration: a database at it needs no Alembic (a test checks it
is Alembic's head, so a new migration cannot forget it)."""


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine) -> None:
    """Migrate `engine`'s database to the latest revision. Safe to call from
    several processes at once on PostgreSQL (an advisory lock serialises them)."""
    if current_revision(engine) == LATEST:
        return
    from alembic import command

    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Released at commit: two servers starting together migrate in turn.
            connection.execute(text("SELECT pg_advisory_xact_lock(60569210)"))
        config = alembic_config(connection)
        tables = set(inspect(connection).get_table_names())
        if "referrals" in tables and "alembic_version" not in tables:
            command.stamp(config, BASELINE)
        command.upgrade(config, "head")


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None before any migration)."""
    with engine.connect() as connection:
        if "alembic_version" not in inspect(connection).get_table_names():
            return None
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return None if version is None else str(version)


def main() -> int:
    """Migrate the database of this environment's settings (DATABASE_URL)."""
    from bot.referrals.database import make_engine
    from bot.settings import Settings

    engine = make_engine(Settings.from_env())
    upgrade(engine)
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

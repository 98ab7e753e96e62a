"""The referral store's schema, kept by Alembic (migrations/ at the top level).

`upgrade` brings any database to the latest migration: an empty one is
created; one made before migrations existed (by `create_all`, with the
baseline's tables and no `alembic_version`) is stamped at the baseline first,
so its referrals are kept and only later migrations run.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"
BASELINE = "0001"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine) -> None:
    """Migrate `engine`'s database to the latest revision. Safe to call from
    several processes at once on PostgreSQL (an advisory lock serialises them)."""
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

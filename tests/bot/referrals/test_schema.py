"""The referral store's schema under Alembic: a new database is created by the
migrations, a database made before migrations existed keeps its referrals,
and the migrations end exactly at the tables the code declares."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    inspect,
    text,
)
from sqlalchemy import Text as TextType
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from bot.protocol.eligibility import Outcome
from bot.referrals.model import Request, Status
from bot.referrals.schema import LATEST, alembic_config, current_revision, upgrade
from bot.referrals.store import ReferralStore
from bot.referrals.tables import metadata
from tests.bot.referrals.test_outbox import draft
from tests.support.stores import SECRECY

# The schema as the first release made it with `create_all`, frozen here: the
# upgrade must keep working from it whatever the tables become.
FIRST_RELEASE = MetaData()
Table(
    "referrals", FIRST_RELEASE,
    Column("id", Integer, primary_key=True),
    Column("conversation_id", String(255), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("protocol_version", String(64), nullable=False),
    Column("language", String(16), nullable=False),
    Column("request", String(16), nullable=False),
    Column("outcome", String(32), nullable=False),
    Column("rescreen_date", Date),
    Column("status", String(32), nullable=False),
    Column("name", TextType, nullable=False),
    Column("phone", TextType),
    Column("email", TextType),
    Column("preferred_time", String(32), nullable=False),
    Column("flags", JSON, nullable=False),
)  # fmt: skip
Table(
    "referral_criteria", FIRST_RELEASE,
    Column("id", Integer, primary_key=True),
    Column("referral_id", ForeignKey("referrals.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("criterion_id", String(16), nullable=False),
    Column("answers", JSON, nullable=False),
    Column("decision", String(16), nullable=False),
    Column("note", String(64), nullable=False),
    Column("until", Date),
)  # fmt: skip
Table(
    "referral_events", FIRST_RELEASE,
    Column("id", Integer, primary_key=True),
    Column("referral_id", ForeignKey("referrals.id"), nullable=False, index=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(255), nullable=False),
    Column("from_status", String(32)),
    Column("to_status", String(32), nullable=False),
    Column("note", TextType, nullable=False),
)  # fmt: skip


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest) -> Engine:
    engine: Engine = request.getfixturevalue(f"{request.param}_engine")
    return engine


def first_release_database(engine: Engine) -> None:
    """A database as the first release left it, with one referral in it."""
    FIRST_RELEASE.create_all(engine)
    first_release_database_rows(engine)


def first_release_database_rows(engine: Engine) -> None:
    """The first release's referral, in tables that have at least its columns."""
    tables = FIRST_RELEASE.tables
    with engine.begin() as connection:
        connection.execute(
            tables["referrals"].insert(),
            {
                "id": 1, "conversation_id": "before-alembic",
                "created_at": datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc),
                "protocol_version": "NCT06056921/2025-06-26", "language": "en",
                "request": "screening", "outcome": "deferred",
                "rescreen_date": date(2026, 12, 16), "status": "contacted",
                "name": SECRECY.seal("Anna Kowalska"), "phone": SECRECY.seal("+8613800138000"),
                "email": None, "preferred_time": "morning",
                "flags": [{"kind": "changed_answer", "slot": "car_t", "detail": "yes -> no"}],
            },
        )  # fmt: skip
        connection.execute(
            tables["referral_criteria"].insert(),
            {"referral_id": 1, "position": 0, "criterion_id": "E6",
             "answers": {"live_vaccine": "yes"}, "decision": "deferred", "note": "",
             "until": date(2026, 12, 16)},
        )  # fmt: skip
        for from_status, to_status in ((None, "new"), ("new", "contacted")):
            connection.execute(
                tables["referral_events"].insert(),
                {"referral_id": 1, "at": datetime(2026, 11, 20, tzinfo=timezone.utc),
                 "actor": "patient", "from_status": from_status, "to_status": to_status,
                 "note": ""},
            )  # fmt: skip


def test_an_empty_database_is_created_by_the_migrations(engine: Engine) -> None:
    upgrade(engine)
    assert current_revision(engine) is not None
    assert_schema_matches_the_code(engine)


def test_a_database_from_before_migrations_keeps_its_referrals(engine: Engine) -> None:
    first_release_database(engine)

    upgrade(engine)

    assert current_revision(engine) is not None
    assert_schema_matches_the_code(engine)
    referral = ReferralStore(engine, SECRECY).get("before-alembic")
    assert referral is not None
    assert referral.contact.name == "Anna Kowalska"
    assert referral.contact.wechat is None  # no such field then
    assert (referral.request, referral.outcome) == (Request.SCREENING, Outcome.DEFERRED)
    assert referral.status is Status.CONTACTED
    assert [c.criterion_id for c in referral.criteria] == ["E6"]
    assert [e.to_status for e in referral.history] == [Status.NEW, Status.CONTACTED]
    assert referral.flags[0].detail == "yes -> no"


def test_upgrading_twice_changes_nothing(engine: Engine) -> None:
    upgrade(engine)
    revision = current_revision(engine)
    upgrade(engine)
    assert current_revision(engine) == revision


LATER_TABLES = {"0008": {"login_devices"}}
"""The tables of the code that migrations after a revision add."""


def assert_schema_matches_the_code(engine: Engine, at: str | None = None) -> None:
    """The database has the code's tables (those added after `at` aside)."""
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    later = LATER_TABLES.get(at or "", set())
    # SQLite's own bookkeeping of AUTOINCREMENT keys (migration 0009), not ours.
    ours = [
        d
        for d in differences
        if not (d[0] == "remove_table" and d[1].name == "sqlite_sequence")
        and not (d[0] == "add_table" and d[1].name in later)
        and not (d[0] == "add_index" and d[1].table.name in later)
    ]
    assert ours == []


def test_the_inbox_migrations_go_down_and_up_again(engine: Engine) -> None:
    upgrade(engine)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0002")
    assert current_revision(engine) == "0002"
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
    inbox = {"staff_accounts", "login_failures", "login_devices", "audit_log", "notifications"}
    assert not tables & inbox

    upgrade(engine)
    assert_schema_matches_the_code(engine)
    with engine.begin() as connection:  # the guards came back with the table
        connection.execute(text(
            "INSERT INTO audit_log (at, actor, action, detail, prev_mac, mac) "
            "VALUES (CURRENT_TIMESTAMP, 'a', 'b', '', 'p', 'm')"
        ))  # fmt: skip
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_log"))


def test_the_wechat_migration_keeps_earlier_referrals_and_goes_down_and_up(
    engine: Engine,
) -> None:
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0007")
    first_release_database_rows(engine)

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0008")
    assert current_revision(engine) == "0008"
    assert_schema_matches_the_code(engine, at="0008")
    referral = ReferralStore(engine, SECRECY).get("before-alembic")
    assert referral is not None and referral.contact.wechat is None
    assert referral.contact.phone == "+8613800138000"

    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0007")
    with engine.connect() as connection:
        kept = {column["name"] for column in inspect(connection).get_columns("referrals")}
    assert not kept & {"wechat", "wechat_key"}
    upgrade(engine)
    assert_schema_matches_the_code(engine)


def referral_ids_after_a_deletion(engine: Engine) -> tuple[int, int]:
    """The id of the last referral saved, deleted, and of the next one."""
    store = ReferralStore(engine, SECRECY)
    store.save(draft("first"))
    store.save(draft("deleted"))
    deleted = store.get("deleted")
    assert deleted is not None
    store.delete("deleted")
    store.save(draft("next"))
    following = store.get("next")
    assert following is not None
    return deleted.id, following.id


def test_a_deleted_referrals_id_is_never_given_again(engine: Engine) -> None:
    upgrade(engine)
    deleted, following = referral_ids_after_a_deletion(engine)
    assert following > deleted


def test_the_rebuild_for_ids_keeps_every_referral_and_its_history(engine: Engine) -> None:
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0008")
    first_release_database_rows(engine)
    store = ReferralStore(engine, SECRECY)
    before = store.get("before-alembic")

    upgrade(engine)

    assert_schema_matches_the_code(engine)
    assert store.get("before-alembic") == before
    if engine.dialect.name == "sqlite":  # the rebuilt table: (PostgreSQL's sequence
        # never saw the frozen rows' explicit ids; the test above covers it)
        deleted, following = referral_ids_after_a_deletion(engine)
        assert following > deleted
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0008")
    upgrade(engine)
    assert store.get("before-alembic") == before


def test_latest_is_alembics_head() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == LATEST


def python(*argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    """This interpreter run with `argv`, in this environment plus `env`."""
    return subprocess.run(
        [sys.executable, *argv], env={**os.environ, **env},
        capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_the_command_migrates_the_database_of_the_environment(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'referrals.db'}"
    done = python("-m", "bot.referrals.schema", DATABASE_URL=url)
    assert done.returncode == 0, done.stderr
    assert current_revision(create_engine(url)) == LATEST


def test_a_database_at_the_latest_revision_is_opened_without_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'referrals.db'}"
    migrated = python("-m", "bot.referrals.schema", DATABASE_URL=url)
    assert migrated.returncode == 0, migrated.stderr

    child = python(
        "-c",
        "import sys\n"
        "from sqlalchemy import create_engine\n"
        "from bot.referrals.schema import LATEST, current_revision, upgrade\n"
        f"engine = create_engine({url!r})\n"
        "upgrade(engine)\n"
        "assert current_revision(engine) == LATEST\n"
        "assert 'alembic' not in sys.modules, 'alembic imported'\n",
    )  # fmt: skip
    assert child.returncode == 0, child.stderr

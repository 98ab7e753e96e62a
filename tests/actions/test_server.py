"""The action server's start: the referral store is migrated by a child
process, and a database that cannot be reached then is no reason to fail."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest
from sqlalchemy import create_engine

from actions.server import migrate_referral_store
from bot.referrals.schema import LATEST, current_revision


def test_the_store_is_migrated_at_start(referral_db: str) -> None:
    migrate_referral_store()
    assert current_revision(create_engine(referral_db)) == LATEST


def test_an_unreachable_database_leaves_the_migration_for_later(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:9/none")

    migrate_referral_store()

    assert "referral store not migrated at start" in caplog.text
    assert [r.levelno for r in caplog.records] == [logging.WARNING]


def test_the_server_imports_pythons_own_distutils_not_setuptools() -> None:
    child = subprocess.run(
        [sys.executable, "-c",
         "import sys\n"
         "from actions.server import use_the_standard_distutils\n"
         "use_the_standard_distutils()\n"
         "import rasa_sdk.endpoint\n"
         "import distutils.version\n"
         "assert 'setuptools' not in sys.modules, 'setuptools imported'\n"
         "assert distutils.version.LooseVersion('21.12.2') > '21.3'\n"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert child.returncode == 0, child.stderr


def test_an_error_is_told_by_where_it_happened_never_by_its_message() -> None:
    from actions.server import where_it_failed

    try:
        {"contact_name": "Anna"}["Anna Kowalska, +86 138 0013 8000"]
    except KeyError as error:
        told = where_it_failed(error)
    assert told.startswith("KeyError at ") and told.endswith(
        "in test_an_error_is_told_by_where_it_happened_never_by_its_message"
    )
    assert "Anna" not in told and "8000" not in told

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bot.referrals.schema import current_revision
from bot.services import Services
from bot.settings import Settings
from tests.bot.referrals.test_outbox import draft
from tests.support.stores import AUDIT_KEY, LOOKUP_KEY, TEST_KEY


def services_in(folder: Path, **settings: object) -> Services:
    return Services(
        Settings(
            database_url=f"sqlite:///{folder / 'referrals.db'}",
            keys=(TEST_KEY,),
            outbox_dir=folder / "outbox",
            lookup_key=LOOKUP_KEY,
            audit_key=AUDIT_KEY,
            **settings,  # type: ignore[arg-type]
        )
    )


def test_each_service_is_built_once_from_the_settings(tmp_path: Path) -> None:
    services = services_in(tmp_path)

    assert services.referrals is services.referrals
    assert current_revision(services.engine) is not None  # migrated when first built
    assert services.outbox.directory == tmp_path / "outbox"
    assert (tmp_path / "referrals.db").stat().st_mode & 0o777 == 0o600


def test_nothing_is_built_before_it_is_asked_for(tmp_path: Path) -> None:
    Services(Settings(database_url=f"sqlite:///{tmp_path / 'referrals.db'}"))
    assert list(tmp_path.iterdir()) == []


def test_the_flusher_stores_waiting_referrals_once_started(tmp_path: Path) -> None:
    services = services_in(tmp_path, outbox_retry_seconds=0.05)
    services.outbox.put(draft("waiting"))

    services.start_outbox_flusher()
    deadline = time.monotonic() + 10
    while len(services.outbox) and time.monotonic() < deadline:
        time.sleep(0.05)

    assert len(services.outbox) == 0
    assert services.referrals.get("waiting") is not None


@pytest.mark.parametrize(
    ("setting", "method", "file", "configured_value"),
    [("action_server_token", "action_server_token", "action-server.token", "s"),
     ("rest_token", "rest_token", "rest.token", "s"),
     ("conversation_key", "conversation_key", "conversation.key", b"s")],
)  # fmt: skip
def test_a_servers_secret_is_the_configured_one_else_a_local_file(
    tmp_path: Path, setting: str, method: str, file: str, configured_value: object
) -> None:
    local = Services(Settings(key_file=tmp_path / "referral.key"))
    configured = Services(Settings(key_file=tmp_path / "referral.key", **{setting: "s"}))  # type: ignore[arg-type]

    made = getattr(local, method)()

    assert len(made) >= 32 and made == getattr(local, method)()
    assert (tmp_path / file).stat().st_mode & 0o777 == 0o600
    assert getattr(configured, method)() == configured_value

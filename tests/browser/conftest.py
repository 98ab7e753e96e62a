"""Browser tests (pytest -m browser): the inbox in a real server process,
driven in headless Chromium; the conversation servers come from tests/e2e."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.services import Services
from harness.servers import InboxServer, free_port
from inbox.accounts import AccountStore, Role
from tests.e2e.conftest import actions, model, rasa, referrals, workdir  # noqa: F401
from tests.support.browser import browser, page  # noqa: F401
from tests.support.inbox import PASSWORD, settings_for
from tests.support.stores import TEST_KEY


@pytest.fixture(scope="session")
def staff(workdir: Path) -> Services:  # noqa: F811
    """The referral store the servers share, with a coordinator and an admin."""
    services = Services(settings_for(f"sqlite:///{workdir / 'referrals.db'}", workdir))
    accounts = AccountStore(services.engine)
    services.referrals  # noqa: B018 - migrates
    accounts.create("coord", PASSWORD, Role.COORDINATOR)
    accounts.create("boss", PASSWORD, Role.ADMIN)
    return services


@pytest.fixture(scope="session")
def inbox(workdir: Path, staff: Services) -> Iterator[InboxServer]:  # noqa: F811
    with InboxServer(free_port(), workdir, TEST_KEY) as server:
        yield server

"""Inbox logins against the real process (`python -m inbox serve`, issue 29
item 4): the real user still logs in while an attacker fails against the
account from elsewhere; behind the proxy the counted address is the one the
proxy appends to X-Forwarded-For, whatever the client wrote before it, and
without the proxy setting the header counts for nothing; HEAD changes
nothing. The test plays the TLS proxy (haproxy's `option forwardfor`)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

from bot.services import Services
from harness.servers import InboxServer, free_port
from inbox.accounts import AccountStore, Role
from tests.support.inbox import PASSWORD, settings_for
from tests.support.logs import faults_in
from tests.support.stores import TEST_KEY

pytestmark = pytest.mark.e2e

LIMIT = 2  # LOGIN_MAX_FAILURES of these inboxes
NAMES = ["nurse", "matron", "visitor"]
"""The accounts of these inboxes (a test uses its own: the server is shared)."""


def inbox_in(folder: Path, **env: str) -> Iterator[InboxServer]:
    """A real inbox on a SQLite store of its own in `folder`, with `NAMES`."""
    services = Services(settings_for(f"sqlite:///{folder / 'referrals.db'}", folder))
    services.referrals  # noqa: B018 - migrates
    for name in NAMES:
        AccountStore(services.engine).create(name, PASSWORD, Role.COORDINATOR)
    services.engine.dispose()
    with InboxServer(
        free_port(), folder, TEST_KEY, env={"LOGIN_MAX_FAILURES": str(LIMIT), **env}
    ) as server:
        yield server
    assert faults_in(server.log) == []


@pytest.fixture(scope="module")
def proxied(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InboxServer]:
    """The inbox as production runs it behind the proxy (`INBOX_PROXIES=1`)."""
    yield from inbox_in(tmp_path_factory.mktemp("proxied"), INBOX_PROXIES="1")


@pytest.fixture(scope="module")
def direct(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InboxServer]:
    """The inbox reached directly, as in the embedded run."""
    yield from inbox_in(tmp_path_factory.mktemp("direct"))


@dataclass
class Browser:
    """A browser with its own cookies. Behind the proxy (`address` given), each
    request reaches the inbox as the proxy forwards it: whatever X-Forwarded-For
    the browser sent (`forged`), then the browser's address."""

    inbox: InboxServer
    address: str | None = None
    forged: list[str] = field(default_factory=list)
    http: requests.Session = field(default_factory=requests.Session)

    def headers(self) -> dict[str, str]:
        chain = [*self.forged, *([self.address] if self.address else [])]
        return {"X-Forwarded-For": ", ".join(chain)} if chain else {}

    def get(self, path: str) -> requests.Response:
        return self.http.get(
            self.inbox.url + path, headers=self.headers(), allow_redirects=False, timeout=10
        )

    def login(self, name: str, password: str = PASSWORD) -> int:
        page = self.get("/login").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert token is not None
        form = {"username": name, "password": password, "csrf_token": token.group(1)}
        return self.http.post(
            self.inbox.url + "/login", data=form, headers=self.headers(),
            allow_redirects=False, timeout=10,
        ).status_code  # fmt: skip

    def end_session(self) -> None:
        """Drop the session cookie (the device cookie stays), as closing the
        browser does."""
        self.http.cookies.set("inbox_session", None)


def audit_of(inbox: InboxServer) -> list[tuple[str, str, str]]:
    """The audit log's (actor, action, detail), oldest first."""
    with sqlite3.connect(inbox.workdir / "referrals.db") as database:
        query = "SELECT actor, action, detail FROM audit_log ORDER BY id"
        return [(actor, action, detail) for actor, action, detail in database.execute(query)]


def test_the_user_logs_in_while_an_attacker_fails_against_the_account_from_elsewhere(
    proxied: InboxServer,
) -> None:
    user = Browser(proxied, "192.0.2.10")
    assert user.login("nurse") == 302
    user.end_session()
    assert user.get("/").status_code == 302

    attacker = Browser(proxied, "203.0.113.66")
    guesses = [attacker.login("nurse", f"guess {n}") for n in range(LIMIT)]
    assert [*guesses, attacker.login("nurse")] == [401] * LIMIT + [429]  # even the right one
    assert Browser(proxied, "192.0.2.10").login("nurse") == 429  # a browser new to the account
    assert user.login("nurse") == 302
    assert user.get("/").status_code == 200
    assert attacker.login("nurse", "guess again") == 429  # the user's login gave it nothing


def test_behind_the_proxy_a_forged_forwarded_for_is_not_the_address(
    proxied: InboxServer,
) -> None:
    attacker = Browser(proxied, "198.51.100.7")
    codes = []
    for n in range(LIMIT + 1):
        attacker.forged = [f"10.0.{n}.1"]  # a new address each time, as it claims
        codes.append(attacker.login(f"someone{n}", "guess"))
    assert codes == [401] * LIMIT + [429]
    assert Browser(proxied, "198.51.100.8").login("matron") == 302  # another client
    counted = [detail for _, action, detail in audit_of(proxied) if action == "login_failed"]
    assert counted.count("from 198.51.100.7") == LIMIT
    assert not [detail for detail in counted if "10.0." in detail]


def test_without_the_proxy_setting_a_forwarded_for_counts_for_nothing(
    direct: InboxServer,
) -> None:
    user = Browser(direct)
    assert user.login("nurse") == 302
    attacker = Browser(direct)
    codes = []
    for n in range(LIMIT + 1):
        attacker.forged = [f"203.0.113.{n}"]  # sent by the client itself
        codes.append(attacker.login(f"someone{n}", "guess"))
    assert codes == [401] * LIMIT + [429]  # one address: the connection's
    assert Browser(direct).login("matron") == 429  # a new browser there
    assert user.login("nurse") == 302  # the browser that logged in before
    failed = [detail for _, action, detail in audit_of(direct) if action == "login_failed"]
    assert failed == ["from 127.0.0.1"] * LIMIT


def test_head_on_the_login_page_changes_nothing(proxied: InboxServer) -> None:
    browser = Browser(proxied, "198.51.100.20")
    page = browser.get("/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token is not None
    logged = audit_of(proxied)
    for password in [f"guess {n}" for n in range(LIMIT + 1)] + [PASSWORD]:
        form = {"username": "visitor", "password": password, "csrf_token": token.group(1)}
        head = browser.http.head(
            proxied.url + "/login", data=form, headers=browser.headers(), timeout=10
        )
        assert head.status_code == 200
    assert audit_of(proxied) == logged
    assert browser.get("/").status_code == 302  # the right password did not log in
    assert browser.login("visitor") == 302  # nor did the wrong ones throttle

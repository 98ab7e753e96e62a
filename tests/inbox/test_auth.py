"""Logging in: nothing without a login, CSRF, throttling held in the database,
idle and absolute session limits, secure cookies; on SQLite and PostgreSQL."""

from __future__ import annotations

import re
import time
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from argon2 import PasswordHasher
from flask import Flask
from flask.testing import FlaskClient

from bot.services import Services
from inbox.accounts import AccountStore
from inbox.app import create_app
from inbox.audit import AuditLog
from inbox.throttle import LoginThrottle
from tests.support.inbox import PASSWORD, csrf_token, login, post, referred, set_cookie


@pytest.mark.parametrize(
    "path", ["/", "/referrals/1", "/recontact", "/admin/accounts", "/admin/audit"]
)
def test_nothing_is_shown_without_a_login(app: Flask, services: Services, path: str) -> None:
    referred(services)
    response = app.test_client().get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


def test_a_login_without_the_csrf_token_is_refused(app: Flask, accounts: AccountStore) -> None:
    client = app.test_client()
    response = client.post("/login", data={"username": "coord", "password": PASSWORD})
    assert response.status_code == 400
    assert client.get("/").status_code == 302


def test_a_wrong_password_is_refused_and_a_right_one_lets_in(
    app: Flask, accounts: AccountStore
) -> None:
    client = app.test_client()
    assert login(client, "coord", "wrong password!").status_code == 401
    assert client.get("/").status_code == 302
    assert login(client, "coord").status_code == 302
    assert client.get("/").status_code == 200


def test_logging_out_ends_the_session_and_a_copy_of_its_cookie(
    app: Flask, coordinator: FlaskClient
) -> None:
    cookie = coordinator.get_cookie("inbox_session")
    assert cookie is not None
    copy = app.test_client()
    copy.set_cookie("inbox_session", cookie.value)
    assert copy.get("/").status_code == 200  # a stolen cookie works... until logout

    time.sleep(0.01)
    assert post(coordinator, "/logout", {}).status_code == 302
    assert coordinator.get("/").status_code == 302
    assert copy.get("/").status_code == 302
    time.sleep(0.01)
    assert login(coordinator, "coord").status_code == 302  # a new login is a new session
    assert coordinator.get("/").status_code == 200


def test_throttling_refuses_even_the_right_password_and_holds_across_a_restart(
    app: Flask, services: Services, accounts: AccountStore
) -> None:
    client = app.test_client()
    for _ in range(services.settings.login_max_failures):
        assert login(client, "coord", "wrong password!").status_code == 401
    assert login(client, "coord").status_code == 429

    restarted = create_app(Services(services.settings))  # a new process on the same database
    assert login(restarted.test_client(), "coord").status_code == 429


def test_throttling_ends_after_the_window(services: Services, accounts: AccountStore) -> None:
    throttle = LoginThrottle(services.engine, 2, timedelta(minutes=15))
    then = datetime.now(timezone.utc) - timedelta(minutes=20)
    throttle.failed("coord", "10.0.0.1", now=then)
    throttle.failed("coord", "10.0.0.2", now=then)
    assert throttle.blocked("coord", "10.0.0.3", now=then + timedelta(minutes=1))
    assert not throttle.blocked("coord", "10.0.0.3")


def test_an_address_is_throttled_whatever_names_it_tries(
    services: Services, accounts: AccountStore
) -> None:
    throttle = LoginThrottle(services.engine, 3, timedelta(minutes=15))
    for name in ("a", "b", "c"):
        throttle.failed(name, "10.0.0.9")
    assert throttle.blocked("coord", "10.0.0.9")
    assert not throttle.blocked("coord", "10.0.0.1")


def test_an_idle_session_ends(services: Services, accounts: AccountStore) -> None:
    app = create_app(Services(replace(services.settings, session_idle_minutes=1 / 60)))
    client = app.test_client()
    login(client, "coord")
    assert client.get("/").status_code == 200
    time.sleep(1.2)
    assert client.get("/").status_code == 302


def test_a_session_ends_at_its_absolute_limit_even_when_busy(
    services: Services, accounts: AccountStore
) -> None:
    app = create_app(Services(replace(services.settings, session_max_hours=1.5 / 3600)))
    client = app.test_client()
    login(client, "coord")
    for _ in range(3):
        assert client.get("/").status_code == 200
        time.sleep(0.3)
    time.sleep(0.8)
    assert client.get("/").status_code == 302


def test_disabling_an_account_ends_its_session(
    coordinator: FlaskClient, accounts: AccountStore
) -> None:
    account = accounts.by_name("coord")
    assert account is not None
    accounts.set_active(account.id, False)
    assert coordinator.get("/").status_code == 302


def test_a_new_password_ends_older_sessions(
    coordinator: FlaskClient, accounts: AccountStore
) -> None:
    account = accounts.by_name("coord")
    assert account is not None
    accounts.set_password(account.id, "another long password")
    assert coordinator.get("/").status_code == 302


def test_cookies_are_secure_when_served_over_tls(
    services: Services, accounts: AccountStore
) -> None:
    app = create_app(Services(replace(services.settings, inbox_tls=True)))
    client = app.test_client()
    https = "https://inbox.example"
    page = client.get("/login", base_url=https).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token is not None
    response = client.post(
        "/login",
        data={"username": "coord", "password": PASSWORD, "csrf_token": token.group(1)},
        base_url=https,
        headers={"Referer": f"{https}/login"},  # sent by browsers under our same-origin policy
    )
    assert response.status_code == 302
    cookie = set_cookie(response, "inbox_session")
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    device = set_cookie(response, "inbox_device")
    assert "Secure" in device and "HttpOnly" in device and "SameSite=Strict" in device


def test_cookies_are_not_marked_secure_for_plain_http(app: Flask, accounts: AccountStore) -> None:
    response = login(app.test_client(), "coord")
    for name in ("inbox_session", "inbox_device"):
        cookie = set_cookie(response, name)
        assert "HttpOnly" in cookie and "Secure" not in cookie


def test_pages_are_never_cached_nor_framed(coordinator: FlaskClient) -> None:
    response = coordinator.get("/")
    assert response.headers["Cache-Control"] == "no-store"
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"


def failed_logins_from(app: Flask, forwarded_for: str, names: list[str]) -> list[int]:
    client = app.test_client()
    codes = []
    for name in names:
        token = csrf_token(client)
        codes.append(
            client.post(
                "/login", data={"username": name, "password": "wrong", "csrf_token": token},
                headers={"X-Forwarded-For": forwarded_for},
            ).status_code
        )  # fmt: skip
    return codes


def test_behind_the_proxy_throttling_counts_the_clients_address(
    services: Services, accounts: AccountStore
) -> None:
    app = create_app(Services(replace(services.settings, inbox_proxies=1, login_max_failures=2)))
    assert failed_logins_from(app, "203.0.113.7", ["a1", "a2", "a3"]) == [401, 401, 429]
    assert failed_logins_from(app, "198.51.100.9", ["b1"]) == [401]  # another client


def test_without_a_proxy_a_forged_forwarded_for_changes_nothing(
    services: Services, accounts: AccountStore
) -> None:
    app = create_app(Services(replace(services.settings, login_max_failures=2)))
    assert failed_logins_from(app, "203.0.113.7", ["a1", "a2"]) == [401, 401]
    assert failed_logins_from(app, "198.51.100.9", ["b1"]) == [429]  # same real address


def test_a_login_to_ones_own_account_does_not_reset_the_guessing_of_anothers(
    services: Services, accounts: AccountStore
) -> None:
    app = create_app(Services(replace(services.settings, login_max_failures=3)))
    guesser = app.test_client()
    assert [login(guesser, "boss", "guess 1").status_code,
            login(guesser, "boss", "guess 2").status_code] == [401, 401]  # fmt: skip
    assert login(guesser, "coord").status_code == 302  # the guesser's own account
    assert login(guesser, "boss", "guess 3").status_code == 401
    assert login(app.test_client(), "boss").status_code == 429  # three guesses: held


def test_a_head_request_to_the_login_page_changes_nothing(
    app: Flask, services: Services, accounts: AccountStore
) -> None:
    client = app.test_client()
    audit = AuditLog(services.engine, services.audit_key)
    logged = audit.count()
    for _ in range(services.settings.login_max_failures + 1):
        page = client.head("/login", data={"username": "coord", "password": "wrong password!"})
        assert page.status_code == 200
    assert audit.count() == logged
    assert login(client, "coord").status_code == 302  # not throttled


def test_an_unknown_name_gets_the_answer_and_the_work_of_a_wrong_password(
    app: Flask, accounts: AccountStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Names stay secret: the same page, and one argon2 operation of the same
    cost either way (counted, not timed: a timed test fails on a busy machine)."""
    operations: list[str] = []
    for method in ("hash", "verify"):
        real = getattr(PasswordHasher, method)

        def counted(self: PasswordHasher, *args: Any, _real: Any = real, _m: str = method) -> Any:
            operations.append(f"{_m} t={self.time_cost} m={self.memory_cost}")
            return _real(self, *args)

        monkeypatch.setattr(PasswordHasher, method, counted)

    def answer(name: str) -> tuple[int, str, list[str]]:
        operations.clear()
        page = login(app.test_client(), name, "wrong password!")
        body = re.sub(r'name="csrf_token" value="[^"]+"', "", page.get_data(as_text=True))
        return page.status_code, body, [op.split(" ", 1)[1] for op in operations]

    unknown, known = answer("nobody-by-this-name"), answer("coord")
    assert unknown == known
    assert len(known[2]) == 1

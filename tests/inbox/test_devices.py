"""Device cookies (OWASP): a browser that logged in to an account before still
logs in while an attacker's failures lock the account, or the address, for
everyone else; its own failures end its trust and lock no one. The logins on
SQLite (each costs an argon2 check), what the database does for them
(`DeviceTrust`) on SQLite and PostgreSQL; the main cases against a real
inbox process in tests/e2e/test_inbox_logins.py."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from bot.referrals.tables import LoginDeviceRow
from bot.services import Services
from inbox.accounts import AccountStore
from inbox.app import create_app
from inbox.devices import DEVICE_COOKIE, PER_ACCOUNT, DeviceTrust
from tests.support.inbox import browser_at, login, set_cookie

LIMIT = 2
LOGINS = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
USER, ELSEWHERE = "192.0.2.10", "203.0.113.66"


@pytest.fixture
def inbox(services: Services, accounts: AccountStore) -> Flask:
    """The inbox with a limit of two failed logins (each costs an argon2 check)."""
    return create_app(Services(replace(services.settings, login_max_failures=LIMIT)))


def trusted_browser(app: Flask, address: str = USER) -> FlaskClient:
    """A browser that has logged in to `coord` (and out again)."""
    browser = browser_at(app, address)
    assert login(browser, "coord").status_code == 302
    browser.delete_cookie("inbox_session")
    return browser


def lock(app: Flask, name: str = "coord", address: str = ELSEWHERE) -> None:
    """An attacker at `address` fails against `name` until it is locked."""
    attacker = browser_at(app, address)
    codes = [login(attacker, name, f"guess {n}").status_code for n in range(LIMIT + 1)]
    assert codes == [401] * LIMIT + [429]


def device_cookie(browser: FlaskClient) -> str:
    cookie = browser.get_cookie(DEVICE_COOKIE, path="/login")
    assert cookie is not None
    return cookie.value


@LOGINS
def test_a_browser_that_logged_in_before_logs_in_while_an_attacker_locks_the_account(
    inbox: Flask,
) -> None:
    user = trusted_browser(inbox)
    lock(inbox)
    assert login(browser_at(inbox, ELSEWHERE), "coord").status_code == 429  # the right password
    assert login(browser_at(inbox, USER), "coord").status_code == 429  # a new browser
    assert login(user, "coord").status_code == 302
    assert user.get("/").status_code == 200


@LOGINS
def test_a_trusted_browser_is_spared_the_lockout_of_its_address(inbox: Flask) -> None:
    user = trusted_browser(inbox)
    neighbour = browser_at(inbox, USER)  # the same address: a hospital's NAT
    codes = [login(neighbour, f"name{n}", "guess").status_code for n in range(LIMIT + 1)]
    assert codes == [401] * LIMIT + [429]
    assert login(browser_at(inbox, USER), "boss").status_code == 429
    assert login(user, "coord").status_code == 302


@LOGINS
def test_the_users_login_gives_the_attacker_no_fresh_guesses(inbox: Flask) -> None:
    user = trusted_browser(inbox)
    attacker = browser_at(inbox, ELSEWHERE)
    assert [login(attacker, "coord", f"guess {n}").status_code for n in range(LIMIT - 1)] == [
        401
    ] * (LIMIT - 1)
    assert login(user, "coord").status_code == 302
    assert [login(attacker, "coord", "guess").status_code for _ in range(2)] == [401, 429]


@LOGINS
def test_a_correct_login_clears_the_typos_from_its_own_address(inbox: Flask) -> None:
    for _ in range(2):  # twice two typos, each time in a new browser: four in all
        browser = browser_at(inbox, USER)
        assert [login(browser, "coord", "typo").status_code for _ in range(LIMIT - 1)] == [401] * (
            LIMIT - 1
        )
        assert login(browser, "coord").status_code == 302


@LOGINS
def test_a_trusted_browsers_failures_lock_neither_the_account_nor_the_address(
    inbox: Flask,
) -> None:
    user = trusted_browser(inbox)
    codes = [login(user, "coord", f"typo {n}").status_code for n in range(LIMIT)]
    assert codes == [401] * LIMIT
    assert login(browser_at(inbox, USER), "coord").status_code == 302  # another browser


@LOGINS
def test_a_trusted_browser_that_fails_at_the_limit_is_trusted_no_longer(inbox: Flask) -> None:
    user, laptop = trusted_browser(inbox), trusted_browser(inbox, "192.0.2.11")
    copy = device_cookie(user)
    for n in range(LIMIT):
        failed = login(user, "coord", f"stolen cookie, guess {n}")
    assert f"{DEVICE_COOKIE}=;" in set_cookie(failed, DEVICE_COOKIE)  # the last one drops it
    lock(inbox)
    user.set_cookie(DEVICE_COOKIE, copy, path="/login")
    assert login(user, "coord").status_code == 429  # even a copy of the cookie
    assert login(laptop, "coord").status_code == 302  # the user's other browser


@LOGINS
def test_a_login_renews_the_cookie_and_a_copy_of_the_old_one_is_worth_nothing(
    inbox: Flask,
) -> None:
    user = trusted_browser(inbox)
    old = device_cookie(user)
    assert login(user, "coord").status_code == 302
    assert device_cookie(user) != old
    lock(inbox)
    thief = browser_at(inbox, ELSEWHERE)
    thief.set_cookie(DEVICE_COOKIE, old, path="/login")
    assert login(thief, "coord").status_code == 429
    assert login(user, "coord").status_code == 302


@LOGINS
def test_a_browser_is_trusted_for_the_account_it_logged_in_to_only(inbox: Flask) -> None:
    coordinator = trusted_browser(inbox)
    lock(inbox, "boss")
    assert login(coordinator, "boss").status_code == 429
    assert login(coordinator, "coord").status_code == 302


@LOGINS
def test_the_device_cookie_goes_to_the_login_form_only_for_long(inbox: Flask) -> None:
    response = login(browser_at(inbox, USER), "coord")
    cookie = set_cookie(response, DEVICE_COOKIE)
    assert "Path=/login" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert f"Max-Age={180 * 24 * 3600}" in cookie


@pytest.fixture
def devices(services: Services) -> DeviceTrust:
    services.referrals  # noqa: B018 - migrates the schema
    return DeviceTrust(services.engine, services.settings.inbox_secret, LIMIT)


def test_only_a_cookie_signed_here_for_a_nonce_still_kept_is_trusted(
    devices: DeviceTrust, services: Services
) -> None:
    cookie = devices.renew("coord", None)
    forged = DeviceTrust(services.engine, "another secret", LIMIT).renew("coord", None)
    with Session(services.engine, future=True) as session, session.begin():
        session.execute(delete(LoginDeviceRow))  # its nonce no longer kept
    kept = devices.renew("coord", None)
    refused = [None, "", "garbage", forged, cookie, kept[:-1], kept + "x"]
    assert [devices.claim(value, "coord") for value in refused] == [None] * len(refused)
    assert devices.claim(kept, "boss") is None
    assert devices.claim(kept, " Coord ") is not None  # the name as the login reads it


def test_an_attempt_is_counted_when_claimed_before_any_password_check(
    devices: DeviceTrust, services: Services
) -> None:
    cookie = devices.renew("coord", None)
    claims = [devices.claim(cookie, "coord") for _ in range(LIMIT + 1)]
    assert [claim is not None for claim in claims] == [True] * LIMIT + [False]


def test_a_device_expires_after_its_lifetime(devices: DeviceTrust, services: Services) -> None:
    cookie = devices.renew("coord", None)
    assert devices.claim(cookie, "coord") is not None
    with Session(services.engine, future=True) as session, session.begin():
        then = datetime.now(timezone.utc) - timedelta(days=181)
        session.execute(update(LoginDeviceRow).values(created_at=then))
    assert devices.claim(cookie, "coord") is None
    devices.renew("boss", None)  # any login forgets the expired devices
    with Session(services.engine, future=True) as session:
        kept = session.execute(select(LoginDeviceRow.username)).scalars().all()
    assert kept == ["boss"]


def test_an_account_keeps_its_newest_devices_only(devices: DeviceTrust, services: Services) -> None:
    cookies = [devices.renew("coord", None) for _ in range(PER_ACCOUNT + 2)]
    other = devices.renew("boss", None)
    with Session(services.engine, future=True) as session:
        count = session.execute(select(func.count()).select_from(LoginDeviceRow)).scalar_one()
    assert count == PER_ACCOUNT + 1
    assert [devices.claim(c, "coord") is not None for c in cookies[:2]] == [False, False]
    assert devices.claim(cookies[-1], "coord") is not None
    assert devices.claim(other, "boss") is not None

"""Staff accounts: argon2 hashes, roles, disabling, the first admin's command;
on SQLite and PostgreSQL."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.referrals.tables import AccountRow
from bot.services import Services
from inbox import cli
from inbox.accounts import AccountError, AccountStore, Role
from tests.support.inbox import PASSWORD


def test_a_password_is_stored_only_as_an_argon2id_hash(services: Services) -> None:
    services.referrals  # noqa: B018 - migrates
    accounts = AccountStore(services.engine)
    made = accounts.create(" Coord ", PASSWORD, Role.COORDINATOR)

    with Session(services.engine) as session:
        stored = session.execute(select(AccountRow.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert made.username == "coord" and made.role is Role.COORDINATOR
    assert accounts.authenticate("COORD", PASSWORD) == made
    assert accounts.authenticate("coord", PASSWORD + "x") is None
    assert accounts.authenticate("nobody", PASSWORD) is None


def test_a_disabled_account_cannot_log_in_until_enabled(services: Services) -> None:
    services.referrals  # noqa: B018
    accounts = AccountStore(services.engine)
    made = accounts.create("coord", PASSWORD, Role.COORDINATOR)

    accounts.set_active(made.id, False)
    assert accounts.authenticate("coord", PASSWORD) is None
    accounts.set_active(made.id, True)
    assert accounts.authenticate("coord", PASSWORD) is not None


@pytest.mark.parametrize(
    ("username", "password", "reason"),
    [("coord", "short", "password_too_short"), ("a b", PASSWORD, "invalid_username"),
     ("x", PASSWORD, "invalid_username")],
)  # fmt: skip
def test_invalid_accounts_are_refused(
    services: Services, username: str, password: str, reason: str
) -> None:
    services.referrals  # noqa: B018
    with pytest.raises(AccountError, match=reason):
        AccountStore(services.engine).create(username, password, Role.COORDINATOR)


def test_a_taken_name_is_refused(services: Services) -> None:
    services.referrals  # noqa: B018
    accounts = AccountStore(services.engine)
    accounts.create("coord", PASSWORD, Role.COORDINATOR)
    with pytest.raises(AccountError, match="username_taken"):
        accounts.create("COORD", PASSWORD, Role.ADMIN)


def test_the_command_creates_the_first_admin_only(
    services: Services, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", services.settings.database_url)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert cli.main(["create-admin", "Boss", "--password-stdin"]) == 0
    assert "admin boss created" in capsys.readouterr().out

    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert cli.main(["create-admin", "other", "--password-stdin"]) == 1
    accounts = AccountStore(services.engine)
    admin = accounts.authenticate("boss", PASSWORD)
    assert admin is not None and admin.is_admin
    assert accounts.by_name("other") is None

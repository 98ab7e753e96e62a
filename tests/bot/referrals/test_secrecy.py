from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from cryptography.fernet import Fernet, InvalidToken

from bot.referrals.secrecy import Secrecy, secrecy_for
from bot.settings import Settings


def test_texts_round_trip_and_none_stays_none() -> None:
    secrecy = Secrecy([Fernet.generate_key()])
    token = secrecy.seal("Li Wei")
    assert token != "Li Wei" and secrecy.open(token) == "Li Wei"
    assert secrecy.seal(None) is None and secrecy.open(None) is None


def test_a_wrong_key_cannot_read() -> None:
    token = Secrecy([Fernet.generate_key()]).seal("Li Wei")
    with pytest.raises(InvalidToken):
        Secrecy([Fernet.generate_key()]).open(token)


def test_keys_come_from_the_environment_first_one_encrypting(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    new, old = Fernet.generate_key(), Fernet.generate_key()
    monkeypatch.setenv("REFERRAL_KEYS", f"{new.decode()}, {old.decode()}")
    secrecy = secrecy_for(replace(Settings.from_env(), key_file=tmp_path / "unused.key"))

    assert Secrecy([new]).open(secrecy.seal("x")) == "x"
    assert secrecy.open(Secrecy([old]).seal("y")) == "y"
    assert not (tmp_path / "unused.key").exists()


def test_the_embedded_run_makes_a_private_key_file_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("REFERRAL_KEYS")
    key_file = tmp_path / "local" / "referral.key"
    settings = replace(Settings.from_env(), key_file=key_file)
    token = secrecy_for(settings).seal("x")

    assert key_file.stat().st_mode & 0o777 == 0o600
    assert secrecy_for(settings).open(token) == "x"  # the same key next time

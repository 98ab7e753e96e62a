from __future__ import annotations

from pathlib import Path

from bot.settings import DOMAIN_FILE, Settings


def test_the_embedded_default_needs_no_variable() -> None:
    assert Settings.from_env({}) == Settings()
    assert Settings().database_url == "sqlite:///referrals.db"
    assert Settings().keys == ()


def test_every_setting_comes_from_the_environment() -> None:
    settings = Settings.from_env(
        {
            "DATABASE_URL": "postgresql://db/prescreen",
            "DATABASE_POOL_SIZE": "3",
            "REFERRAL_KEYS": " new-key , old-key ,",
            "OUTBOX_DIR": "/var/lib/prescreen/outbox",
            "OUTBOX_RETRY_SECONDS": "2.5",
            "PURGE_AFTER_DAYS": "14",
        }
    )
    assert settings == Settings(
        database_url="postgresql://db/prescreen",
        database_pool_size=3,
        keys=("new-key", "old-key"),
        outbox_dir=Path("/var/lib/prescreen/outbox"),
        outbox_retry_seconds=2.5,
        purge_after_days=14.0,
    )


def test_an_empty_variable_keeps_the_default() -> None:
    assert Settings.from_env({"DATABASE_URL": "  ", "REFERRAL_KEYS": ""}) == Settings()


def test_the_domain_is_found_from_anywhere() -> None:
    assert DOMAIN_FILE.is_file() and DOMAIN_FILE.name == "domain.yml"

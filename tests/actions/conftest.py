"""The real domain, and the action server's services on a fresh database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa.shared.core.domain import Domain

from bot.services import services_from_env
from bot.settings import DOMAIN_FILE


@pytest.fixture(scope="session")
def domain() -> dict[str, Any]:
    domain: dict[str, Any] = Domain.load(str(DOMAIN_FILE)).as_dict()
    return domain


@pytest.fixture
def referral_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Point the action server's services at a fresh SQLite file and outbox."""
    url = f"sqlite:///{tmp_path / 'referrals.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("OUTBOX_DIR", str(tmp_path / "outbox"))
    services_from_env.cache_clear()
    yield url
    services_from_env.cache_clear()

"""Every setting of the product, read from the environment in one place.

The embedded default (SQLite files and a local key in the working directory)
needs no variable at all; production sets them (docs/privacy.md, README).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DOMAIN_FILE = PROJECT_ROOT / "domain.yml"
"""The assistant's domain (its slots, forms and every patient-facing text);
the one path every tool and test loads it from."""


@dataclass(frozen=True)
class Settings:
    database_url: str = "sqlite:///referrals.db"
    """`DATABASE_URL`: the referral store (postgresql://... in production)."""
    database_pool_size: int = 5
    """`DATABASE_POOL_SIZE`: connections per process to a server database."""
    keys: tuple[str, ...] = ()
    """`REFERRAL_KEYS`: Fernet keys, comma-separated, the first encrypts; they
    encrypt referrals, the outbox and the conversations. Empty: `key_file`."""
    key_file: Path = Path(".local/referral.key")
    """The embedded run's key, made on first use when no keys are set."""
    outbox_dir: Path = Path(".local/outbox")
    """`OUTBOX_DIR`: referrals waiting for the database."""
    outbox_retry_seconds: float = 10.0
    """`OUTBOX_RETRY_SECONDS`: how often the outbox tries the database again."""
    purge_after_days: float = 30.0
    """`PURGE_AFTER_DAYS`: unreferred conversations are deleted after this."""

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """The settings in `env` (default: this process's environment); unset
        or empty variables keep the embedded defaults."""
        env = os.environ if env is None else env
        default = cls()

        def get(name: str) -> str | None:
            return env.get(name, "").strip() or None

        return cls(
            database_url=get("DATABASE_URL") or default.database_url,
            database_pool_size=int(get("DATABASE_POOL_SIZE") or default.database_pool_size),
            keys=tuple(k.strip() for k in (get("REFERRAL_KEYS") or "").split(",") if k.strip()),
            outbox_dir=Path(get("OUTBOX_DIR") or default.outbox_dir),
            outbox_retry_seconds=float(get("OUTBOX_RETRY_SECONDS") or default.outbox_retry_seconds),
            purge_after_days=float(get("PURGE_AFTER_DAYS") or default.purge_after_days),
        )

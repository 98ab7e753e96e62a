"""The action server's one referral store, built on first use (not at import)."""

from __future__ import annotations

from functools import lru_cache

from bot.database import make_engine
from bot.referrals import ReferralStore


@lru_cache(maxsize=1)
def referral_store() -> ReferralStore:
    """The store for `DATABASE_URL` (SQLite by default), schema ensured once."""
    store = ReferralStore(make_engine())
    store.create_schema()
    return store

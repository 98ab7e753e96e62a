"""Fixtures shared by every suite (defined in tests/support/)."""

from tests.support.stores import (  # noqa: F401 - pytest finds fixtures by name
    postgres_engine,
    referral_keys,
    sqlite_engine,
    store,
)

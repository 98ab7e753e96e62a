"""The inbox's fixtures (defined in tests/support/inbox.py)."""

from tests.support.inbox import (  # noqa: F401 - pytest finds fixtures by name
    accounts,
    admin,
    app,
    coordinator,
    database_url,
    postgres_url,
    services,
)

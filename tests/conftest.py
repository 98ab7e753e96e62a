"""Fixtures shared by every suite (defined in tests/support/)."""

from tests.support.stores import (  # noqa: F401 - pytest finds fixtures by name
    postgres_engine,
    referral_keys,
    sqlite_engine,
    store,
)


def pytest_configure() -> None:
    """Import Sanic before the tests are collected. On import it puts "once"
    for every DeprecationWarning in front of the warning filters; imported
    while pytest collects, that would outrank pyproject's `filterwarnings`,
    and our dependencies' deprecations would fill the summary. Imported here,
    before pytest applies those filters, it ranks below them."""
    import sanic  # noqa: F401

"""What the inbox's views work with, built once per app from `bot.services`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from flask import current_app

from bot.services import Services
from inbox.accounts import AccountStore
from inbox.audit import AuditLog
from inbox.throttle import LoginThrottle


@dataclass(frozen=True)
class Parts:
    services: Services
    accounts: AccountStore
    throttle: LoginThrottle
    audit: AuditLog


def build_parts(services: Services) -> Parts:
    """The inbox's parts on `services`' engine (the referral store's schema is
    migrated by `services.referrals`)."""
    settings = services.settings
    services.referrals  # noqa: B018 - built first: it migrates the schema
    return Parts(
        services=services,
        accounts=AccountStore(services.engine),
        throttle=LoginThrottle(
            services.engine,
            settings.login_max_failures,
            timedelta(minutes=settings.login_window_minutes),
        ),
        audit=AuditLog(services.engine, services.audit_key),
    )


def parts() -> Parts:
    """The current app's parts."""
    built: Parts = current_app.extensions["inbox"]
    return built

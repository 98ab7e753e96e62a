"""What the inbox's views work with, built once per app from `bot.services`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from flask import current_app

from bot.services import Services
from inbox.accounts import AccountStore
from inbox.audit import AuditLog
from inbox.devices import DeviceTrust
from inbox.throttle import LoginThrottle


@dataclass(frozen=True)
class Parts:
    services: Services
    accounts: AccountStore
    throttle: LoginThrottle
    devices: DeviceTrust
    audit: AuditLog


def build_parts(services: Services, secret: str) -> Parts:
    """The inbox's parts on `services`' engine (the referral store's schema is
    migrated by `services.referrals`); `secret` signs the device cookies."""
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
        devices=DeviceTrust(services.engine, secret, settings.login_max_failures),
        audit=AuditLog(services.engine, services.audit_key),
    )


def parts() -> Parts:
    """The current app's parts."""
    built: Parts = current_app.extensions["inbox"]
    return built

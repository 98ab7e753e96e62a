"""Every setting of the product, read from the environment in one place.

The embedded default (SQLite files and a local key in the working directory)
needs no variable at all; production sets them (docs/privacy.md, README).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    action_server_token: str = ""
    """`ACTION_SERVER_TOKEN`: the secret Rasa sends the action server in its
    `Authorization: Bearer` header (endpoints*.yml); the action server refuses
    every request without it but `/health`. Empty: the embedded run's file
    beside its key (`.local/action-server.token`)."""
    rest_token: str = ""
    """`REST_TOKEN`: the server credential the REST channel requires as
    `Authorization: Bearer` (the tests, scripts/chat.py, integrations; never a
    patient's browser). Empty: the embedded run's file (`.local/rest.token`)."""
    conversation_key: str = ""
    """`CONVERSATION_KEY`: keys the website chat's secrets and the conversation
    ids derived from them (channels/conversation_secret.py); the same on every
    Rasa instance. Empty: the embedded run's `.local/conversation.key`."""
    action_server_host: str = "127.0.0.1"
    """`ACTION_SERVER_HOST`: the address the action server listens on (only
    Rasa talks to it)."""

    # The coordinators' inbox (inbox/, docs/inbox.md)
    inbox_host: str = "127.0.0.1"
    """`INBOX_HOST`: the address the inbox listens on (behind the TLS proxy)."""
    inbox_port: int = 5080
    """`INBOX_PORT`."""
    inbox_url: str = ""
    """`INBOX_URL`: the inbox's address as staff reach it (links in e-mails);
    empty: http://INBOX_HOST:INBOX_PORT."""
    inbox_secret: str = ""
    """`INBOX_SECRET`: signs the session cookie. Empty: a local file beside the
    embedded key (`.local/inbox.secret`)."""
    inbox_proxies: int = 0
    """`INBOX_PROXIES`: reverse proxies in front of the inbox whose
    X-Forwarded-For/-Proto are trusted (1 in production, 0 when served directly);
    login throttling counts by the client's address, not the proxy's."""
    inbox_tls: bool = False
    """`INBOX_TLS`: served over HTTPS (TLS ends at the reverse proxy): cookies
    are then sent over HTTPS only."""
    session_idle_minutes: float = 30.0
    """`SESSION_IDLE_MINUTES`: a session unused this long is logged out."""
    session_max_hours: float = 12.0
    """`SESSION_MAX_HOURS`: any session ends this long after its login."""
    login_max_failures: int = 5
    """`LOGIN_MAX_FAILURES`: failed logins per account (or per address) in
    `LOGIN_WINDOW_MINUTES` before further attempts are refused."""
    login_window_minutes: float = 15.0
    """`LOGIN_WINDOW_MINUTES`."""
    audit_key: str = ""
    """`AUDIT_KEY`: the audit log's HMAC key, kept outside the database. Empty:
    a local file (`.local/audit.key`)."""
    lookup_key: str = ""
    """`CONTACT_LOOKUP_KEY`: keys the hashes of phone numbers and e-mail
    addresses that find possible duplicates. Empty: `.local/lookup.key`."""
    smtp_host: str = ""
    """`SMTP_HOST`: the mail server; empty: notifications wait, unsent."""
    smtp_port: int = 587
    """`SMTP_PORT`."""
    smtp_starttls: bool = True
    """`SMTP_STARTTLS`: upgrade to TLS before AUTH (the certificate is checked)."""
    smtp_user: str = ""
    """`SMTP_USER`: AUTH user; empty: no AUTH."""
    smtp_password: str = ""
    """`SMTP_PASSWORD`."""
    smtp_ca_file: str = ""
    """`SMTP_CA_FILE`: a CA bundle to trust instead of the system's."""
    mail_from: str = "prescreen@localhost"
    """`MAIL_FROM`: the sender address of notifications."""
    coordinator_emails: tuple[str, ...] = ()
    """`COORDINATOR_EMAILS`: comma-separated addresses told of each new referral."""
    notify_retry_seconds: float = 60.0
    """`NOTIFY_RETRY_SECONDS`: the first retry's delay; it doubles per failure."""
    notify_alert_after: int = 5
    """`NOTIFY_ALERT_AFTER`: failed attempts after which admins are told in the inbox."""
    scheduler_seconds: float = 30.0
    """`SCHEDULER_SECONDS`: how often the embedded run's scheduler sends."""
    retention_days: float = 365.0
    """`RETENTION_DAYS`: closed referrals are purged this long after closing."""

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
            keys=_listed(get("REFERRAL_KEYS")),
            outbox_dir=Path(get("OUTBOX_DIR") or default.outbox_dir),
            outbox_retry_seconds=float(get("OUTBOX_RETRY_SECONDS") or default.outbox_retry_seconds),
            purge_after_days=float(get("PURGE_AFTER_DAYS") or default.purge_after_days),
            action_server_token=get("ACTION_SERVER_TOKEN") or "",
            rest_token=get("REST_TOKEN") or "",
            conversation_key=get("CONVERSATION_KEY") or "",
            action_server_host=get("ACTION_SERVER_HOST") or default.action_server_host,
            **_inbox_settings(get, default),
        )


def _inbox_settings(get: Callable[[str], str | None], default: Settings) -> dict[str, Any]:
    """The inbox's and the notifications' settings (see `Settings`)."""

    def number(name: str, kind: type[float] | type[int], fallback: float) -> Any:
        value = get(name)
        return fallback if value is None else kind(value)

    def flag(name: str, fallback: bool) -> bool:
        value = get(name)
        return fallback if value is None else value.lower() in ("1", "true", "yes", "on")

    return {
        "inbox_host": get("INBOX_HOST") or default.inbox_host,
        "inbox_port": number("INBOX_PORT", int, default.inbox_port),
        "inbox_url": get("INBOX_URL") or default.inbox_url,
        "inbox_secret": get("INBOX_SECRET") or "",
        "inbox_proxies": number("INBOX_PROXIES", int, default.inbox_proxies),
        "inbox_tls": flag("INBOX_TLS", default.inbox_tls),
        "session_idle_minutes": number("SESSION_IDLE_MINUTES", float, default.session_idle_minutes),
        "session_max_hours": number("SESSION_MAX_HOURS", float, default.session_max_hours),
        "login_max_failures": number("LOGIN_MAX_FAILURES", int, default.login_max_failures),
        "login_window_minutes": number("LOGIN_WINDOW_MINUTES", float, default.login_window_minutes),
        "audit_key": get("AUDIT_KEY") or "",
        "lookup_key": get("CONTACT_LOOKUP_KEY") or "",
        "smtp_host": get("SMTP_HOST") or "",
        "smtp_port": number("SMTP_PORT", int, default.smtp_port),
        "smtp_starttls": flag("SMTP_STARTTLS", default.smtp_starttls),
        "smtp_user": get("SMTP_USER") or "",
        "smtp_password": get("SMTP_PASSWORD") or "",
        "smtp_ca_file": get("SMTP_CA_FILE") or "",
        "mail_from": get("MAIL_FROM") or default.mail_from,
        "coordinator_emails": _listed(get("COORDINATOR_EMAILS")),
        "notify_retry_seconds": number("NOTIFY_RETRY_SECONDS", float, default.notify_retry_seconds),
        "notify_alert_after": number("NOTIFY_ALERT_AFTER", int, default.notify_alert_after),
        "scheduler_seconds": number("SCHEDULER_SECONDS", float, default.scheduler_seconds),
        "retention_days": number("RETENTION_DAYS", float, default.retention_days),
    }


def _listed(value: str | None) -> tuple[str, ...]:
    return tuple(item.strip() for item in (value or "").split(",") if item.strip())


def inbox_address(settings: Settings) -> str:
    """The inbox's address as staff reach it (`INBOX_URL`, else host and port)."""
    base = settings.inbox_url or f"http://{settings.inbox_host}:{settings.inbox_port}"
    return base.rstrip("/")

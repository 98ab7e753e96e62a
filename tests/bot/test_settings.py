from __future__ import annotations

from pathlib import Path

from bot.settings import DOMAIN_FILE, Settings, inbox_address


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
            "ACTION_SERVER_TOKEN": "shared-secret",
            "ACTION_SERVER_HOST": "10.0.0.5",
            "REST_TOKEN": "rest-credential",
            "CONVERSATION_KEY": "chat-key",
        }
    )
    assert settings == Settings(
        database_url="postgresql://db/prescreen",
        database_pool_size=3,
        keys=("new-key", "old-key"),
        outbox_dir=Path("/var/lib/prescreen/outbox"),
        outbox_retry_seconds=2.5,
        purge_after_days=14.0,
        action_server_token="shared-secret",
        action_server_host="10.0.0.5",
        rest_token="rest-credential",
        conversation_key="chat-key",
    )


def test_an_empty_variable_keeps_the_default() -> None:
    assert Settings.from_env({"DATABASE_URL": "  ", "REFERRAL_KEYS": ""}) == Settings()


def test_the_domain_is_found_from_anywhere() -> None:
    assert DOMAIN_FILE.is_file() and DOMAIN_FILE.name == "domain.yml"


def test_the_inbox_and_mail_settings_come_from_the_environment() -> None:
    settings = Settings.from_env(
        {
            "INBOX_HOST": "0.0.0.0", "INBOX_PORT": "8080", "INBOX_URL": "https://inbox.example/",
            "INBOX_SECRET": "s", "INBOX_PROXIES": "1", "INBOX_TLS": "true",
            "SESSION_IDLE_MINUTES": "10",
            "SESSION_MAX_HOURS": "8", "LOGIN_MAX_FAILURES": "3", "LOGIN_WINDOW_MINUTES": "5",
            "AUDIT_KEY": "a", "CONTACT_LOOKUP_KEY": "l", "SMTP_HOST": "mail", "SMTP_PORT": "2525",
            "SMTP_STARTTLS": "no", "SMTP_USER": "u", "SMTP_PASSWORD": "p", "SMTP_CA_FILE": "/ca",
            "MAIL_FROM": "bot@example", "COORDINATOR_EMAILS": "a@example, b@example",
            "NOTIFY_RETRY_SECONDS": "1.5", "NOTIFY_ALERT_AFTER": "2", "SCHEDULER_SECONDS": "4",
            "RETENTION_DAYS": "90",
        }
    )  # fmt: skip
    assert settings == Settings(
        inbox_host="0.0.0.0", inbox_port=8080, inbox_url="https://inbox.example/",
        inbox_secret="s", inbox_proxies=1, inbox_tls=True, session_idle_minutes=10.0,
        session_max_hours=8.0,
        login_max_failures=3, login_window_minutes=5.0, audit_key="a", lookup_key="l",
        smtp_host="mail", smtp_port=2525, smtp_starttls=False, smtp_user="u", smtp_password="p",
        smtp_ca_file="/ca", mail_from="bot@example", coordinator_emails=("a@example", "b@example"),
        notify_retry_seconds=1.5, notify_alert_after=2, scheduler_seconds=4.0, retention_days=90.0,
    )  # fmt: skip
    assert inbox_address(settings) == "https://inbox.example"
    assert inbox_address(Settings()) == "http://127.0.0.1:5080"

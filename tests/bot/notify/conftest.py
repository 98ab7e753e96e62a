"""Notification fixtures: databases (tests/support/inbox.py) and a real SMTP
server (tests/support/smtp.py)."""

from tests.support.inbox import database_url, postgres_url  # noqa: F401
from tests.support.smtp import mail_server  # noqa: F401

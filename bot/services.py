"""The one place that builds the product's services from its settings.

The action server, the scripts and the web apps to come each make one
`Services` (usually `services_from_env()`), then take what they need. Nothing
is built at import time, and nothing starts by itself: the outbox's flusher
runs only when its owner starts it.
"""

from __future__ import annotations

import logging
import threading
from functools import cached_property, lru_cache

from sqlalchemy.engine import Engine

from bot.notify.delivery import Delivery
from bot.notify.mail import Mailer
from bot.private_files import local_secret
from bot.referrals.database import make_engine
from bot.referrals.lookup import ContactLookup
from bot.referrals.outbox import Outbox
from bot.referrals.secrecy import Secrecy, secrecy_for
from bot.referrals.store import ReferralStore
from bot.settings import Settings

logger = logging.getLogger(__name__)


class Services:
    """Each service built once, on first use, from one `Settings`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def secrecy(self) -> Secrecy:
        return secrecy_for(self.settings)

    @cached_property
    def engine(self) -> Engine:
        return make_engine(self.settings)

    @cached_property
    def lookup(self) -> ContactLookup:
        """Keyed hashes of contact details (`CONTACT_LOOKUP_KEY`, else a local key)."""
        return ContactLookup(self._secret(self.settings.lookup_key, "lookup.key").encode())

    @cached_property
    def audit_key(self) -> bytes:
        """The audit log's HMAC key (`AUDIT_KEY`, else a local key): never in the database."""
        return self._secret(self.settings.audit_key, "audit.key").encode()

    @cached_property
    def referrals(self) -> ReferralStore:
        """The referral store, its schema migrated to the latest revision and
        the contact keys of older referrals filled in."""
        store = ReferralStore(self.engine, self.secrecy, self.lookup)
        store.upgrade_schema()
        store.fill_contact_keys()
        return store

    def action_server_token(self) -> str:
        """The secret Rasa and the action server share (`ACTION_SERVER_TOKEN`)."""
        return self._secret(self.settings.action_server_token, "action-server.token")

    def rest_token(self) -> str:
        """The credential the REST channel requires (`REST_TOKEN`)."""
        return self._secret(self.settings.rest_token, "rest.token")

    def conversation_key(self) -> bytes:
        """The key of the website chat's secrets (`CONVERSATION_KEY`)."""
        return self._secret(self.settings.conversation_key, "conversation.key").encode()

    def _secret(self, configured: str, local_name: str) -> str:
        """A configured secret, else the embedded run's file beside its key."""
        return configured or local_secret(self.settings.key_file.parent / local_name)

    @cached_property
    def mailer(self) -> Mailer:
        return Mailer(self.settings)

    @cached_property
    def delivery(self) -> Delivery:
        """Sends the stored notifications (the referral store migrated first)."""
        self.referrals  # noqa: B018 - the notifications table must exist
        return Delivery(self.engine, self.mailer, self.settings)

    @cached_property
    def outbox(self) -> Outbox:
        return Outbox(self.settings.outbox_dir, self.secrecy)

    def start_outbox_flusher(self) -> threading.Thread:
        """Start the daemon thread that stores waiting referrals once the
        database is reachable, trying every `outbox_retry_seconds`."""
        thread = threading.Thread(target=self._flush_forever, name="outbox", daemon=True)
        thread.start()
        return thread

    def _flush_forever(self) -> None:
        stop = threading.Event()
        while not stop.wait(self.settings.outbox_retry_seconds):
            if not len(self.outbox):
                continue
            try:
                self.outbox.flush(self.referrals)
            except Exception as error:  # the database is still down: try again later
                logger.warning("outbox not flushed yet: %s", type(error).__name__)


@lru_cache(maxsize=1)
def services_from_env() -> Services:
    """This process's services, from its environment (built once)."""
    return Services(Settings.from_env())

"""The action server's referral store and outbox, built on first use (never at
import). The outbox comes with one background thread that moves its referrals
into the store once the database is reachable; actions/server.py starts it at
boot."""

from __future__ import annotations

import logging
import os
import threading
from functools import lru_cache
from pathlib import Path

from bot.database import make_engine
from bot.outbox import Outbox
from bot.referrals import ReferralStore
from bot.secrecy import secrecy_from_env

logger = logging.getLogger(__name__)

DEFAULT_OUTBOX = ".local/outbox"
RETRY_SECONDS = float(os.environ.get("OUTBOX_RETRY_SECONDS", "10"))


@lru_cache(maxsize=1)
def referral_store() -> ReferralStore:
    """The store for `DATABASE_URL` (SQLite by default), schema ensured once."""
    store = ReferralStore(make_engine(), secrecy_from_env())
    store.create_schema()
    return store


@lru_cache(maxsize=1)
def outbox() -> Outbox:
    """Referrals waiting for the database (`OUTBOX_DIR`, default .local/outbox);
    starts the thread that flushes them."""
    box = Outbox(Path(os.environ.get("OUTBOX_DIR", DEFAULT_OUTBOX)), secrecy_from_env())
    threading.Thread(target=_flush_forever, args=(box,), name="outbox", daemon=True).start()
    return box


def _flush_forever(box: Outbox) -> None:
    stop = threading.Event()
    while not stop.wait(RETRY_SECONDS):
        if not len(box):
            continue
        try:
            box.flush(referral_store())
        except Exception as error:  # the database is still down: try again later
            logger.warning("outbox not flushed yet: %s", type(error).__name__)

"""Delete the conversations of people who were not referred, after N days.

    .venv/bin/python -m scripts.purge_conversations [--days 30] [--endpoints endpoints.yml]

A conversation is kept while it has a referral (or one waiting in the outbox);
otherwise it is deleted from the tracker store once its last message is older
than `--days` (default `PURGE_AFTER_DAYS`, else 30). Run it daily (cron). Prints
how many conversations were deleted, never whose.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.domain import Domain
from rasa.utils.endpoints import read_endpoint_config

from actions.store import DEFAULT_OUTBOX
from bot.database import make_engine
from bot.outbox import Outbox
from bot.referrals import ReferralStore
from bot.secrecy import secrecy_from_env
from stores.forgetting import ForgettingSQLTrackerStore, purge_unreferred

DAY = 24 * 60 * 60


def referred_conversations() -> set[str]:
    secrecy = secrecy_from_env()
    store = ReferralStore(make_engine(), secrecy)
    store.create_schema()
    box = Outbox(Path(os.environ.get("OUTBOX_DIR", DEFAULT_OUTBOX)), secrecy)
    return store.conversation_ids() | {draft.conversation_id for _, draft in box.pending()}


def tracker_store(endpoints: str) -> ForgettingSQLTrackerStore:
    config = read_endpoint_config(endpoints, "tracker_store")
    store = TrackerStore.create(config, Domain.load("domain.yml"))
    inner = getattr(store, "_tracker_store", store)  # TrackerStore.create wraps it (Awaitable)
    if not isinstance(inner, ForgettingSQLTrackerStore):
        raise SystemExit(f"{endpoints}: the tracker store is not stores.forgetting's SQL store")
    return inner


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", type=float, default=float(os.environ.get("PURGE_AFTER_DAYS", 30)))
    parser.add_argument("--endpoints", default="endpoints.yml")
    arguments = parser.parse_args(argv)
    if arguments.days < 1:
        parser.error("--days must be at least 1: a patient may come back the next day")
    store = tracker_store(arguments.endpoints)
    keep = referred_conversations()
    deleted = purge_unreferred(store, keep, time.time() - arguments.days * DAY)
    print(f"deleted {deleted} conversation(s) not referred and older than {arguments.days:g} days")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

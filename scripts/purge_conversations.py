"""Delete the conversations of people who were not referred, after N days.

    .venv/bin/python -m scripts.purge_conversations [--days 30] [--endpoints endpoints.yml]

A conversation is kept while it has a referral (or one waiting in the outbox);
otherwise it is deleted from the tracker store once its last message is older
than `--days` (default `PURGE_AFTER_DAYS`, else 30). Run it daily (cron). Prints
how many conversations were deleted, never whose.
"""

from __future__ import annotations

import argparse
import time

from bot.services import Services
from bot.settings import Settings
from stores.private import from_endpoints, purge_unreferred

DAY = 24 * 60 * 60


def referred_conversations(services: Services) -> set[str]:
    """The conversations with a referral, stored or waiting in the outbox."""
    waiting = {draft.conversation_id for _, draft in services.outbox.pending()}
    return services.referrals.conversation_ids() | waiting


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    services = Services(Settings.from_env())
    parser.add_argument("--days", type=float, default=services.settings.purge_after_days)
    parser.add_argument("--endpoints", default="endpoints.yml")
    arguments = parser.parse_args(argv)
    if arguments.days < 1:
        parser.error("--days must be at least 1: a patient may come back the next day")
    store = from_endpoints(arguments.endpoints)
    keep = referred_conversations(services)
    deleted = purge_unreferred(store, keep, time.time() - arguments.days * DAY)
    print(f"deleted {deleted} conversation(s) not referred and older than {arguments.days:g} days")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

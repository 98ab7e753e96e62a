"""Re-encrypt all stored patient data with the current key.

Put the new Fernet key first in REFERRAL_KEYS and keep the old ones after it
(REFERRAL_KEYS=new,old), run this (with the servers' environment and endpoints
file), then drop the old keys:

    REFERRAL_KEYS=$NEW,$OLD DATABASE_URL=... .venv/bin/python -m scripts.rotate_keys \
        [--endpoints endpoints.production.yml]

Re-encrypts every referral, every referral waiting in the outbox and every
stored conversation event (also events stored before encryption existed),
and empties the tracker store's clear columns (scripts/scrub_tracker_store.py).
"""

from __future__ import annotations

import argparse

from bot.services import Services
from bot.settings import Settings
from stores.private import from_endpoints


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--endpoints", default="endpoints.yml")
    arguments = parser.parse_args(argv)
    services = Services(Settings.from_env())
    rows = services.referrals.rotate_keys()
    box = services.outbox
    drafts = list(box.pending())
    for _, draft in drafts:
        box.put(draft)  # written again with the current key
    tracker_store = from_endpoints(arguments.endpoints)
    events = tracker_store.reseal_events()
    scrubbed = tracker_store.scrub_clear_columns()
    print(
        f"re-encrypted {rows} referral(s), {len(drafts)} outbox referral(s) "
        f"and {events} conversation event(s); scrubbed {scrubbed} event row(s)"
    )


if __name__ == "__main__":
    main()

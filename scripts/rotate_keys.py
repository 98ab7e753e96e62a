"""Re-encrypt all stored contact details with the current key.

Put the new Fernet key first in REFERRAL_KEYS and keep the old ones after it
(REFERRAL_KEYS=new,old), run this, then drop the old keys:

    REFERRAL_KEYS=$NEW,$OLD DATABASE_URL=... .venv/bin/python -m scripts.rotate_keys

Re-encrypts every referral and every referral waiting in the outbox.
"""

from __future__ import annotations

import os
from pathlib import Path

from actions.store import DEFAULT_OUTBOX
from bot.database import make_engine
from bot.outbox import Outbox
from bot.referrals import ReferralStore
from bot.secrecy import secrecy_from_env


def main() -> None:
    secrecy = secrecy_from_env()
    store = ReferralStore(make_engine(), secrecy)
    store.create_schema()
    rows = store.rotate_keys()
    box = Outbox(Path(os.environ.get("OUTBOX_DIR", DEFAULT_OUTBOX)), secrecy)
    drafts = list(box.pending())
    for _, draft in drafts:
        box.put(draft)  # written again with the current key
    print(f"re-encrypted {rows} referral(s) and {len(drafts)} outbox referral(s)")


if __name__ == "__main__":
    main()

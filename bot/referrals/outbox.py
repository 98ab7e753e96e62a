"""Referrals that could not reach the database yet, kept on local disk.

When the referral store is unavailable, the draft is written here (one file per
conversation, written atomically) and `flush` moves it into the store once the
database is back. Saving is idempotent per conversation, and a file is removed
only after its referral is stored, so a referral is never lost and never
stored twice, whatever fails in between.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from bot.referrals.codec import from_json, to_json
from bot.referrals.model import ReferralDraft
from bot.referrals.secrecy import Secrecy
from bot.referrals.store import ReferralStore

logger = logging.getLogger(__name__)


class Outbox:
    """A directory of pending referral drafts, one encrypted file per conversation."""

    def __init__(self, directory: Path, secrecy: Secrecy) -> None:
        self.directory = directory
        self._secrecy = secrecy

    def _path(self, conversation_id: str) -> Path:
        # Hashed: a conversation id is never a path, and names leak nothing.
        digest = hashlib.sha256(conversation_id.encode()).hexdigest()[:32]
        return self.directory / f"{digest}.json"

    def put(self, draft: ReferralDraft) -> None:
        """Keep the draft durably (write, fsync, rename); a newer draft of the
        same conversation replaces the older one."""
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        final = self._path(draft.conversation_id)
        partial = final.with_suffix(".partial")
        with partial.open("w", encoding="utf-8") as file:
            file.write(self._secrecy.seal(to_json(draft)) or "")
            file.flush()
            os.fsync(file.fileno())
        os.chmod(partial, 0o600)
        partial.replace(final)

    def discard(self, conversation_id: str) -> None:
        """Forget a waiting referral (the patient asked to delete their data)."""
        self._path(conversation_id).unlink(missing_ok=True)

    def pending(self) -> Iterator[tuple[Path, ReferralDraft]]:
        if not self.directory.is_dir():
            return
        for path in sorted(self.directory.glob("*.json")):
            plain = self._secrecy.open(path.read_text(encoding="utf-8")) or "{}"
            yield path, from_json(ReferralDraft, plain)

    def flush(self, store: ReferralStore) -> int:
        """Store every pending draft; return how many were stored. Stops at the
        first failure (the database is still down) and leaves the rest."""
        stored = 0
        for path, draft in self.pending():
            store.add(draft)  # raises while the database is down
            path.unlink()
            stored += 1
        if stored:
            logger.info("outbox: %d referral(s) stored", stored)
        return stored

    def __len__(self) -> int:
        return len(list(self.directory.glob("*.json"))) if self.directory.is_dir() else 0

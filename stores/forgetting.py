"""Rasa's SQL tracker store, able to forget a conversation on the patient's request.

Rasa saves a tracker by appending the in-memory events it has not stored yet,
so rows deleted by anyone else would simply be written again. Deleting is done
here instead, at save time: when the latest turn holds the slot event
`data_deleted = true` (set by action_delete_my_data once the referral side is
deleted), every stored event of that sender is removed and nothing of the turn
is written. The next message starts a new, empty conversation.

`purge_unreferred` deletes, in bulk, the conversations of people who were not
referred once they are older than the retention period
(scripts/purge_conversations.py).
"""

from __future__ import annotations

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import func

FORGET_SLOT = "data_deleted"


def asked_to_forget(tracker: DialogueStateTracker) -> bool:
    """True when the latest turn (events after the last user message) deleted
    the patient's data."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, SlotSet) and event.key == FORGET_SLOT and event.value is True:
            return True
    return False


class ForgettingSQLTrackerStore(SQLTrackerStore):
    async def save(self, tracker: DialogueStateTracker) -> None:
        if not asked_to_forget(tracker):
            await super().save(tracker)
            return
        with self.session_scope() as session:
            session.query(self.SQLEvent).filter(
                self.SQLEvent.sender_id == tracker.sender_id
            ).delete(synchronize_session=False)
            session.commit()


def purge_unreferred(store: SQLTrackerStore, keep: set[str], before: float) -> int:
    """Delete the stored conversations whose last event is older than `before`
    (a Unix timestamp) and whose sender is not in `keep` (the referred); returns
    how many conversations were deleted."""
    events = store.SQLEvent
    with store.session_scope() as session:
        last_seen = (
            session.query(events.sender_id)
            .group_by(events.sender_id)
            .having(func.max(events.timestamp) < before)
        )
        stale = [sender for (sender,) in last_seen if sender not in keep]
        for start in range(0, len(stale), 500):  # bounded IN lists
            session.query(events).filter(events.sender_id.in_(stale[start : start + 500])).delete(
                synchronize_session=False
            )
        session.commit()
    return len(stale)

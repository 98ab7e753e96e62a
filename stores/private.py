"""Rasa's SQL tracker store, kept private: encrypted at rest, owner-only
files, and able to forget a conversation on the patient's request.

Encrypted: each event's JSON (the patient's words, names, phone numbers,
answers) is stored as a Fernet token with the referrals' keys
(`REFERRAL_KEYS`, bot/referrals/secrecy.py), so the `data` column holds no
readable patient data; rows written before encryption (plain JSON) are still
read, and `reseal_events` (scripts/rotate_keys.py) re-encrypts every row with
the current key. Only sender ids, times and which rows start a session stay
readable (the purge and Rasa's session logic need them): Rasa's clear columns
would tell the content too (the intent of each message and the name of each
slot set, so "affirm", then `hiv_or_syphilis`, then `confirmed_exclusion` tell
an exclusion without the key), so `intent_name` and `action_name` are left
empty and `type_name` is `session_started` or `event`. `scrub_clear_columns`
empties them in rows written before (scripts/scrub_tracker_store.py; scripts/run
runs it at start). A SQLite file is created readable by its owner only.

Forgetting: Rasa saves a tracker by appending the in-memory events it has not
stored yet, so rows deleted by anyone else would simply be written again.
Deleting is done here instead, at save time: when the latest turn holds the
slot event `data_deleted = true` (set by action_delete_my_data once the
referral side is deleted), every stored event of that sender is removed and
nothing of the turn is written. The next message starts a new, empty
conversation.

`purge_unreferred` deletes, in bulk, the conversations of people who were not
referred once they are older than the retention period
(scripts/purge_conversations.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config
from sqlalchemy import case, func, or_, select, update

from bot.private_files import create_private_file
from bot.referrals.secrecy import Secrecy, secrecy_for
from bot.settings import DOMAIN_FILE, Settings
from stores.events import events_from

FORGET_SLOT = "data_deleted"
RESEAL_BATCH = 500
SESSION_START: str = SessionStarted.type_name
SEALED_TYPE = "event"
"""The `type_name` of every stored event but a session's start."""


def clear_type(type_name: str) -> str:
    """What the clear `type_name` column says of an event: only whether it starts a session."""
    return SESSION_START if type_name == SESSION_START else SEALED_TYPE


def asked_to_forget(tracker: DialogueStateTracker) -> bool:
    """True when the latest turn (events after the last user message) deleted
    the patient's data."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, SlotSet) and event.key == FORGET_SLOT and event.value is True:
            return True
    return False


class PrivateSQLTrackerStore(SQLTrackerStore):
    """Takes the options of Rasa's SQL tracker store (endpoints.yml)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        database = kwargs.get("db", "rasa.db")
        if kwargs.get("dialect", "sqlite") == "sqlite" and Path(database).parent.is_dir():
            create_private_file(database)  # before SQLite creates it world-readable
        self.secrecy: Secrecy = secrecy_for(Settings.from_env())
        super().__init__(*args, **kwargs)

    def seal(self, event: dict[str, Any]) -> str:
        return self.secrecy.seal(json.dumps(event)) or ""

    def open(self, data: str) -> dict[str, Any]:
        """An event as stored: a token, or plain JSON from before encryption."""
        plain = data if data.startswith("{") else self.secrecy.open(data) or "{}"
        event: dict[str, Any] = json.loads(plain)
        return event

    async def save(self, tracker: DialogueStateTracker) -> None:
        if asked_to_forget(tracker):
            self._forget(tracker.sender_id)
            return
        # As SQLTrackerStore.save, with each event's data sealed.
        await self.stream_events(tracker)
        with self.session_scope() as session:
            for event in self._additional_events(session, tracker):
                data = event.as_dict()
                session.add(
                    self.SQLEvent(
                        sender_id=tracker.sender_id,
                        type_name=clear_type(event.type_name),
                        timestamp=data.get("timestamp"),
                        intent_name=None,
                        action_name=None,
                        data=self.seal(data),
                    )
                )
            session.commit()

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        # As SQLTrackerStore._retrieve, with each event's data opened (and
        # DialogueStateTracker.from_dict's deserialising without its search).
        with self.session_scope() as session:
            rows = self._event_query(session, sender_id, fetch_events_from_all_sessions).all()
            events = [self.open(row.data) for row in rows]
        if not (self.domain and events):
            return None
        return DialogueStateTracker.from_events(sender_id, events_from(events), self.domain.slots)

    def _forget(self, sender_id: str) -> None:
        with self.session_scope() as session:
            session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id).delete(
                synchronize_session=False
            )
            session.commit()

    def reseal_events(self) -> int:
        """Encrypt every stored event with the current key (plain rows too);
        returns how many events were re-encrypted."""
        events, done, last_id = self.SQLEvent, 0, 0
        while True:
            with self.session_scope() as session:
                rows = session.execute(
                    select(events).where(events.id > last_id).order_by(events.id)
                    .limit(RESEAL_BATCH)
                ).scalars().all()  # fmt: skip
                if not rows:
                    return done
                for row in rows:
                    row.data = self.seal(self.open(row.data))
                session.commit()
                done, last_id = done + len(rows), rows[-1].id

    def scrub_clear_columns(self) -> int:
        """Empty the clear columns of rows written before they were kept empty
        (intent and action names, event types but a session's start); returns
        how many rows changed. One statement: safe beside a running Rasa."""
        events = self.SQLEvent
        with self.session_scope() as session:
            changed = session.execute(
                update(events)
                .where(or_(events.intent_name.is_not(None), events.action_name.is_not(None),
                           events.type_name.not_in([SESSION_START, SEALED_TYPE])))
                .values(intent_name=None, action_name=None,
                        type_name=case((events.type_name == SESSION_START, SESSION_START),
                                       else_=SEALED_TYPE))
            ).rowcount  # fmt: skip
            session.commit()
        return int(changed or 0)


def from_endpoints(endpoints: str) -> PrivateSQLTrackerStore:
    """The tracker store an endpoints file configures; exits if it is not this one."""
    config = read_endpoint_config(endpoints, "tracker_store")
    store = TrackerStore.create(config, Domain.load(str(DOMAIN_FILE)))
    inner = getattr(store, "_tracker_store", store)  # TrackerStore.create wraps it (Awaitable)
    if not isinstance(inner, PrivateSQLTrackerStore):
        raise SystemExit(f"{endpoints}: the tracker store is not stores.private's SQL store")
    return inner


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

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from cryptography.fernet import Fernet, InvalidToken
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.settings import DOMAIN_FILE
from stores.private import PrivateSQLTrackerStore, asked_to_forget, purge_unreferred

DOMAIN = Domain.load(str(DOMAIN_FILE))


def store(tmp_path: Path) -> PrivateSQLTrackerStore:
    return PrivateSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa.db"))


def conversation(sender: str) -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender, DOMAIN.slots)
    tracker.update(UserUttered("I'm 45", {"name": "inform"}))
    tracker.update(SlotSet("birth", "1980-11-26/1981-11-25"))
    return tracker


async def test_a_delete_request_removes_every_stored_event_of_that_sender(tmp_path: Path) -> None:
    trackers = store(tmp_path)
    patient, other = conversation("patient"), conversation("other")
    await trackers.save(patient)
    await trackers.save(other)

    patient.update(UserUttered("delete my data", {"name": "delete_my_data"}))
    patient.update(ActionExecuted("action_delete_my_data"))
    patient.update(SlotSet("data_deleted", True))
    await trackers.save(patient)

    assert await trackers.retrieve("patient") is None
    kept = await trackers.retrieve("other")
    assert kept is not None and kept.get_slot("birth") == "1980-11-26/1981-11-25"


async def test_a_later_turn_is_saved_as_usual(tmp_path: Path) -> None:
    trackers = store(tmp_path)
    patient = conversation("patient")
    await trackers.save(patient)
    patient.update(UserUttered("no", {"name": "deny"}))
    patient.update(SlotSet("car_t", "no"))
    await trackers.save(patient)

    saved = await trackers.retrieve("patient")
    assert saved is not None and saved.get_slot("car_t") == "no"


def test_only_the_latest_turn_counts() -> None:
    tracker = conversation("p")
    tracker.update(SlotSet("data_deleted", True))
    assert asked_to_forget(tracker)
    tracker.update(UserUttered("hi", {"name": "greet"}))
    assert not asked_to_forget(tracker)


DAY = 24 * 60 * 60
NOW = 1_800_000_000.0


def conversation_at(sender: str, when: float) -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender, DOMAIN.slots)
    tracker.update(UserUttered("I'm 45", {"name": "inform"}, timestamp=when - 60))
    tracker.update(SlotSet("birth", "1980-11-26/1981-11-25", timestamp=when))
    return tracker


async def test_purge_deletes_only_old_conversations_that_were_not_referred(
    tmp_path: Path,
) -> None:
    trackers = store(tmp_path)
    await trackers.save(conversation_at("old-not-referred", NOW - 31 * DAY))
    await trackers.save(conversation_at("old-referred", NOW - 400 * DAY))
    await trackers.save(conversation_at("recent", NOW - 29 * DAY))
    came_back = conversation_at("came-back", NOW - 90 * DAY)
    came_back.update(UserUttered("hi again", {"name": "greet"}, timestamp=NOW - DAY))
    await trackers.save(came_back)

    deleted = purge_unreferred(trackers, keep={"old-referred"}, before=NOW - 30 * DAY)

    assert deleted == 1
    assert await trackers.retrieve("old-not-referred") is None
    for kept in ("old-referred", "recent", "came-back"):
        assert await trackers.retrieve(kept) is not None, kept
    assert purge_unreferred(trackers, keep={"old-referred"}, before=NOW - 30 * DAY) == 0


# --- private at rest ------------------------------------------------------------


def private_conversation(sender: str) -> DialogueStateTracker:
    tracker = conversation(sender)
    tracker.update(UserUttered("my name is Zhao Qingyun", {"name": "inform"}))
    tracker.update(SlotSet("contact_name", "Zhao Qingyun"))
    tracker.update(UserUttered("13900139000", {"name": "inform"}))
    tracker.update(SlotSet("contact_phone", "+8613900139000"))
    return tracker


async def test_no_words_name_or_answer_is_readable_in_the_database_file(tmp_path: Path) -> None:
    trackers = store(tmp_path)
    await trackers.save(private_conversation("patient"))
    trackers.engine.dispose()

    raw = (tmp_path / "rasa.db").read_bytes()
    for secret in ("Zhao", "Qingyun", "13900139000", "I'm 45", "1980-11-26", "my name is"):
        assert secret.encode() not in raw
    assert b"patient" in raw  # what is not sealed (sender, event type) stays queryable
    retrieved = await trackers.retrieve("patient")
    assert retrieved is not None and retrieved.get_slot("contact_name") == "Zhao Qingyun"


def test_the_database_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    store(tmp_path)
    assert (tmp_path / "rasa.db").stat().st_mode & 0o777 == 0o600


def test_an_existing_world_readable_file_is_narrowed(tmp_path: Path) -> None:
    (tmp_path / "rasa.db").touch(mode=0o644)
    store(tmp_path)
    assert (tmp_path / "rasa.db").stat().st_mode & 0o777 == 0o600


async def test_a_conversation_stored_before_encryption_is_read_and_resealed(
    tmp_path: Path,
) -> None:
    trackers = store(tmp_path)
    await trackers.save(private_conversation("patient"))
    with trackers.session_scope() as session:  # as an older release stored it: plain JSON
        for row in session.query(trackers.SQLEvent):
            row.data = json.dumps(trackers.open(row.data))
        session.commit()
    trackers.engine.dispose()
    assert b"Qingyun" in (tmp_path / "rasa.db").read_bytes()

    assert trackers.reseal_events() == len(private_conversation("patient").events)
    trackers.engine.dispose()

    assert b"Qingyun" not in (tmp_path / "rasa.db").read_bytes()
    retrieved = await trackers.retrieve("patient")
    assert retrieved is not None and retrieved.get_slot("contact_phone") == "+8613900139000"


async def test_rotation_moves_every_event_to_the_new_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setenv("REFERRAL_KEYS", old)
    await store(tmp_path).save(private_conversation("patient"))

    monkeypatch.setenv("REFERRAL_KEYS", f"{new},{old}")
    store(tmp_path).reseal_events()

    monkeypatch.setenv("REFERRAL_KEYS", new)
    retrieved = await store(tmp_path).retrieve("patient")
    assert retrieved is not None and retrieved.get_slot("contact_name") == "Zhao Qingyun"
    monkeypatch.setenv("REFERRAL_KEYS", old)
    with pytest.raises(InvalidToken):
        await store(tmp_path).retrieve("patient")


def clear_columns(tmp_path: Path) -> set[tuple[object, ...]]:
    with sqlite3.connect(tmp_path / "rasa.db") as db:
        return set(db.execute("SELECT type_name, intent_name, action_name FROM events"))


def telling_conversation(sender: str) -> DialogueStateTracker:
    """A confirmed exclusion, as Rasa's clear columns would have told it."""
    tracker = DialogueStateTracker(sender, DOMAIN.slots)
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    tracker.update(UserUttered("yes", {"name": "affirm"}))
    tracker.update(ActionExecuted("prescreen_form"))
    tracker.update(SlotSet("hiv_or_syphilis", "yes"))
    tracker.update(SlotSet("confirmed_exclusion", "hiv_or_syphilis=yes"))
    return tracker


async def test_the_clear_columns_tell_nothing_but_where_a_session_starts(tmp_path: Path) -> None:
    trackers = store(tmp_path)
    await trackers.save(telling_conversation("patient"))

    assert clear_columns(tmp_path) == {("session_started", None, None), ("event", None, None)}
    saved = await trackers.retrieve("patient")
    assert saved is not None and saved.get_slot("confirmed_exclusion") == "hiv_or_syphilis=yes"
    # from the session's start on, as Rasa's own store reads it
    assert [e.type_name for e in saved.events] == [
        e.type_name for e in list(telling_conversation("patient").events)[1:]
    ]


async def test_a_new_session_still_starts_from_its_own_events(tmp_path: Path) -> None:
    trackers = store(tmp_path)
    tracker = telling_conversation("patient")
    await trackers.save(tracker)
    tracker.update(
        ActionExecuted("action_session_start", timestamp=tracker.events[-1].timestamp + 10)
    )
    tracker.update(SessionStarted(timestamp=tracker.events[-1].timestamp + 10))
    await trackers.save(tracker)

    latest = await trackers.retrieve("patient")
    assert latest is not None and latest.get_slot("hiv_or_syphilis") is None  # the old session's


async def test_rows_written_with_rasas_clear_columns_are_scrubbed_and_still_read(
    tmp_path: Path,
) -> None:
    rasas = SQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa.db"))
    await rasas.save(telling_conversation("patient"))
    assert ("event", None, None) not in clear_columns(tmp_path)  # Rasa's own: telling

    trackers = store(tmp_path)
    assert trackers.scrub_clear_columns() == 5  # all but the session start
    assert trackers.scrub_clear_columns() == 0

    assert clear_columns(tmp_path) == {("session_started", None, None), ("event", None, None)}
    saved = await trackers.retrieve("patient")
    assert saved is not None and saved.get_slot("hiv_or_syphilis") == "yes"

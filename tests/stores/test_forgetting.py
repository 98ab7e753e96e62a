from __future__ import annotations

from pathlib import Path

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from stores.forgetting import ForgettingSQLTrackerStore, asked_to_forget, purge_unreferred

DOMAIN = Domain.load("domain.yml")


def store(tmp_path: Path) -> ForgettingSQLTrackerStore:
    return ForgettingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa.db"))


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

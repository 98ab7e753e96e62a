from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from bot.protocol.contradictions import Flag, FlagKind
from bot.protocol.eligibility import evaluate
from bot.referrals.database import make_engine
from bot.referrals.model import Request, draft_from_screening
from bot.referrals.outbox import Outbox
from bot.referrals.store import ReferralStore
from bot.settings import Settings
from tests.bot.referrals.test_store import CONTACT, ELIGIBLE, SLOTS, TODAY
from tests.support.stores import SECRECY, store_at


def draft(conversation_id: str, request: Request = Request.SCREENING):  # type: ignore[no-untyped-def]
    return draft_from_screening(conversation_id, evaluate(ELIGIBLE, TODAY), SLOTS, CONTACT, request)


def down_store(tmp_path: Path) -> ReferralStore:
    """A store whose database cannot be opened."""
    return ReferralStore(
        make_engine(Settings(database_url=f"sqlite:///{tmp_path}/no/such/dir/referrals.db")),
        SECRECY,
    )


def test_a_kept_draft_comes_back_unchanged(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox", SECRECY)
    box.put(draft("c-1", Request.CALLBACK))

    [(_, kept)] = list(box.pending())
    assert kept == draft("c-1", Request.CALLBACK)
    assert kept.criteria[0].until is None and kept.rescreen_date is None


def test_a_kept_draft_keeps_its_flags(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox", SECRECY)
    flagged = replace(draft("c-1"), flags=(Flag(FlagKind.CHANGED, "car_t", "yes -> no"),))
    box.put(flagged)

    assert [kept for _, kept in box.pending()] == [flagged]


def test_one_file_per_conversation_the_newest_kept(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox", SECRECY)
    box.put(draft("c-1"))
    box.put(draft("c-1", Request.CALLBACK))
    box.put(draft("c-2"))

    assert len(box) == 2
    assert {d.request for _, d in box.pending()} == {Request.CALLBACK, Request.SCREENING}
    assert not any("c-1" in p.name for p, _ in box.pending())  # ids never in file names


def test_flush_while_the_database_is_down_keeps_everything(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox", SECRECY)
    box.put(draft("c-1"))

    with pytest.raises(OperationalError):
        box.flush(down_store(tmp_path))
    assert len(box) == 1


def test_flush_stores_each_referral_exactly_once(tmp_path: Path) -> None:
    store = store_at(f"sqlite:///{tmp_path / 'referrals.db'}")
    store.save(draft("c-1"))  # stored before, e.g. a flush that died before unlinking
    box = Outbox(tmp_path / "outbox", SECRECY)
    box.put(draft("c-1"))
    box.put(draft("c-2"))

    assert box.flush(store) == 2
    assert box.flush(store) == 0
    assert sorted(r.conversation_id for r in store.list()) == ["c-1", "c-2"]
    assert len(box) == 0


def test_drafts_keep_their_dates(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox", SECRECY)
    deferred = draft("c-1")
    deferred = type(deferred)(**{**deferred.__dict__, "rescreen_date": date(2027, 1, 2)})
    box.put(deferred)

    assert next(box.pending())[1].rescreen_date == date(2027, 1, 2)


def test_kept_drafts_are_encrypted_on_disk(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox", SECRECY)
    box.put(draft("c-1"))

    [path] = (tmp_path / "outbox").glob("*.json")
    on_disk = path.read_text()
    assert CONTACT.name not in on_disk and "+8613800138000" not in on_disk
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_waiting_referral_can_be_discarded(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox", SECRECY)
    box.put(draft("c-1"))
    box.put(draft("c-2"))
    box.discard("c-1")
    box.discard("never-there")

    assert [d.conversation_id for _, d in box.pending()] == ["c-2"]

"""The purge command on real files: a tracker store, a referral store, an outbox."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bot.referrals.outbox import Outbox
from scripts.purge_conversations import main
from stores.private import PrivateSQLTrackerStore
from tests.bot.referrals.test_outbox import draft
from tests.stores.test_private import DAY, DOMAIN, conversation_at
from tests.support.stores import SECRECY, store_at


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'referrals.db'}")
    monkeypatch.setenv("OUTBOX_DIR", str(tmp_path / "outbox"))
    (tmp_path / "endpoints.yml").write_text(
        "tracker_store:\n  type: stores.private.PrivateSQLTrackerStore\n"
        f"  dialect: sqlite\n  db: {tmp_path / 'rasa.db'}\n"
    )
    return tmp_path


async def test_old_conversations_without_a_referral_are_deleted(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    trackers = PrivateSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(site / "rasa.db"))
    old = time.time() - 40 * DAY
    for sender in ("referred", "waiting-in-outbox", "not-referred"):
        await trackers.save(conversation_at(sender, old))
    await trackers.save(conversation_at("this-week", time.time() - 2 * DAY))
    referrals = store_at(f"sqlite:///{site / 'referrals.db'}")
    referrals.save(draft("referred"))
    Outbox(site / "outbox", SECRECY).put(draft("waiting-in-outbox"))

    assert main(["--days", "30", "--endpoints", str(site / "endpoints.yml")]) == 0

    assert await trackers.retrieve("not-referred") is None
    for kept in ("referred", "waiting-in-outbox", "this-week"):
        assert await trackers.retrieve(kept) is not None, kept
    printed = capsys.readouterr().out
    assert printed == "deleted 1 conversation(s) not referred and older than 30 days\n"


def test_a_retention_under_a_day_is_refused(site: Path) -> None:
    with pytest.raises(SystemExit):
        main(["--days", "0.5", "--endpoints", str(site / "endpoints.yml")])

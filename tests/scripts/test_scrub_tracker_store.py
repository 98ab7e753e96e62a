"""The scrub command on a real tracker store written by Rasa's own SQL store."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.core.tracker_store import SQLTrackerStore

from scripts.scrub_tracker_store import main
from tests.stores.test_private import DOMAIN, clear_columns, telling_conversation


async def test_the_command_scrubs_the_tracker_store_of_the_endpoints_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        "tracker_store:\n  type: stores.private.PrivateSQLTrackerStore\n"
        f"  dialect: sqlite\n  db: {tmp_path / 'rasa.db'}\n"
    )
    rasas = SQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "rasa.db"))
    await rasas.save(telling_conversation("patient"))

    main(["--endpoints", str(endpoints)])
    main(["--endpoints", str(endpoints)])

    assert clear_columns(tmp_path) == {("session_started", None, None), ("event", None, None)}
    assert capsys.readouterr().out.splitlines() == [
        "tracker store: 5 row(s) scrubbed of their clear intent, action and type",
        "tracker store: 0 row(s) scrubbed of their clear intent, action and type",
    ]

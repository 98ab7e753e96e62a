"""One real action server and one real Rasa server (REST channel, SQLite) per
test session, on free ports, each with its own databases in a temp directory."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.referrals.store import ReferralStore
from harness.servers import BIN, ROOT, ActionServer, RasaServer, free_port
from tests.support.logs import faults_in
from tests.support.stores import TEST_KEY, store_at

MODEL = ROOT / "models" / "prescreen.tar.gz"


@pytest.fixture(scope="session")
def model() -> Path:
    """The trained model; trained here if scripts/test has not done it."""
    if not MODEL.exists():
        subprocess.run(
            [str(BIN / "rasa"), "train", "--fixed-model-name", "prescreen", "--out", "models"],
            cwd=ROOT, env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"}, check=True,
        )  # fmt: skip
    return MODEL


@pytest.fixture(scope="session")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("e2e")


@pytest.fixture(scope="session")
def actions(workdir: Path) -> Iterator[ActionServer]:
    with ActionServer(free_port(), workdir, TEST_KEY) as server:
        yield server
    assert faults_in(server.log) == []  # its stop included


@pytest.fixture(scope="session")
def rasa(workdir: Path, model: Path, actions: ActionServer) -> Iterator[RasaServer]:
    with RasaServer(free_port(), workdir, model, actions.webhook, TEST_KEY) as server:
        yield server
    # Not checked after its stop: with a WebSocket still open then, Sanic 21.12
    # can leave its frame reader's task pending, which asyncio logs as an ERROR
    # at exit (seen once in the browser step). The tests check it while it runs.


@pytest.fixture(scope="session")
def referrals(workdir: Path) -> ReferralStore:
    """The store the action server writes to, read as staff would."""
    return store_at(f"sqlite:///{workdir / 'referrals.db'}")

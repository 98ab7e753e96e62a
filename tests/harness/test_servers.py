"""How the harness starts Rasa: as scripts/run does, its HTTP API off unless
a token of its own guards it."""

from __future__ import annotations

from pathlib import Path

from bot.settings import Settings
from harness.servers import RasaServer
from scripts.export_stories import ApiRasaServer
from scripts.serve import servers


def test_rasa_runs_without_its_http_api_by_default(tmp_path: Path) -> None:
    rasa = RasaServer(5005, tmp_path, tmp_path / "model.tar.gz", "http://actions", "key")
    assert "--enable-api" not in rasa.command()
    embedded, *_ = servers(5005, 5055, Settings())
    assert "--enable-api" not in embedded.command  # scripts/run


def test_a_run_that_enables_the_api_gives_it_its_own_token(tmp_path: Path) -> None:
    api = ApiRasaServer(5005, tmp_path, tmp_path / "model.tar.gz", "http://actions", "key")
    command = api.command()
    assert "--enable-api" in command
    token = command[command.index("--auth-token") + 1]
    assert token == api.api_token and len(token) >= 32
    assert token not in api.env.values()  # not one of the servers' other secrets

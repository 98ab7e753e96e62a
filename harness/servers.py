"""Start the real action server and Rasa server as subprocesses (for the
tests, the dialogue-test runner and the benchmark).

Each process logs to a file in its work directory (the tests read these logs);
readiness is polled over HTTP, never slept for.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import requests

from bot.settings import PROJECT_ROOT

ROOT = PROJECT_ROOT
BIN = Path(sys.executable).parent
SERVERS_LOOKUP_KEY = "servers-lookup-key"
"""The contact lookup key of the servers started here (tests, benchmark)."""
SERVERS_AUDIT_KEY = "servers-audit-key"
"""The audit log's key of the inboxes started here."""
SERVERS_ACTION_TOKEN = secrets.token_urlsafe(32)
"""The secret the Rasa servers started here send their action servers (one
per test process: a test that forges requests holds it, or not)."""
SERVERS_REST_TOKEN = secrets.token_urlsafe(32)
"""The REST channel's server credential of the Rasa servers started here."""
REST_HEADERS = {"Authorization": f"Bearer {SERVERS_REST_TOKEN}"}
"""What a holder of that credential sends with each REST message."""
SERVERS_CONVERSATION_KEY = secrets.token_urlsafe(32)
"""The website chat's conversation key of the Rasa servers started here: a
test that knows it can tell a browser's conversation id from its secret."""
ACTION_HEADERS = "  headers:\n    Authorization: Bearer ${ACTION_SERVER_TOKEN}\n"
"""An endpoints file's action-endpoint headers, as the shipped ones have them."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """A subprocess that answers `ready_path` on `port` once it is up."""

    ready_path = "/"
    start_timeout = 240.0

    def __init__(self, name: str, port: int, workdir: Path, env: dict[str, str]) -> None:
        self.name, self.port, self.workdir = name, port, workdir
        self.env = {
            **os.environ, "RASA_TELEMETRY_ENABLED": "false",
            "ACTION_SERVER_TOKEN": SERVERS_ACTION_TOKEN, "REST_TOKEN": SERVERS_REST_TOKEN,
            "CONVERSATION_KEY": SERVERS_CONVERSATION_KEY,
            **env,
        }  # fmt: skip
        self.log = workdir / f"{name}.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        raise NotImplementedError

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                self.command(), cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited: see {self.log}")
            try:
                if requests.get(self.url + self.ready_path, timeout=2).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise TimeoutError(f"{self.name} not ready after {self.start_timeout}s: see {self.log}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> Any:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


class ActionServer(Server):
    ready_path = "/health"

    def __init__(
        self, port: int, workdir: Path, keys: str, database_url: str | None = None
    ) -> None:
        url = database_url or f"sqlite:///{workdir / 'referrals.db'}"
        env = {
            "REFERRAL_KEYS": keys,
            "OUTBOX_DIR": str(workdir / "outbox"),
            "DATABASE_URL": url,
            # Its own lookup key: a test server never makes the embedded run's key file.
            "CONTACT_LOOKUP_KEY": SERVERS_LOOKUP_KEY,
        }
        super().__init__("actions", port, workdir, env)

    @property
    def webhook(self) -> str:
        return self.url + "/webhook"

    def command(self) -> list[str]:
        return [str(BIN / "python"), "-m", "actions.server", "--actions", "actions",
                "--port", str(self.port)]  # fmt: skip


class RasaServer(Server):
    """`rasa run` as scripts/run starts it: the channels only. With an
    `api_token`, Rasa's HTTP API is on too, and every call to it must carry
    that token (`?token=`): the API reads, rewrites and deletes any
    conversation by its id, so it is never on without its own token."""

    api_token: str | None = None

    def __init__(self, port: int, workdir: Path, model: Path, action_url: str, keys: str) -> None:
        super().__init__("rasa", port, workdir, {"REFERRAL_KEYS": keys})
        self.model = model
        self.endpoints = workdir / "endpoints.yml"
        self.endpoints.write_text(
            f"action_endpoint:\n  url: {action_url}\n  enable_selective_domain: true\n"
            f"{ACTION_HEADERS}"
            "tracker_store:\n  type: stores.private.PrivateSQLTrackerStore\n"
            f"  dialect: sqlite\n  db: {workdir / 'rasa.db'}\n"
        )

    def command(self) -> list[str]:
        api = ["--enable-api", "--auth-token", self.api_token] if self.api_token else []
        return [str(BIN / "rasa"), "run", "--model", str(self.model),
                "--endpoints", str(self.endpoints), "--credentials", "credentials.yml",
                "--port", str(self.port), *api]  # fmt: skip

    def say(self, sender: str, text: str) -> list[dict[str, Any]]:
        """One patient message over the REST channel (with its credential);
        the bot's replies."""
        response = requests.post(
            self.url + "/webhooks/rest/webhook",
            json={"sender": sender, "message": text},
            headers=REST_HEADERS,
            timeout=60,
        )
        response.raise_for_status()
        replies: list[dict[str, Any]] = response.json()
        return replies


class InboxServer(Server):
    """The coordinators' inbox (`python -m inbox serve`) on the referral store
    at `database_url`, with the servers' keys; `env` adds or overrides settings."""

    ready_path = "/login"

    def __init__(
        self,
        port: int,
        workdir: Path,
        keys: str,
        database_url: str | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        settings = {
            "REFERRAL_KEYS": keys,
            "DATABASE_URL": database_url or f"sqlite:///{workdir / 'referrals.db'}",
            "CONTACT_LOOKUP_KEY": SERVERS_LOOKUP_KEY,
            "AUDIT_KEY": SERVERS_AUDIT_KEY,
            "INBOX_SECRET": secrets.token_urlsafe(32),
            "INBOX_HOST": "127.0.0.1",
            "INBOX_PORT": str(port),
            **(env or {}),
        }
        super().__init__("inbox", port, workdir, settings)

    def command(self) -> list[str]:
        return [str(BIN / "python"), "-m", "inbox", "serve"]

"""Run the whole assistant on the embedded default (SQLite), as `scripts/run`
does once it has set up: the action server and the coordinators' inbox start
while the model trains (when the data changed) and the tracker store's older
rows are scrubbed (scripts/scrub_tracker_store.py), then Rasa loads the model;
each step is named with its time, and the addresses are printed once all
answer. Then the conversations of people not referred are purged, at once and
daily (scripts/purge_conversations.py).

Each process's whole output goes to `.local/logs/<name>.log`; the terminal
shows its warnings and errors, without the known noise of our dependencies
(scripts/terminal.py). Ctrl-C stops them all. A process that exits on its own
stops the others, and the run fails with its name.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import requests

from bot.services import Services
from bot.settings import PROJECT_ROOT, Settings, inbox_address
from scripts.terminal import COLOUR, LOG_RECORD, Steps, copy

LOGS = PROJECT_ROOT / ".local" / "logs"
BIN = Path(sys.executable).parent
QUIET_LEVELS = (" DEBUG ", " INFO ")


def on_screen(line: str) -> bool:
    """Warnings, errors and anything that is not a log record (a traceback);
    Rasa's last words after training."""
    if LOG_RECORD.match(COLOUR.sub("", line)):
        return not any(level in line[:40] for level in QUIET_LEVELS)
    return True


@dataclass
class Process:
    """One of the product's processes, its output logged and filtered to the screen."""

    name: str
    command: list[str]
    ready_url: str | None = None
    popen: subprocess.Popen[str] | None = None

    @property
    def log(self) -> Path:
        return LOGS / f"{self.name}.log"

    def start(self) -> None:
        self.log.unlink(missing_ok=True)
        self.popen = subprocess.Popen(
            self.command, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, bufsize=1, start_new_session=True,
        )  # fmt: skip
        threading.Thread(target=self.relay, daemon=True).start()

    def relay(self) -> None:
        """Copy the output to the log, and what is worth seeing to the screen."""
        assert self.popen and self.popen.stdout
        copy(self.popen.stdout, sys.stdout, self.log, prefix=f"  {self.name}: ", keep=on_screen)

    def exited(self) -> int | None:
        return self.popen.poll() if self.popen else None

    def answers(self) -> bool:
        if self.ready_url is None:
            return True
        try:
            return requests.get(self.ready_url, timeout=2).ok
        except requests.RequestException:
            return False

    def stop(self) -> None:
        if self.popen and self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait()


class Stopped(Exception):
    """A process exited on its own."""


def wait_until(done: Callable[[], bool], processes: list[Process]) -> None:
    """Poll `done`, failing as soon as one of `processes` exits."""
    while not done():
        for process in processes:
            code = process.exited()
            if code is not None:
                raise Stopped(f"{process.name} exited with code {code}: see {process.log}")
        time.sleep(0.3)


PURGE_EVERY = 24 * 60 * 60.0
PURGE_COMMAND = "scripts.purge_conversations"


@dataclass
class Daily:
    """Due at once, then PURGE_EVERY seconds after each run (monotonic clock)."""

    next_at: float = float("-inf")

    def due(self, now: float) -> bool:
        return now >= self.next_at

    def ran(self, now: float) -> None:
        self.next_at = now + PURGE_EVERY


def keys_beside_the_data(settings: Settings) -> bool:
    """The embedded run's keys (no REFERRAL_KEYS) in the folder beside its databases."""
    return not settings.keys and settings.database_url.startswith("sqlite")


def finish(step: Process, beside: list[Process]) -> None:
    """Wait for a step that runs to its end; fail if it fails or one of `beside` exits."""
    wait_until(lambda: step.exited() is not None, beside)
    if step.exited():
        raise Stopped(f"{step.name} failed (code {step.exited()}): see {step.log}")


def servers(rasa_port: int, actions_port: int, settings: Settings) -> tuple[Process, ...]:
    rasa = Process("rasa", [str(BIN / "rasa"), "run", "--model", "models/prescreen.tar.gz",
                            "--endpoints", "endpoints.yml", "--credentials", "credentials.yml",
                            "--port", str(rasa_port)],
                   f"http://127.0.0.1:{rasa_port}/")  # fmt: skip
    actions = Process("actions", [str(BIN / "python"), "-m", "actions.server",
                                  "--actions", "actions", "--port", str(actions_port)],
                      f"http://127.0.0.1:{actions_port}/health")  # fmt: skip
    inbox = Process("inbox", [str(BIN / "python"), "-m", "inbox", "serve", "--scheduler"],
                    f"http://{settings.inbox_host}:{settings.inbox_port}/login")  # fmt: skip
    return rasa, actions, inbox


def run(steps: Steps, rasa_port: int, actions_port: int) -> None:
    settings = Settings.from_env()
    # Rasa's endpoints.yml names the action server's secret by this variable.
    os.environ["ACTION_SERVER_TOKEN"] = Services(settings).action_server_token()
    # The REST channel's server credential (.local/rest.token unless REST_TOKEN
    # is set): made now, so that scripts/chat.py finds it while Rasa loads.
    os.environ["REST_TOKEN"] = Services(settings).rest_token()
    rasa, actions, inbox = servers(rasa_port, actions_port, settings)
    training = Process("training", [str(BIN / "rasa"), "train", "--fixed-model-name",
                                    "prescreen", "--out", "models"])  # fmt: skip
    # Rows an older version wrote with clear intent and slot names (stores/private.py).
    scrub = Process("scrub", [str(BIN / "python"), "-m", "scripts.scrub_tracker_store"])
    started = [actions, inbox, training, scrub]
    try:
        steps.say("starting the action server and the inbox; training (when the data changed)")
        for process in started:
            process.start()
        for step in (training, scrub):
            finish(step, [actions, inbox])
        steps.say("model ready; starting Rasa (loading the model)")
        rasa.start()
        started.append(rasa)
        servers_up = [rasa, actions, inbox]
        wait_until(lambda: all(p.answers() for p in servers_up), servers_up)
        site = f"http://127.0.0.1:{rasa_port}"
        steps.say(f"ready: the patient website at {site}/study/ (Chinese: /study/zh/)")
        steps.say(f"       REST (servers only, Authorization: Bearer $(cat .local/rest.token)): "
                  f"POST {site}/webhooks/rest/webhook")  # fmt: skip
        steps.say(f"       the coordinators' inbox at {inbox_address(settings)} (first admin: "
                  ".venv/bin/python -m inbox create-admin NAME); Ctrl-C stops")  # fmt: skip
        if keys_beside_the_data(settings):
            steps.say("note: the keys are in .local/ beside the databases: right for trying "
                      "it out, not for patients' data (docs/privacy.md, Keys)")  # fmt: skip
        purge_daily(servers_up, started)
    finally:
        for process in reversed(started):
            process.stop()


def purge_daily(servers_up: list[Process], started: list[Process]) -> None:
    """Until Ctrl-C or a server exits: purge the conversations of people not
    referred (after PURGE_AFTER_DAYS) now and every PURGE_EVERY seconds; each
    purge joins `started`, so that a stop ends it too."""
    purge = Daily()
    while True:
        wait_until(lambda: purge.due(time.monotonic()), servers_up)
        purge.ran(time.monotonic())
        purging = Process("purge", [str(BIN / "python"), "-m", PURGE_COMMAND])
        started.append(purging)
        purging.start()
        finish(purging, servers_up)


def interrupted(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rasa-port", type=int, default=int(os.environ.get("RASA_PORT", 5005)))
    parser.add_argument("--actions-port", type=int,
                        default=int(os.environ.get("ACTIONS_PORT", 5055)))  # fmt: skip
    arguments = parser.parse_args(argv)
    started = float(os.environ.get("RUN_STARTED") or time.time())
    LOGS.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGTERM, interrupted)
    steps = Steps(started)
    try:
        run(steps, arguments.rasa_port, arguments.actions_port)
    except KeyboardInterrupt:
        steps.say("stopped")
        return 0
    except Stopped as stopped:
        steps.say(str(stopped))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

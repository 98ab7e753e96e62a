"""How fast a turn is answered, and how much memory the servers hold.

    .venv/bin/python -m scripts.benchmark_turns [--conversations 20] [--compare-init]

Starts the real action server and Rasa (REST channel, SQL tracker store on
SQLite, as `scripts/run` does) on free ports, drives whole pre-qualified
screenings over REST (tests/e2e/patient.py's patient), and prints per-turn
latency (p50 / p95 / max), throughput with 1 and 4 patients at once, and the
peak resident memory of each process. With --compare-init it does the same for
Rasa's own `rasa init` bot (trained here, in a temp directory), the yardstick in
the developers' guide. Figures go to docs/benchmarks.md by hand.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests
from cryptography.fernet import Fernet

from bot.settings import PROJECT_ROOT
from scripts.patients import ELIGIBLE, screen
from scripts.servers import BIN, ActionServer, RasaServer, Server, free_port

ROOT = PROJECT_ROOT
MODEL = ROOT / "models" / "prescreen.tar.gz"
INIT_BOT_SAYS = ["hi", "great", "bye", "hello", "I am sad", "yes", "bye"]


class TimedPatient:
    """Stands in for a RasaServer in `screen`: times every message."""

    def __init__(self, url: str, durations: list[float]) -> None:
        self.url, self.durations = url, durations
        self.http = requests.Session()  # a browser keeps its connection too

    def say(self, sender: str, text: str) -> list[dict[str, Any]]:
        started = time.perf_counter()
        response = self.http.post(
            self.url + "/webhooks/rest/webhook",
            json={"sender": sender, "message": text},
            timeout=60,
        )
        self.durations.append(time.perf_counter() - started)
        response.raise_for_status()
        replies: list[dict[str, Any]] = response.json()
        return replies


def peak_memory_mb(server: Server) -> float:
    """VmHWM (peak resident set) of the server's process, in MiB (Linux)."""
    assert server.process is not None
    status = Path(f"/proc/{server.process.pid}/status").read_text()
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def measure(name: str, url: str, conversation: Callable[[TimedPatient], None], count: int) -> None:
    conversation(TimedPatient(url, []))  # warm-up: first-turn caches, connections
    sequential: list[float] = []
    started = time.perf_counter()
    for _ in range(count):
        conversation(TimedPatient(url, sequential))
    elapsed = time.perf_counter() - started
    concurrent: list[float] = []
    started = time.perf_counter()
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda _: conversation(TimedPatient(url, concurrent)), range(count)))
    elapsed_concurrent = time.perf_counter() - started
    ms = sorted(d * 1000 for d in sequential)
    print(
        f"{name}: {len(ms)} turns, per turn p50 {statistics.median(ms):.0f} ms, "
        f"p95 {ms[int(len(ms) * 0.95) - 1]:.0f} ms, max {ms[-1]:.0f} ms; "
        f"{len(ms) / elapsed:.1f} turns/s with 1 patient, "
        f"{len(concurrent) / elapsed_concurrent:.1f} turns/s with 4 at once"
    )


def screening(patient: TimedPatient) -> None:
    transcript = screen(patient, f"bench-{uuid.uuid4().hex[:10]}", ELIGIBLE)
    assert transcript.asked[-1] == "contact_time", transcript.asked


def init_chat(patient: TimedPatient) -> None:
    sender = f"bench-{uuid.uuid4().hex[:10]}"
    for text in INIT_BOT_SAYS:
        patient.say(sender, text)


class InitBot(Server):
    def __init__(self, port: int, workdir: Path) -> None:
        super().__init__("init-bot", port, workdir, {})

    def command(self) -> list[str]:
        return [str(BIN / "rasa"), "run", "--model", str(self.workdir / "models"),
                "--credentials", str(self.workdir / "credentials.yml"),
                "--endpoints", str(self.workdir / "endpoints.yml"),
                "--port", str(self.port)]  # fmt: skip


@contextmanager
def our_assistant(workdir: Path) -> Iterator[tuple[str, list[Server]]]:
    keys = Fernet.generate_key().decode()
    with (
        ActionServer(free_port(), workdir, keys) as actions,
        RasaServer(free_port(), workdir, MODEL, actions.webhook, keys) as rasa,
    ):
        yield rasa.url, [rasa, actions]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--conversations", type=int, default=20)
    parser.add_argument("--compare-init", action="store_true")
    arguments = parser.parse_args()
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    if not MODEL.exists():
        raise SystemExit("no models/prescreen.tar.gz: run scripts/run or scripts/test first")
    with tempfile.TemporaryDirectory() as tmp, our_assistant(Path(tmp)) as (url, servers):
        measure("prescreen assistant", url, screening, arguments.conversations)
        for server in servers:
            print(f"  peak memory {server.name}: {peak_memory_mb(server):.0f} MiB")
    if arguments.compare_init:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(
                [str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", tmp],
                cwd=tmp, env=os.environ, check=True, capture_output=True,
            )  # fmt: skip
            with InitBot(free_port(), Path(tmp)) as bot:
                measure("rasa init bot", bot.url, init_chat, arguments.conversations)
                print(f"  peak memory {bot.name}: {peak_memory_mb(bot):.0f} MiB")


if __name__ == "__main__":
    main()

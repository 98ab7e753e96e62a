"""How fast a turn is answered, and how much memory the servers hold.

    .venv/bin/python -m scripts.benchmark_turns [--conversations 20] [--at-once 20]
        [--compare-init] [--by-turn] [--paired-rounds N]

Starts the real action server and Rasa (REST channel, SQL tracker store on
SQLite, as `scripts/run` does) on free ports, drives whole
conversations over REST, one fixed patient per outcome (pre-qualified, not
eligible, deferred, deferred without contact, no consent; each checked to end
where it should), and prints per-turn latency (p50 / p95 / max), errors and
throughput with 1 patient and with --at-once patients together (20), and the
peak resident memory of each process. With --compare-init it does the same for
Rasa's own `rasa init` bot (trained here, in a temp directory), the yardstick in
the developers' guide; --paired-rounds N then alternates the two, 1 patient
at a time, N rounds, with both up: a ratio from turns taken at the same
moment, as this machine's speed drifts by more than the gap being measured.
Figures go to docs/performance.md by hand.
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from cryptography.fernet import Fernet

from bot.settings import PROJECT_ROOT
from harness.patients import ELIGIBLE, screen
from harness.servers import BIN, REST_HEADERS, ActionServer, RasaServer, Server, free_port

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
            headers=REST_HEADERS,  # Rasa's starter bot ignores it
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


SCRIPTS: dict[str, dict[str, str]] = {
    "pre-qualified": ELIGIBLE,
    "not eligible (CAR-T, confirmed)": {**ELIGIBLE, "car_t": "yes"},
    "deferred (live vaccine a week ago)": {
        **ELIGIBLE, "live_vaccine": "yes", "live_vaccine_date": "one week ago",
    },
    "deferred, declines contact": {
        **ELIGIBLE, "other_trial": "yes", "other_trial_end": "still in it",
        "contact_consent": "no",
    },
    "no consent": {"screening_consent": "no"},
}  # fmt: skip
"""Fixed patients, one per outcome; each is checked to end where it should."""
LAST_QUESTION = {
    "pre-qualified": "contact_time",
    "not eligible (CAR-T, confirmed)": "car_t",
    "deferred (live vaccine a week ago)": "contact_time",
    "deferred, declines contact": "contact_consent",
    "no consent": "screening_consent",
}


def screening(patient: TimedPatient, outcome: str) -> None:
    transcript = screen(patient, f"bench-{uuid.uuid4().hex[:10]}", SCRIPTS[outcome])
    assert transcript.asked[-1] == LAST_QUESTION[outcome], (outcome, transcript.asked)


def every_outcome(patient: TimedPatient) -> None:
    """One conversation per outcome, in turn."""
    for outcome in SCRIPTS:
        screening(patient, outcome)


def by_turn(url: str, times: int = 5) -> None:
    """The median time of each turn of a pre-qualified screening (`times` runs):
    how a turn's cost grows with the conversation."""
    runs: list[list[float]] = []
    for _ in range(times):
        durations: list[float] = []
        screening(TimedPatient(url, durations), "pre-qualified")
        runs.append(durations)
    for turn, samples in enumerate(zip(*runs, strict=True)):
        print(f"  turn {turn:2}: {statistics.median(samples) * 1000:5.1f} ms")


def init_chat(patient: TimedPatient) -> None:
    sender = f"bench-{uuid.uuid4().hex[:10]}"
    for text in INIT_BOT_SAYS:
        patient.say(sender, text)


@dataclass
class Figures:
    turns: int
    errors: int
    p50: float
    p95: float
    maximum: float
    per_second: float


def run_patients(
    url: str, conversation: Callable[[TimedPatient], None], count: int, at_once: int
) -> Figures:
    """`count` conversations, `at_once` patients at a time; failures are counted."""
    durations: list[float] = []
    errors: list[str] = []

    def one(_: int) -> None:
        try:
            conversation(TimedPatient(url, durations))
        except Exception as error:  # a wrong reply or an HTTP error: counted and shown
            errors.append(repr(error))

    started = time.perf_counter()
    with ThreadPoolExecutor(at_once) as pool:
        list(pool.map(one, range(count)))
    elapsed = time.perf_counter() - started
    ms = sorted(d * 1000 for d in durations)
    if errors:
        print(f"  {len(errors)} conversations failed, the first: {errors[0][:300]}")
    return Figures(
        turns=len(ms), errors=len(errors), p50=statistics.median(ms),
        p95=ms[max(int(len(ms) * 0.95) - 1, 0)], maximum=ms[-1],
        per_second=len(ms) / elapsed,
    )  # fmt: skip


def measure(
    name: str, url: str, conversation: Callable[[TimedPatient], None], count: int, at_once: int
) -> dict[int, Figures]:
    """Figures with 1 patient at a time, then with `at_once` patients together."""
    conversation(TimedPatient(url, []))  # warm-up: first-turn caches, connections
    # Every patient of the crowd has a conversation: at least `at_once` of them.
    results = {n: run_patients(url, conversation, max(count, n), n) for n in (1, at_once)}
    for n, f in results.items():
        print(
            f"{name}, {n} at once: {f.turns} turns, {f.errors} errors; per turn p50 "
            f"{f.p50:.0f} ms, p95 {f.p95:.0f} ms, max {f.maximum:.0f} ms; "
            f"{f.per_second:.1f} turns/s"
        )
    return results


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


@contextmanager
def init_bot() -> Iterator[InitBot]:
    """Rasa's starter bot as `rasa init` makes it, trained and running."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", tmp],
            cwd=tmp, env=os.environ, check=True, capture_output=True,
        )  # fmt: skip
        with InitBot(free_port(), Path(tmp)) as bot:
            yield bot


def paired_rounds(ours: str, init: str, count: int, rounds: int) -> None:
    """With 1 patient at a time, `rounds` rounds that alternate the two bots
    (both servers up), so that each ratio compares turns taken on the same
    machine at the same moment; prints each round and the median ratio."""
    ratios = []
    for number in range(1, rounds + 1):
        a = run_patients(ours, every_outcome, count, 1)
        b = run_patients(init, init_chat, count * len(SCRIPTS), 1)
        ratios.append(a.p95 / b.p95)
        print(f"  round {number}: p95 ours {a.p95:.0f} ms, init bot {b.p95:.0f} ms: "
              f"{ratios[-1]:.2f}x")  # fmt: skip
    print(f"p95 ratio, 1 at once, median of {rounds} paired rounds: "
          f"{statistics.median(ratios):.2f}x")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--conversations", type=int, default=20)
    parser.add_argument("--at-once", type=int, default=20)
    parser.add_argument("--compare-init", action="store_true")
    parser.add_argument("--by-turn", action="store_true", help="also time each turn")
    parser.add_argument(
        "--paired-rounds", type=int, default=0, metavar="N",
        help="with --compare-init: also N alternating rounds of --conversations "
        "conversations each, 1 patient at a time",
    )  # fmt: skip
    arguments = parser.parse_args()
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    if not MODEL.exists():
        raise SystemExit("no models/prescreen.tar.gz: run scripts/run or scripts/test first")
    count, at_once = arguments.conversations, arguments.at_once
    with tempfile.TemporaryDirectory() as tmp, our_assistant(Path(tmp)) as (url, servers):
        ours = measure("prescreen assistant", url, every_outcome, count, at_once)
        if arguments.by_turn:
            by_turn(url)
        for server in servers:
            print(f"  peak memory {server.name}: {peak_memory_mb(server):.0f} MiB")
        if not arguments.compare_init:
            return
        with init_bot() as bot:  # ours stays up, idle, for the paired rounds
            init = measure("rasa init bot", bot.url, init_chat, count * len(SCRIPTS), at_once)
            print(f"  peak memory {bot.name}: {peak_memory_mb(bot):.0f} MiB")
            for n in (1, at_once):
                print(f"p95 ratio, {n} at once: {ours[n].p95 / init[n].p95:.2f}x")
            if arguments.paired_rounds:
                paired_rounds(url, bot.url, count, arguments.paired_rounds)


if __name__ == "__main__":
    main()

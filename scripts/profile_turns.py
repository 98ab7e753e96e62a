"""Where a turn's time goes: samples Rasa and the action server with py-spy
while fixed patients (one per outcome) talk to them, and prints the CPU time
per turn of each part.

    .venv/bin/python -m scripts.profile_turns [--rounds 4] [--py-spy PATH]

Starts the real servers as the benchmark does (REST, SQL tracker store on
SQLite, action server with the referral store), attaches `py-spy record`
(on-CPU samples, 200 per second) to both, drives `--rounds` rounds of the
benchmark's patients one at a time, then sorts each process's samples into the
parts below by the innermost matching frame of each stack. py-spy is a
profiler, not a dependency: `pip install py-spy` into any environment and
pass its path (default: `py-spy` on PATH). Figures go to docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path

from harness.servers import Server
from scripts.benchmark_turns import MODEL, TimedPatient, every_outcome, our_assistant

RATE = 200  # samples per second

IDLE = "serve ("
"""The innermost frame of a server waiting for a request (py-spy counts it as on-CPU)."""
PARTS: list[tuple[str, tuple[str, ...]]] = [
    # (part, frame substrings), the first part whose substring a stack holds wins,
    # scanning from the innermost frame outwards
    ("checking the action server's reply (jsonschema)", ("jsonschema/",)),
    ("tracker store: read", ("retrieve_full_tracker", "_retrieve", "retrieve (")),
    ("tracker store: write", ("tracker_store.py", "private.py")),
    ("action server call (Rasa side)", ("actions/action.py", "actions/forms.py", "aiohttp")),
    ("NLU: featurize + classify", ("rasa/nlu/", "parse_message")),
    ("policies: predict", ("rasa/core/policies", "rasa/engine/graph", "predict_next_action")),
    ("tracker: replay / featurize states", ("shared/core/trackers.py", "shared/core/events.py",
                                           "shared/core/domain.py")),
    ("reading the answer (bot/reading)", ("bot/reading/",)),
    ("eligibility engine (bot/protocol)", ("bot/protocol/",)),
    ("referral store (bot/referrals)", ("bot/referrals/",)),
    ("our actions (actions/)", ("/actions/",)),
    ("rasa_sdk: tracker, events, forms", ("rasa_sdk/",)),
    ("HTTP server (sanic)", ("sanic/",)),
    ("JSON", ("json/", "ujson")),
]  # fmt: skip


def part_of(stack: list[str]) -> str:
    for frame in reversed(stack):
        for part, needles in PARTS:
            if any(needle in frame for needle in needles):
                return part
    return "other (event loop, logging, interpreter)"


def read_samples(path: Path) -> Counter[str]:
    """py-spy's raw (collapsed) output -> samples per part."""
    parts: Counter[str] = Counter()
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        if stack and count.isdigit() and not frames[-1].startswith(IDLE):
            parts[part_of(frames)] += int(count)
    return parts


def record(py_spy: str, server: Server, out: Path) -> subprocess.Popen[bytes]:
    assert server.process is not None
    return subprocess.Popen(
        [py_spy, "record", "--pid", str(server.process.pid), "--rate", str(RATE),
         "--format", "raw", "--output", str(out), "--nonblocking"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--py-spy", default=shutil.which("py-spy") or "py-spy")
    arguments = parser.parse_args()
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    if not MODEL.exists():
        raise SystemExit("no models/prescreen.tar.gz: run scripts/run or scripts/test first")
    with tempfile.TemporaryDirectory() as tmp, our_assistant(Path(tmp)) as (url, servers):
        every_outcome(TimedPatient(url, []))  # warm-up
        outputs = {server.name: Path(tmp) / f"{server.name}.txt" for server in servers}
        spies = [record(arguments.py_spy, s, outputs[s.name]) for s in servers]
        time.sleep(1)  # py-spy attaches
        durations: list[float] = []
        for _ in range(arguments.rounds):
            every_outcome(TimedPatient(url, durations))
        for spy in spies:
            spy.send_signal(signal.SIGINT)
            spy.wait(timeout=60)
        if keep := os.environ.get("PROFILE_KEEP"):
            for path in outputs.values():
                shutil.copy(path, Path(keep) / path.name)
        turns = len(durations)
        mean = sum(durations) / turns * 1000
        print(f"{turns} turns, mean wall time per turn at the client {mean:.1f} ms")
        for name, path in outputs.items():
            parts = read_samples(path)
            total = sum(parts.values())
            print(f"\n{name}: CPU {total / RATE / turns * 1000:.1f} ms per turn")
            for part, samples in parts.most_common():
                share = samples / total * 100
                print(f"  {part:40} {samples / RATE / turns * 1000:6.1f} ms  {share:4.0f}%")


if __name__ == "__main__":
    main()

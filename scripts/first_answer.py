"""How long a newcomer waits: from `git clone` to the assistant's first answer.

    python3 scripts/first_answer.py [--source REPO] [--branch BRANCH] [--keep]

Clones REPO (default: this checkout's committed HEAD) into a temporary folder,
points every package cache (uv, pip, npm, XDG) at an empty folder there, runs
`scripts/run` in the clone (set-up, training from the repository's data: no
model is committed, starting) and says "hi" over REST until a real reply of
the loaded assistant comes back. Prints the figure with the run's own steps,
stops the run, prints any ERROR line or traceback its logs hold (a clean run
has none) and removes the folder. Needs the ports scripts/run uses
(5005, 5055, 5080) free. Standard library only: it runs before any set-up.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]
PORTS = {"Rasa": 5005, "the action server": 5055, "the inbox": 5080}
TIMEOUT = 900.0


def busy_ports() -> list[str]:
    busy = []
    for name, port in PORTS.items():
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                busy.append(f"{port} ({name})")
    return busy


def empty_caches(folder: Path) -> dict[str, str]:
    """Environment variables that point every package cache at `folder`."""
    caches = {
        "UV_CACHE_DIR": "uv", "PIP_CACHE_DIR": "pip", "npm_config_cache": "npm",
        "XDG_CACHE_HOME": "xdg",
    }  # fmt: skip
    return {variable: str(folder / name) for variable, name in caches.items()}


def python() -> str:
    """The Python 3.10 the clone's set-up would find (pyenv's, named in .python-version)."""
    version = (ROOT / ".python-version").read_text().strip()
    pyenv = Path.home() / ".pyenv" / "versions" / version / "bin" / "python"
    return os.environ.get("PYTHON") or (str(pyenv) if pyenv.exists() else "python3.10")


def first_reply(url: str, token_file: Path) -> str | None:
    """The first text the assistant answers "hi" with, or None while it is not
    up; the REST credential is read from `token_file` (the run makes it)."""
    if not token_file.exists():
        return None
    body = json.dumps({"sender": f"first-answer-{os.getpid()}", "message": "hi"}).encode()
    token = token_file.read_text(encoding="utf-8").strip()
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
    request = urllib.request.Request(url, body, headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            replies = json.loads(response.read())
    except (urllib.error.URLError, ConnectionError, TimeoutError, json.JSONDecodeError):
        return None
    texts = [reply.get("text", "") for reply in replies if reply.get("text")]
    return texts[0] if texts else None


def relay(source: IO[str], lines: list[str]) -> None:
    for line in source:
        lines.append(line.rstrip("\n"))


def measure(source: str, branch: str | None, folder: Path) -> int:
    clone = folder / "clone"
    env = {**os.environ, **empty_caches(folder / "caches"), "PYTHON": python()}
    started = time.monotonic()
    branches = ["--branch", branch] if branch else []
    subprocess.run(["git", "clone", "--quiet", *branches, source, str(clone)], check=True)
    cloned = time.monotonic() - started
    run = subprocess.Popen(
        ["scripts/run"], cwd=clone, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, start_new_session=True,
    )  # fmt: skip
    output: list[str] = []
    threading.Thread(target=relay, args=(run.stdout, output), daemon=True).start()
    reply = None
    try:
        while reply is None and time.monotonic() - started < TIMEOUT and run.poll() is None:
            url = f"http://127.0.0.1:{PORTS['Rasa']}/webhooks/rest/webhook"
            reply = first_reply(url, clone / ".local" / "rest.token")
            if reply is None:
                time.sleep(0.5)
        answered = time.monotonic() - started
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGINT)
            try:
                run.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(run.pid, signal.SIGKILL)
    print("\n".join(output))
    if reply is None:
        print(f"no answer after {time.monotonic() - started:.0f} s (scripts/run's output above)")
        return 1
    print(f"\ngit clone: {cloned:.1f} s")
    print(f"first answer: {answered:.1f} s after git clone began: {reply!r}")
    faults = faults_in(clone / ".local" / "logs")
    print(f"ERROR lines and tracebacks in the run's logs: {len(faults)}")
    print("\n".join(faults))
    return 1 if faults else 0


def faults_in(logs: Path) -> list[str]:
    """The ERROR lines and tracebacks of the run's logs, each with its file's name."""
    return [
        f"{log.name}: {line}"
        for log in sorted(logs.glob("*.log"))
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines()
        if " ERROR " in line or line.startswith("Traceback")
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", default=str(ROOT), help="the repository to clone")
    parser.add_argument("--branch", help="the branch to clone (default: HEAD)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    arguments = parser.parse_args(argv)
    busy = busy_ports()
    if busy:
        print(f"ports in use: {', '.join(busy)}; stop what listens there first", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="first-answer-"))
    try:
        return measure(arguments.source, arguments.branch, folder)
    finally:
        if arguments.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

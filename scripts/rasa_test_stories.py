"""`rasa test` on the test stories, with the real action server running.

`rasa test` replays the stories' slot events instead of running custom actions
(rasa issue 6796), so the action server is started only to prove it comes up
with the same code; behaviour is checked by tests/e2e. Fails on any prediction
error and when no story was evaluated.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from cryptography.fernet import Fernet

from bot.settings import PROJECT_ROOT
from harness.servers import ACTION_HEADERS, SERVERS_ACTION_TOKEN, ActionServer, free_port

ROOT = PROJECT_ROOT
BIN = Path(sys.executable).parent


def main() -> int:
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false",
           "ACTION_SERVER_TOKEN": SERVERS_ACTION_TOKEN}  # fmt: skip
    with (
        tempfile.TemporaryDirectory() as tmp,
        ActionServer(free_port(), Path(tmp), Fernet.generate_key().decode()) as actions,
    ):
        endpoints = Path(tmp) / "endpoints.yml"
        endpoints.write_text(
            f"action_endpoint:\n  url: {actions.webhook}\n  enable_selective_domain: true\n"
            f"{ACTION_HEADERS}"
        )
        out = ROOT / "results" / "stories"
        run = subprocess.run(
            [str(BIN / "rasa"), "test", "core", "--model", "models/prescreen.tar.gz",
             "--stories", "tests/stories", "--endpoints", str(endpoints), "--out", str(out),
             "--fail-on-prediction-errors", "--no-plot"],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )  # fmt: skip
    report = out / "story_report.json"
    if run.returncode != 0 or not report.exists():
        print(run.stdout[-4000:], run.stderr[-4000:])
        failed = out / "failed_test_stories.yml"
        if failed.exists():
            print(failed.read_text()[:6000])
        return 1
    conversations = json.loads(report.read_text())["conversation_accuracy"]
    print(f"rasa test: {conversations['correct']}/{conversations['total']} stories correct")
    return (
        0
        if conversations["total"] > 0 and conversations["correct"] == conversations["total"]
        else 1
    )


if __name__ == "__main__":
    sys.exit(main())

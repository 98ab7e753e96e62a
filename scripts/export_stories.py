"""Export test stories from real conversations: the simulated patients of
harness/patients.py talk to the real servers, and Rasa's own export of each
tracker (GET /conversations/<id>/story) is printed as a test-story file, to be
reviewed turn by turn before it goes into tests/stories/.

    python -m scripts.export_stories zh > /tmp/stories.yml
"""

from __future__ import annotations

import secrets
import sys
import tempfile
from pathlib import Path

import requests
from cryptography.fernet import Fernet

from harness.patients import ELIGIBLE_ZH, screen
from harness.servers import ROOT, ActionServer, RasaServer, free_port

CONFIRM_ZH = {"confirmed_exclusion": "对"}
PATIENTS_ZH: dict[str, dict[str, str]] = {
    "chinese pre qualified lupus patient": ELIGIBLE_ZH,
    "chinese excluded look alike disease": {
        **ELIGIBLE_ZH, **CONFIRM_ZH, "diagnosis": "类风湿关节炎"},
    "chinese deferred live vaccine": {
        **ELIGIBLE_ZH, "live_vaccine": "打过", "live_vaccine_date": "上周"},
    "chinese consent refused": {"screening_consent": "不愿意"},
}  # fmt: skip


class ApiRasaServer(RasaServer):
    """`rasa run` with its HTTP API on, to read the trackers back, behind a
    token of its own (made for this run)."""

    api_token = secrets.token_urlsafe(32)

    def story(self, sender: str, name: str) -> str:
        """Rasa's YAML of the conversation, as Rasa writes it (re-dumping it
        would turn a stored "no" into a boolean), named `name`."""
        response = requests.get(
            f"{self.url}/conversations/{sender}/story", params={"token": self.api_token}, timeout=60
        )
        response.raise_for_status()
        steps = response.text.split("\n  steps:\n", 1)[1]
        return f"- story: {name}\n  steps:\n{steps.rstrip()}\n"


def main(language: str) -> int:
    patients = {"zh": PATIENTS_ZH}[language]
    greeting = {"zh": "你好"}[language]
    keys = Fernet.generate_key().decode()
    stories = ['version: "3.1"\nstories:\n']
    with tempfile.TemporaryDirectory() as tmp:
        model = ROOT / "models" / "prescreen.tar.gz"
        with (
            ActionServer(free_port(), Path(tmp), keys) as actions,
            ApiRasaServer(free_port(), Path(tmp), model, actions.webhook, keys) as rasa,
        ):
            for name, facts in patients.items():
                sender = name.replace(" ", "-")
                screen(rasa, sender, facts, greeting=greeting)
                stories.append(rasa.story(sender, name))
    sys.stdout.write("".join(stories))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "zh"))

"""Drive one REST conversation: python scripts/chat.py SENDER MESSAGE [MESSAGE ...]

The REST channel needs its server credential: `REST_TOKEN`, else the embedded
run's `.local/rest.token` (made by scripts/run); `RASA_PORT` as scripts/run
takes it. Standard library only."""

from __future__ import annotations

import json
import os
import sys
import urllib.request
from pathlib import Path
from typing import Any

URL = f"http://localhost:{os.environ.get('RASA_PORT', '5005')}/webhooks/rest/webhook"
LOCAL_TOKEN = Path(__file__).resolve().parents[1] / ".local" / "rest.token"


def credential() -> str:
    """The REST channel's credential, as the server reads it."""
    configured = os.environ.get("REST_TOKEN", "").strip()
    return configured or LOCAL_TOKEN.read_text(encoding="utf-8").strip()


def say(sender: str, text: str) -> list[dict[str, Any]]:
    body = json.dumps({"sender": sender, "message": text}).encode()
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {credential()}"}
    request = urllib.request.Request(URL, body, headers)
    with urllib.request.urlopen(request, timeout=60) as response:
        replies: list[dict[str, Any]] = json.load(response)
        return replies


if __name__ == "__main__":
    sender, *messages = sys.argv[1:]
    for message in messages:
        print(f"> {message}")
        for reply in say(sender, message):
            buttons = " | ".join(b["title"][:30] for b in reply.get("buttons", []))
            print(f"  {reply.get('text', '')}" + (f"  [{buttons}]" if buttons else ""))

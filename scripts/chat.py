"""Drive one REST conversation: python scripts/chat.py SENDER MESSAGE [MESSAGE ...]"""

from __future__ import annotations

import json
import sys
import urllib.request
from typing import Any

URL = "http://localhost:5005/webhooks/rest/webhook"


def say(sender: str, text: str) -> list[dict[str, Any]]:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(URL, body, {"Content-Type": "application/json"})
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

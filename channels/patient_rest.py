"""The REST channel, for servers that hold its credential, with its input
checked before Rasa sees it.

REST is not a patient channel: whoever posts may choose the conversation id,
so whoever could post could read (a "hi" replays a summary), continue or
delete any conversation whose id they know. Every POST to the webhook must
carry the server credential (`REST_TOKEN`, else the embedded run's
`.local/rest.token`) as `Authorization: Bearer <credential>`, compared in
constant time; without it the answer is 401 and Rasa never sees the message.
The tests, scripts/chat.py and the benchmark hold it; patients use the
website's socket.io channel (channels/patient_socketio.py).

Rasa's own RestInput answers a JSON array with a 500, files a message without a
sender under the shared id "default" (two patients in one conversation), and
passes on sender ids and texts of any size and content. This channel keeps the
same URL (/webhooks/rest/webhook) and wire format but answers malformed input
with a clear 4xx, and removes control characters from the text (PostgreSQL
cannot store a NUL, and no patient means to send one). A body over MAX_BODY
bytes is refused (413) before it is read as JSON, and of a message's metadata
only the page's language is kept (`kept_metadata`): Rasa stores the metadata
with every message, nothing reads the rest, and 5 MB of it once grew the
tracker store by 26 MB.

Every patient message gets an answer in this assistant, so an empty reply means
a part failed (typically the action server): the patient then gets the
domain's `utter_technical_problem` instead of silence.
"""

from __future__ import annotations

import hmac
import re
import unicodedata
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.shared.core.domain import Domain
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.reading.language import language_written
from bot.services import services_from_env
from bot.settings import DOMAIN_FILE

MAX_MESSAGE = 2000  # characters; a pre-screen answer is a few words
MAX_BODY = 16 * 1024
"""Bytes of a whole request: a MAX_MESSAGE-character message in any script
(up to 4 bytes a character), its sender and its page's language."""
PAGE_LANGUAGES = ("en", "zh")
SENDER = re.compile(r"^[A-Za-z0-9_.:@-]{1,128}$")


def body_problem(body: Any) -> tuple[int, str] | None:
    """(status, reason) when a webhook body must be refused, else None."""
    if not isinstance(body, dict):
        return 400, "the body must be a JSON object"
    sender = body.get("sender")
    if not isinstance(sender, str) or not SENDER.match(sender):
        return 400, "sender must be 1-128 letters, digits or _.:@-"
    message = body.get("message")
    if not isinstance(message, str):
        return 400, "message must be a string"
    if len(message) > MAX_MESSAGE:
        return 413, f"message longer than {MAX_MESSAGE} characters"
    if "metadata" in body and not isinstance(body["metadata"], (dict, type(None))):
        return 400, "metadata must be a JSON object"
    return None


def holds_credential(authorization: str | None, token: str) -> bool:
    """Whether an Authorization header value is `Bearer <token>` (constant
    time). An empty token is never held: a run without one refuses all."""
    given = (authorization or "").encode()
    return bool(token) and hmac.compare_digest(given, f"Bearer {token}".encode())


def kept_metadata(metadata: Any) -> dict[str, str] | None:
    """What of a message's metadata is kept: the language of the page it was
    sent from (the website's widget sends it), if it is one the site has."""
    if isinstance(metadata, dict) and metadata.get("language") in PAGE_LANGUAGES:
        return {"language": str(metadata["language"])}
    return None


def clean_text(text: str) -> str:
    """The message without control or format characters (newlines and tabs
    become spaces); everything else, emoji and any script included, is kept."""
    spaced = "".join(" " if ch in "\t\n\r" else ch for ch in text)
    return "".join(ch for ch in spaced if unicodedata.category(ch)[0] != "C").strip()


TECHNICAL_PROBLEM = "utter_technical_problem"


class TechnicalProblem:
    """The patient-facing text for a failed turn, from the domain, in each
    language. A failed turn has no tracker to ask for the conversation's
    language: the text follows the language the message is written in, and
    a message that does not show one (digits, a button) gets both."""

    def __init__(self, domain_path: str | Path = DOMAIN_FILE) -> None:
        self.texts: dict[str, str] = {}
        for variation in Domain.load(str(domain_path)).responses[TECHNICAL_PROBLEM]:
            conditions = variation.get("condition") or []
            language = next((c["value"] for c in conditions if c["name"] == "language"), "en")
            self.texts[str(language)] = str(variation["text"])

    def text_for(self, message: str) -> str:
        language = language_written(message)
        if language in self.texts:
            return self.texts[language]
        return "\n\n".join(self.texts[code] for code in sorted(self.texts, reverse=True))


class PatientRestInput(RestInput):
    """credentials.yml: `channels.patient_rest.PatientRestInput` (no keys: its
    credential comes from the environment, `REST_TOKEN`)."""

    def __init__(self, technical_problem: TechnicalProblem, token: str) -> None:
        self.technical_problem = technical_problem
        self.token = token

    @classmethod
    def name(cls) -> str:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> PatientRestInput:
        domain = (credentials or {}).get("domain", DOMAIN_FILE)
        return cls(TechnicalProblem(domain), services_from_env().rest_token())

    def _extract_message(self, req: Request) -> str:
        return clean_text(req.json["message"])

    def _extract_input_channel(self, req: Request) -> str:
        return self.name()  # not the client's to choose

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        return kept_metadata(request.json.get("metadata"))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        blueprint: Blueprint = super().blueprint(on_new_message)

        @blueprint.middleware("request")
        async def refuse_malformed(request: Request) -> HTTPResponse | None:
            if request.method != "POST" or not request.path.endswith("/webhook"):
                return None
            if not holds_credential(request.headers.get("authorization"), self.token):
                reason = "this channel needs its server credential (Authorization: Bearer)"
                return response.json(
                    {"status": 401, "message": reason}, status=401,
                    headers={"WWW-Authenticate": "Bearer"},
                )  # fmt: skip
            if len(request.body or b"") > MAX_BODY:
                reason = f"a request is at most {MAX_BODY} bytes"
                return response.json({"status": 413, "message": reason}, status=413)
            try:
                body = request.json
            except Exception:  # sanic raises its own InvalidUsage on bad JSON
                body = None
            problem = body_problem(body)
            if problem is None:
                return None
            status, reason = problem
            return response.json({"status": status, "message": reason}, status=status)

        @blueprint.middleware("response")
        async def never_silent(request: Request, reply: HTTPResponse) -> HTTPResponse | None:
            if request.method != "POST" or not request.path.endswith("/webhook"):
                return None
            if reply.status == 200 and reply.body == b"[]":
                sender, message = request.json["sender"], request.json["message"]
                text = self.technical_problem.text_for(message)
                return response.json([{"recipient_id": sender, "text": text}])
            return None

        return blueprint

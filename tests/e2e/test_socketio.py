"""The socket.io channel of a real Rasa server (the website's chat), spoken
to by a real socket.io client (long-polling: the locked aiohttp is too old
for the client's WebSocket): replies arrive (rasa issue 13027 fixed), the
session survives a new connection, the REST channel's guards hold, and a
conversation belongs to the holder of its secret: a known conversation id
without it neither joins, reads, continues nor deletes, while the holder does
all of these."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
import requests
import socketio
import websockets.client

from bot.referrals.store import ReferralStore
from channels.conversation_secret import ConversationSecrets
from channels.patient_rest import MAX_MESSAGE
from channels.patient_socketio import REFUSED_EVENT
from harness.patients import ELIGIBLE, QUESTIONS, screen, text_of
from harness.servers import SERVERS_CONVERSATION_KEY, RasaServer
from tests.support.logs import faults_in

pytestmark = pytest.mark.e2e

ISSUER = ConversationSecrets(SERVERS_CONVERSATION_KEY.encode())
"""The servers' conversation key: the tests tell a secret's conversation id."""


async def connected(rasa: RasaServer, **options: Any) -> socketio.AsyncSimpleClient:
    client = socketio.AsyncSimpleClient()
    await client.connect(rasa.url, transports=["polling"], wait_timeout=10, **options)
    return client


@pytest.fixture
async def client(rasa: RasaServer) -> AsyncIterator[socketio.AsyncSimpleClient]:
    opened = await connected(rasa)
    yield opened
    await opened.disconnect()


async def session(client: socketio.AsyncSimpleClient, requested: str | None = None) -> str:
    await client.emit("session_request", {"session_id": requested})
    event, data = await client.receive(timeout=10)
    assert event == "session_confirm"
    return str(data)


async def replies(client: socketio.AsyncSimpleClient) -> list[Any]:
    """The bot's messages up to the next question of the pre-screen."""
    received: list[Any] = []
    while True:
        event, data = await client.receive(timeout=60)
        assert event == "bot_uttered", (event, data)
        received.append(data)
        if data.get("text") in QUESTIONS:
            return received


async def test_replies_arrive_with_buttons_and_the_session_continues_on_a_new_socket(
    client: socketio.AsyncSimpleClient, rasa: RasaServer
) -> None:
    session_id = await session(client)
    assert ISSUER.issued(session_id)
    await client.emit("user_uttered", {"message": "/greet", "session_id": session_id})
    first = await replies(client)
    assert QUESTIONS[first[-1]["text"]] == "screening_consent"
    assert [b["title"] for b in first[-1]["quick_replies"]][:2] == ["Yes", "No"]
    await client.emit("user_uttered", {"message": "/affirm", "session_id": session_id})
    assert QUESTIONS[(await replies(client))[-1]["text"]] == "birth"

    again = await connected(rasa)  # a reload: a new socket, the stored session id
    try:
        assert await session(again, session_id) == session_id
        await again.emit("user_uttered", {"message": "hi", "session_id": session_id})
        said = await replies(again)
        texts = [reply.get("text") for reply in said]
        assert QUESTIONS[texts[-1]] == "birth"  # welcomed back to the same question
    finally:
        await again.disconnect()

    # The conversation is stored, logged and sent under its derived id only:
    # the secret stays on the device, the id never reaches it.
    conversation = ISSUER.conversation_id(session_id)
    stored = (rasa.workdir / "rasa.db").read_bytes()
    assert conversation.encode() in stored and session_id.encode() not in stored
    assert session_id not in rasa.log.read_text(errors="replace")
    assert conversation not in json.dumps([*first, *said])


REFUSED = [
    ({"message": "x" * (MAX_MESSAGE + 1)}, 413),
    ({"message": 42}, 400),
    ({"message": "hi", "customData": [1]}, 400),
    ({"message": "hi", "session_id": "f" * 32}, 403),
    ("hi", 400),
]


async def test_malformed_messages_and_foreign_sessions_are_refused_before_rasa(
    client: socketio.AsyncSimpleClient,
) -> None:
    """One socket for all cases."""
    await client.emit("user_uttered", {"message": "hi"})  # before any session_request
    event, data = await client.receive(timeout=10)
    assert (event, data["status"]) == (REFUSED_EVENT, 400)
    requested = "e2e-someone-elses-rest-conversation"
    assert await session(client, requested) != requested  # not of our making: replaced
    for payload, status in REFUSED:
        await client.emit("user_uttered", payload)
        event, data = await client.receive(timeout=10)
        assert (event, data["status"]) == (REFUSED_EVENT, status), payload


async def said_until(client: socketio.AsyncSimpleClient, last: str) -> list[str]:
    """The texts the bot sends this socket up to and including one that starts
    with `last`."""
    texts: list[str] = []
    while not texts or not texts[-1].startswith(last):
        event, data = await client.receive(timeout=60)
        assert event == "bot_uttered", (event, data)
        texts.append(str(data.get("text", "")))
    return texts


async def turn(
    client: socketio.AsyncSimpleClient, secret: str, message: str, last: str
) -> list[str]:
    await client.emit("user_uttered", {"message": message, "session_id": secret})
    return await said_until(client, last)


SUMMARY = text_of("utter_summary", summary="").split("\n")[0]  # "Here is what I understood:"
INTRO, CONSENT, CONFIRM, DELETED = (
    text_of(name) for name in ("utter_intro", "utter_ask_screening_consent",
                               "utter_confirm_delete", "utter_data_deleted")
)  # fmt: skip


async def test_a_known_conversation_id_opens_nothing_and_its_secret_opens_everything(
    rasa: RasaServer, referrals: ReferralStore
) -> None:
    """A referred website patient (screened here over REST under the id their
    secret maps to, as only a credential holder may) and a stranger who knows
    that id, from the inbox or a log, or guesses at the secret's form."""
    secret = ISSUER.issue()
    conversation = ISSUER.conversation_id(secret)
    screen(rasa, conversation, ELIGIBLE)
    assert referrals.get(conversation) is not None
    without_credential = requests.post(
        rasa.url + "/webhooks/rest/webhook", json={"sender": conversation, "message": "hi"}
    )
    assert without_credential.status_code == 401

    stranger, holder = await connected(rasa), await connected(rasa)
    try:
        for guess in (conversation[4:], secret[:24] + "A" * 16, secret[:-1], conversation):
            theirs = await session(stranger, guess)  # each time a new secret of its own
            assert theirs not in (guess, secret) and ISSUER.issued(theirs)
        assert await session(holder, secret) == secret  # a reload: the same conversation

        held = await turn(holder, secret, "hi", SUMMARY)  # "hi" replays the summary
        held += await turn(holder, secret, "delete my data", CONFIRM)
        # Had the stranger joined the room, the holder's replies would come first.
        assert await turn(stranger, theirs, "hi", CONSENT) == [INTRO, CONSENT]
        assert await turn(stranger, theirs, "delete my data", CONFIRM) == [CONFIRM]
        assert await turn(stranger, theirs, "yes", DELETED) == [DELETED]
        assert referrals.get(conversation) is not None  # theirs deleted, not the patient's

        assert await turn(holder, secret, "yes", DELETED) == [DELETED]
        assert referrals.get(conversation) is None
        assert held[0] == INTRO and held[-1] == CONFIRM
    finally:
        await stranger.disconnect()
        await holder.disconnect()


async def test_another_origin_cannot_open_a_socket(rasa: RasaServer) -> None:
    with pytest.raises(socketio.exceptions.ConnectionError):
        await connected(rasa, headers={"Origin": "https://evil.example"})


async def closed_during_upgrade(rasa: RasaServer) -> None:
    """An engine.io client that opens a long-polling socket, starts its upgrade
    to WebSocket (probe answered) and then closes, as a tab closed at that
    moment does."""
    polling = f"{rasa.url}/socket.io/?EIO=4&transport=polling"
    async with aiohttp.ClientSession() as http, http.get(polling) as opened:
        handshake = json.loads((await opened.text())[1:])  # "0{...}": the OPEN packet
    upgrade = f"{rasa.url.replace('http', 'ws', 1)}/socket.io/?EIO=4&transport=websocket"
    async with websockets.client.connect(f"{upgrade}&sid={handshake['sid']}") as ws:
        await ws.send("2probe")
        assert await asyncio.wait_for(ws.recv(), 10) == "3probe"
    # leaving the block sends the close frame, before the UPGRADE packet


async def test_a_socket_closed_during_its_upgrade_ends_quietly(rasa: RasaServer) -> None:
    """Sanic cancels the handler's wait on a close frame; unhandled, that once
    made it write an error response on a half-closed socket and log a
    traceback. Several sockets, as the race does not lose every time."""
    logged = rasa.log.stat().st_size
    for _ in range(12):
        await closed_during_upgrade(rasa)
    await asyncio.sleep(1)  # the server's side of the close
    assert faults_in(rasa.log, after=logged) == []

"""The socket.io channel of a real Rasa server (the website's chat), spoken
to by a real socket.io client (long-polling: the locked aiohttp is too old
for the client's WebSocket): replies arrive (rasa issue 13027 fixed), the
session survives a new connection, and the REST channel's guards hold."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
import socketio
import websockets.client

from channels.patient_rest import MAX_MESSAGE
from channels.patient_socketio import ISSUED, REFUSED_EVENT
from harness.patients import QUESTIONS
from harness.servers import RasaServer
from tests.support.logs import faults_in

pytestmark = pytest.mark.e2e


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
    assert ISSUED.match(session_id)
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
        texts = [reply.get("text") for reply in await replies(again)]
        assert QUESTIONS[texts[-1]] == "birth"  # welcomed back to the same question
    finally:
        await again.disconnect()


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

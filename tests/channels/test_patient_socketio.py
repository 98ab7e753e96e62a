"""The socket.io channel's guards, as pure functions (the same rules as the
REST channel), and its quiet ends; tests/e2e/test_socketio.py sends the same
cases over a real socket to a real Rasa server."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from engineio import packet
from engineio.async_socket import AsyncSocket

from channels.conversation_secret import ConversationSecrets
from channels.patient_rest import MAX_MESSAGE
from channels.patient_socketio import (
    ClosingWebSocket,
    PatientSocketServer,
    QuietEngineIO,
    message_problem,
    session_id_for,
)

ISSUER = ConversationSecrets(b"test key")
BOUND = ISSUER.issue()
CONVERSATION = ISSUER.conversation_id(BOUND)


def test_a_session_this_server_issued_is_resumed_when_persistence_is_on() -> None:
    assert session_id_for(BOUND, persistence=True, issuer=ISSUER) == BOUND


@pytest.mark.parametrize(
    "requested",
    [None, "", "default", "e2e-0123456789", "../etc/passwd", "0123456789abcdef" * 2,
     BOUND[:-1], BOUND + "0", BOUND[:24] + "A" * 16, CONVERSATION,
     ConversationSecrets(b"another server").issue(), 42, ["x"]],
    ids=["none", "empty", "default", "a rest id", "a path", "an old uuid", "cut", "longer",
         "a forged tag", "its conversation id", "another key's", "a number", "a list"],
)  # fmt: skip
def test_any_other_requested_session_gets_a_new_secret(requested: Any) -> None:
    issued = session_id_for(requested, persistence=True, issuer=ISSUER)
    assert ISSUER.issued(issued) and issued != requested


def test_without_persistence_every_socket_gets_a_new_session() -> None:
    assert session_id_for(BOUND, persistence=False, issuer=ISSUER) != BOUND


@pytest.mark.parametrize(
    ("data", "bound", "status"),
    [
        ("hi", BOUND, 400),
        ([1, 2], BOUND, 400),
        (None, BOUND, 400),
        ({"message": "hi"}, None, 400),  # no session_request yet
        ({"message": "hi", "session_id": "f" * 32}, BOUND, 403),  # another session
        ({"message": "hi", "session_id": CONVERSATION}, BOUND, 403),  # not the secret
        ({"message": "hi", "session_id": 42}, BOUND, 403),
        ({}, BOUND, 400),
        ({"message": 42}, BOUND, 400),
        ({"message": None}, BOUND, 400),
        ({"message": "x" * (MAX_MESSAGE + 1)}, BOUND, 413),
        ({"message": "hi", "customData": [1]}, BOUND, 400),
        ({"message": "hi", "customData": "{}"}, BOUND, 400),  # Rasa would json.loads it
    ],
)
def test_malformed_messages_are_refused(data: Any, bound: str | None, status: int) -> None:
    problem = message_problem(data, bound, bound and CONVERSATION, "customData")
    assert problem is not None and problem[0] == status


@pytest.mark.parametrize(
    "data",
    [
        {"message": "hi"},
        {"message": "hi", "session_id": BOUND},
        {"message": "", "customData": None},
        {"message": "x" * MAX_MESSAGE, "customData": {"language": "zh-Hans"}},
        {"message": '/inform{"diagnosis": "sle"}'},  # what an answer button sends
    ],
)
def test_well_formed_messages_pass(data: Any) -> None:
    assert message_problem(data, BOUND, CONVERSATION, "customData") is None


async def test_a_stopping_server_ends_its_sockets_ping_tasks() -> None:
    """A socket's ping task sleeps 25 s and outlives the socket; left pending
    when the loop stops, asyncio logs an ERROR for each."""
    server = QuietEngineIO(async_mode="sanic")
    ping = server.start_background_task(asyncio.sleep, 25)
    finished = server.start_background_task(asyncio.sleep, 0)
    await asyncio.sleep(0.01)
    assert finished.done() and server.background == {ping}

    await server.shutdown()

    assert ping.cancelled() and not server.background


def long_polling(server: QuietEngineIO, sid: str = "s1") -> AsyncSocket:
    socket = AsyncSocket(server, sid)
    server.sockets[sid] = socket
    return socket


async def test_a_clients_goodbye_answers_its_open_poll_at_once() -> None:
    server = QuietEngineIO(async_mode="sanic")
    socket = long_polling(server)
    poll = asyncio.ensure_future(socket.poll())  # the GET the client keeps open
    await asyncio.sleep(0.01)
    assert not poll.done()

    await socket.receive(packet.Packet(packet.CLOSE))

    assert await asyncio.wait_for(poll, 1) == [] and socket.closed


async def test_a_socket_closed_for_another_reason_is_left_as_engineio_leaves_it() -> None:
    server = QuietEngineIO(async_mode="sanic")
    socket = long_polling(server)
    await socket.close(wait=False, abort=True, reason=server.reason.TRANSPORT_ERROR)
    assert socket.queue.empty()


def test_a_socket_upgraded_to_websocket_has_no_poll_to_answer() -> None:
    server = QuietEngineIO(async_mode="sanic")
    socket = long_polling(server)
    socket.upgraded = True
    server.answer_open_poll("s1")
    server.answer_open_poll("no such socket")
    assert socket.queue.empty()


def test_the_channels_server_upgrades_with_the_closing_websocket() -> None:
    sio = PatientSocketServer(async_mode="sanic")
    assert isinstance(sio.eio, QuietEngineIO)
    assert sio.eio._async["websocket"] is ClosingWebSocket

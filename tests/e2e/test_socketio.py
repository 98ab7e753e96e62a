"""The socket.io channel of a real Rasa server (the website's chat), spoken
to by a real socket.io client: replies arrive (rasa issue 13027 fixed), the
session survives a new connection, and the REST channel's guards hold."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import socketio

from channels.patient_rest import MAX_MESSAGE
from channels.patient_socketio import ISSUED, REFUSED_EVENT
from scripts.patients import QUESTIONS
from scripts.servers import RasaServer

pytestmark = pytest.mark.e2e


@pytest.fixture
def client(rasa: RasaServer) -> Iterator[socketio.SimpleClient]:
    with socketio.SimpleClient() as opened:
        opened.connect(rasa.url, transports=["polling"], wait_timeout=10)
        yield opened


def session(client: socketio.SimpleClient, requested: str | None = None) -> str:
    client.emit("session_request", {"session_id": requested})
    event, data = client.receive(timeout=10)
    assert event == "session_confirm"
    return str(data)


def replies(client: socketio.SimpleClient, until_question: bool = True) -> list[Any]:
    """The bot's messages up to the first question of the pre-screen."""
    received: list[Any] = []
    while True:
        event, data = client.receive(timeout=60)
        assert event == "bot_uttered", (event, data)
        received.append(data)
        if not until_question or data.get("text") in QUESTIONS:
            return received


def test_replies_arrive_with_buttons_and_the_session_continues_on_a_new_socket(
    client: socketio.SimpleClient, rasa: RasaServer
) -> None:
    session_id = session(client)
    assert ISSUED.match(session_id)
    client.emit("user_uttered", {"message": "/greet", "session_id": session_id})
    first = replies(client)
    assert QUESTIONS[first[-1]["text"]] == "screening_consent"
    assert [b["title"] for b in first[-1]["quick_replies"]][:2] == ["Yes", "No"]
    client.emit("user_uttered", {"message": "/affirm", "session_id": session_id})
    assert QUESTIONS[replies(client)[-1]["text"]] == "birth"

    with socketio.SimpleClient() as again:  # a reload: a new socket, the stored session id
        again.connect(rasa.url, transports=["polling"], wait_timeout=10)
        assert session(again, session_id) == session_id
        again.emit("user_uttered", {"message": "hi", "session_id": session_id})
        texts = [reply.get("text") for reply in replies(again)]
        assert QUESTIONS[texts[-1]] == "birth"  # welcomed back to the same question


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"message": "x" * (MAX_MESSAGE + 1)}, 413),
        ({"message": 42}, 400),
        ({"message": "hi", "customData": [1]}, 400),
        ({"message": "hi", "session_id": "f" * 32}, 403),
        ("hi", 400),
    ],
)
def test_malformed_messages_are_refused_before_rasa(
    client: socketio.SimpleClient, payload: Any, status: int
) -> None:
    session(client)
    client.emit("user_uttered", payload)
    event, data = client.receive(timeout=10)
    assert event == REFUSED_EVENT and data["status"] == status


def test_a_message_before_any_session_is_refused(client: socketio.SimpleClient) -> None:
    client.emit("user_uttered", {"message": "hi"})
    event, data = client.receive(timeout=10)
    assert event == REFUSED_EVENT and data["status"] == 400


def test_a_session_id_not_of_our_making_is_replaced(client: socketio.SimpleClient) -> None:
    assert session(client, "e2e-someone-elses-rest-conversation") != (
        "e2e-someone-elses-rest-conversation"
    )


def test_another_origin_cannot_open_a_socket(rasa: RasaServer) -> None:
    with socketio.SimpleClient() as foreign, pytest.raises(socketio.exceptions.ConnectionError):
        foreign.connect(
            rasa.url, transports=["polling"], headers={"Origin": "https://evil.example"},
            wait_timeout=5,
        )  # fmt: skip

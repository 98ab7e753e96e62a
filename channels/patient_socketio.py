"""The socket.io channel the patient website's chat talks to, with the REST
channel's input guards.

Why not Rasa's own SocketIOInput: its `session_request` handler calls
`sio.enter_room` without `await` (rasa issue 13027). Since python-socketio 5.10
that is a coroutine, so the socket never joins its session's room and the chat
connects but never receives a reply. Its handlers are closures inside
`blueprint()`, so this class builds the blueprint itself, with:

- `enter_room` awaited;
- a conversation belongs to the browser that started it: the session id the
  widget keeps is a secret this server issued (channels/conversation_secret.py),
  and the conversation id Rasa, the stores and the logs see is a keyed hash
  of it, never sent to a browser. A `session_request` whose id this server
  did not issue (made up, altered, a conversation id, an old uuid) gets a new
  secret and so a new conversation; the socket.io room is the conversation
  id, joined only by a socket that presented its secret. The session is
  bound to the socket; messages naming another session are refused;
- every message checked by the REST channel's `body_problem` (sender, text type,
  2000 characters, metadata an object) and cleaned by its `clean_text`; of its
  metadata only the page's language is kept (`kept_metadata`);
  refused messages never reach Rasa: the client gets `input_refused`
  `{status, message}` and the log a warning with the reason only;
- socket.io frames capped at `MAX_FRAME` bytes, and the origin checked: same
  origin only unless credentials.yml lists `cors_allowed_origins`;
- never silent: a turn that produced no reply (a failed part) sends the
  domain's `utter_technical_problem`, as the REST channel does;
- quiet ends: a tab closed while its socket upgrades to WebSocket logs no
  traceback (`ClosingWebSocket`), and a stopping server cancels its sockets'
  ping tasks, which asyncio reported as ERRORs (`QuietEngineIO`);
- prompt ends: a long-polling client that says goodbye has its open poll
  answered at once, not at the next ping 25 s later (`QuietEngineIO`).
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import engineio
from engineio.async_drivers.sanic import WebSocket as EngineIOWebSocket
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer
from websockets.connection import OPEN

from bot.services import services_from_env
from bot.settings import DOMAIN_FILE
from channels.conversation_secret import ConversationSecrets
from channels.patient_rest import TechnicalProblem, body_problem, clean_text, kept_metadata

logger = logging.getLogger(__name__)

MAX_FRAME = 16_384  # bytes per socket.io packet: a 2000-character message is < 8 kB as UTF-8
REFUSED_EVENT = "input_refused"


class RefusedOriginIsAWarning(logging.Filter):
    """engine.io logs a refused origin as an ERROR; it is a stranger's request
    refused as designed, not a fault of ours (a clean run logs no ERROR)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.ERROR and "is not an accepted origin" in record.getMessage():
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


ENGINEIO_LOG = logging.getLogger("engineio.server")


class ClosingWebSocket(EngineIOWebSocket):
    """engine.io's Sanic WebSocket, made to end quietly when the client closes.

    Sanic 21.12 ends a pending receive with CancelledError when the client's
    close frame or EOF arrives; engine.io's upgrade handshake expects OSError
    there. And engine.io answers every WebSocket request with an HTTP reply
    once its handler returns, which Sanic writes on the socket. Either way,
    when the socket was already half-closed, Sanic logged a traceback: a tab
    closed during the upgrade did it (a race, so not every time)."""

    async def __call__(self, environ: dict[str, Any]) -> Any:
        reply = await super().__call__(environ)
        # the closing handshake ends before the reply is written: with the
        # transport closed, Sanic drops it instead of writing on a half-closed one
        await self._sock.close()
        await self._sock.wait_for_connection_lost(timeout=self._sock.close_timeout)
        return reply

    async def wait(self) -> Any:
        try:
            return await super().wait()
        except asyncio.CancelledError:
            if self._sock.connection.state == OPEN:
                raise  # this task itself was cancelled (a shutdown): not a close
            raise OSError("the client closed the WebSocket") from None


class QuietEngineIO(engineio.AsyncServer):
    """engine.io's server with `ClosingWebSocket`, and background tasks that
    end with it: each socket's ping task sleeps 25 s and outlives its socket;
    still pending when the server stopped, asyncio logged "Task was destroyed
    but it is pending!" as an ERROR for each. `shutdown()` cancels them. A
    long-polling client's goodbye answers its open poll at once."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        table: dict[str, Any] = self._async  # type: ignore[has-type]  # the mode's table
        self._async = {**table, "websocket": ClosingWebSocket}
        self.background: set[asyncio.Future[Any]] = set()

    async def _trigger_event(self, event: str, *args: Any, **kwargs: Any) -> Any:
        # engine.io's only hook where a client's CLOSE packet is seen: the socket
        # closes without a word to the GET the client still has open, which
        # then hangs until the next ping (25 s); the reference server answers it.
        if event == "disconnect" and args[1:] == (self.reason.CLIENT_DISCONNECT,):
            self.answer_open_poll(args[0])
        return await super()._trigger_event(event, *args, **kwargs)

    def answer_open_poll(self, sid: str) -> None:
        """The long-poll the client `sid` has open, if any, is answered now with
        no packets (a client that is closing reads that and stops)."""
        socket = self.sockets.get(sid)
        if socket is not None and not socket.upgraded:
            socket.queue.put_nowait(None)  # what `poll` returns [] for

    def start_background_task(self, target: Any, *args: Any, **kwargs: Any) -> Any:
        task = super().start_background_task(target, *args, **kwargs)
        self.background.add(task)
        task.add_done_callback(self.background.discard)
        return task

    async def shutdown(self) -> None:
        await super().shutdown()
        for task in self.background:
            task.cancel()
        await asyncio.gather(*self.background, return_exceptions=True)


class PatientSocketServer(AsyncServer):
    """python-socketio's server on `QuietEngineIO`."""

    def _engineio_server_class(self) -> type[engineio.AsyncServer]:
        return QuietEngineIO


def session_id_for(requested: Any, persistence: bool, issuer: ConversationSecrets) -> str:
    """The secret a socket's session is: the requested one when persistence is
    on and `issuer` issued it, else a new one."""
    if persistence and issuer.issued(requested):
        return str(requested)
    return issuer.issue()


def message_problem(
    data: Any, bound: str | None, conversation: str | None, metadata_key: str
) -> tuple[int, str] | None:
    """(status, reason) when a user message event must be refused, else None.

    `bound` is the secret the socket's session was confirmed with (None before
    any `session_request`), `conversation` its conversation id."""
    if not isinstance(data, dict):
        return 400, "the message event must carry a JSON object"
    if bound is None or conversation is None:
        return 400, "send session_request first"
    claimed = data.get("session_id")
    if claimed is not None and not (
        isinstance(claimed, str) and hmac.compare_digest(claimed.encode(), bound.encode())
    ):
        return 403, "session_id is not this connection's session"
    body = {"sender": conversation, "message": data.get("message")}
    if metadata_key in data:
        body["metadata"] = data[metadata_key]
    return body_problem(body)


class CountingOutput(SocketIOOutput):
    """Rasa's socket.io output that counts what it sent in this turn."""

    def __init__(self, sio: AsyncServer, bot_message_evt: str) -> None:
        super().__init__(sio, bot_message_evt)
        self.sent = 0

    async def _send_message(self, socket_id: str, response: Any) -> None:
        self.sent += 1
        await super()._send_message(socket_id, response)

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        self.sent += 1
        await super().send_custom_json(recipient_id, json_message, **kwargs)


class PatientSocketIOInput(SocketIOInput):
    """credentials.yml: `channels.patient_socketio.PatientSocketIOInput` with
    Rasa's socket.io keys (`user_message_evt`, `bot_message_evt`,
    `session_persistence`, `metadata_key`, `socketio_path`) and optionally
    `cors_allowed_origins` (a list; default: same origin only). JWT is not
    supported: the website has no accounts. The conversation key comes from
    the environment (`CONVERSATION_KEY`), never from credentials.yml."""

    def __init__(
        self,
        technical_problem: TechnicalProblem,
        cors_allowed_origins: list[str] | None,
        issuer: ConversationSecrets,
        **options: Any,
    ) -> None:
        super().__init__(**options)
        self.technical_problem = technical_problem
        self.cors_allowed_origins = cors_allowed_origins
        self.issuer = issuer

    @classmethod
    def name(cls) -> str:
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> PatientSocketIOInput:
        given = credentials or {}
        if given.get("jwt_key"):
            raise ValueError("PatientSocketIOInput does not support jwt_key")
        options = {key: given[key] for key in (
            "user_message_evt", "bot_message_evt", "namespace", "session_persistence",
            "socketio_path", "metadata_key") if key in given}  # fmt: skip
        origins = given.get("cors_allowed_origins")
        domain = given.get("domain", DOMAIN_FILE)
        issuer = ConversationSecrets(services_from_env().conversation_key())
        return cls(TechnicalProblem(domain), origins, issuer, **options)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        sio = PatientSocketServer(
            async_mode="sanic",
            cors_allowed_origins=self.cors_allowed_origins,
            max_http_buffer_size=MAX_FRAME,
        )
        self.sio = sio  # Rasa's get_output_channel reads it
        if not any(isinstance(f, RefusedOriginIsAWarning) for f in ENGINEIO_LOG.filters):
            ENGINEIO_LOG.addFilter(RefusedOriginIsAWarning())
        socket_blueprint: Blueprint = SocketBlueprint(
            sio, self.socketio_path, "socketio_webhook", __name__
        )

        @socket_blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @socket_blueprint.listener("before_server_stop")
        async def stop_sockets(*_: Any) -> None:
            await sio.shutdown()

        sio.on("session_request", self._session_request, namespace=self.namespace)
        sio.on(self.user_message_evt, self._user_message(on_new_message), namespace=self.namespace)
        return socket_blueprint

    async def _session_request(self, sid: str, data: Any) -> None:
        requested = data.get("session_id") if isinstance(data, dict) else None
        secret = session_id_for(requested, self.session_persistence, self.issuer)
        conversation = self.issuer.conversation_id(secret)
        sio = self._server()
        session = {"secret": secret, "conversation": conversation}
        await sio.save_session(sid, session, namespace=self.namespace)
        # Rasa's output sends to the room named by the conversation id: only the
        # sockets that presented the secret are in it. A socket that asks again
        # leaves the room of its earlier session.
        for room in sio.rooms(sid, namespace=self.namespace):
            if room != sid:
                await sio.leave_room(sid, room, namespace=self.namespace)
        await sio.enter_room(sid, conversation, namespace=self.namespace)  # the fix: awaited
        await sio.emit("session_confirm", secret, room=sid, namespace=self.namespace)

    def _user_message(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Callable[[str, Any], Awaitable[None]]:
        async def handle(sid: str, data: Any) -> None:
            sio = self._server()
            session = await sio.get_session(sid, namespace=self.namespace)
            bound, conversation = session.get("secret"), session.get("conversation")
            problem = message_problem(data, bound, conversation, self.metadata_key or "metadata")
            if problem is not None:
                status, reason = problem
                logger.warning("socket.io message refused: %s", reason)  # never the content
                await sio.emit(REFUSED_EVENT, {"status": status, "message": reason}, to=sid)
                return
            await self._handle(data, str(conversation), on_new_message)

        return handle

    async def _handle(
        self,
        data: dict[str, Any],
        conversation: str,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
    ) -> None:
        output = CountingOutput(self._server(), self.bot_message_evt)
        metadata = kept_metadata(data.get(self.metadata_key or "metadata"))
        message = UserMessage(
            clean_text(data["message"]), output, conversation,
            input_channel=self.name(), metadata=metadata,
        )  # fmt: skip
        await on_new_message(message)
        if output.sent == 0:
            text = self.technical_problem.text_for(message.text or "")
            await output.send_text_message(conversation, text)

    def _server(self) -> AsyncServer:
        if self.sio is None:
            raise RuntimeError("blueprint() has not been built")
        return self.sio

"""A real SMTP server for the tests (aiosmtpd), with STARTTLS and AUTH as
production uses them: a self-signed certificate made for the test (the
client trusts it through SMTP_CA_FILE), AUTH only after STARTTLS, and a
mailbox of every accepted message. It can be stopped and started again on the
same port (a mail server that was down)."""

from __future__ import annotations

import asyncio
import datetime
import ipaddress
import ssl
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from harness.servers import free_port

USER, PASSWORD = "inbox", "smtp-test-password"


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, written to `folder`."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    cert_file, key_file = folder / "smtp.crt", folder / "smtp.key"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


class Mailbox:
    """Accepts mail from the authenticated user; `refuse` answers the next
    messages with a temporary failure instead (counted in `refused`)."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.recipients: list[list[str]] = []
        self.refuse = 0
        self.refused: list[Message] = []
        self.stall = 0
        self.stalled: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        raw = envelope.original_content or envelope.content
        message = message_from_bytes(raw, policy=policy.default)  # headers decoded
        if self.refuse:
            self.refuse -= 1
            self.refused.append(message)
            return "451 4.3.0 try again later"
        if self.stall:  # never answers: the sender is killed while it waits
            self.stall -= 1
            self.stalled.append(message)
            await asyncio.sleep(120)
            return "451 4.3.0 too late"
        self.messages.append(message)
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 OK"


def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    # handled=False: aiosmtpd then answers 535 itself (its default, True,
    # means "already answered" and leaves the client waiting).
    return AuthResult(success=ok, handled=False)


class MailServer:
    def __init__(self, folder: Path) -> None:
        self.port = free_port()
        self.cert, key = self_signed(folder)
        self.tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.tls.load_cert_chain(self.cert, key)
        self.mailbox = Mailbox()
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(
            self.mailbox, hostname="127.0.0.1", port=self.port,
            tls_context=self.tls, require_starttls=True, authenticator=authenticate,
            auth_required=True, auth_require_tls=True,
        )  # fmt: skip
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def settings(self) -> dict[str, Any]:
        """The mail settings that reach this server (as Settings fields)."""
        return {
            "smtp_host": "127.0.0.1", "smtp_port": self.port, "smtp_starttls": True,
            "smtp_user": USER, "smtp_password": PASSWORD, "smtp_ca_file": str(self.cert),
            "mail_from": "prescreen@site.example",
            "coordinator_emails": ("coordinators@site.example", "pi@site.example"),
        }  # fmt: skip


@pytest.fixture
def mail_server(tmp_path: Path) -> Iterator[MailServer]:
    """A running SMTP server (STARTTLS + AUTH)."""
    server = MailServer(tmp_path)
    server.start()
    yield server
    server.stop()

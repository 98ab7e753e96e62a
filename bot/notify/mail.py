# ruff: noqa: RUF001 - Chinese texts use full-width punctuation, as they should
"""Sending one e-mail over SMTP, with STARTTLS and AUTH as production uses
them; and the texts of the coordinators' notifications and of the daily mail
of the audit log's head (English and Chinese in one mail: it goes to a shared
site address)."""

from __future__ import annotations

import smtplib
import ssl
import uuid
from email.message import EmailMessage
from email.utils import formatdate

from bot.notify import MESSAGE_ID_DOMAIN, Kind
from bot.referrals.audit_head import Head
from bot.settings import Settings, inbox_address

SUBJECTS = {
    Kind.NEW_REFERRAL: "New referral waiting / 新转诊待处理 (#{id})",
    Kind.RECONTACT_DUE: "Patient due for re-contact / 患者到期需再次联系 (#{id})",
}
BODIES = {
    Kind.NEW_REFERRAL: (
        "A new referral is waiting in the inbox:\n{link}\n\n收件箱中有一个新的转诊：\n{link}\n"
    ),
    Kind.RECONTACT_DUE: (
        "A deferred patient is due for re-contact:\n{link}\n\n"
        "一位暂缓的患者已到再次联系日期：\n{link}\n"
    ),
}
HEAD_LINE = "\nAudit head / 审计日志头:\n{head}\n"
"""In every mail, the head on a line of its own: a line over 78 bytes would
have the whole mail base64-encoded, and the head no longer found by searching
the mailbox's files."""
HEAD_SUBJECT = "Audit log head / 审计日志头 ({day})"
HEAD_BODY = (
    "The inbox's audit log as of today. Keep this mail: checked against it,\n"
    "`python -m inbox verify-audit --expect COUNT:MAC` shows whether entries were\n"
    "later cut off or the log rewritten.\n\n"
    "收件箱审计日志今日的状态。请保留此邮件：\n用它核对，可发现日后被删除或改写的记录。\n"
)


class Mailer:
    """Sends through the configured server (`SMTP_*`, `MAIL_FROM`)."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    @property
    def configured(self) -> bool:
        """A server and at least one coordinator address are set."""
        return bool(self._settings.smtp_host and self._settings.coordinator_emails)

    def compose(self, kind: Kind, referral_id: int, message_id: str, head: Head) -> EmailMessage:
        """The notification about one referral: a link and the audit log's
        head, nothing about the patient."""
        path = "/recontact" if kind is Kind.RECONTACT_DUE else f"/referrals/{referral_id}"
        body = BODIES[kind].format(link=inbox_address(self._settings) + path)
        return self._message(SUBJECTS[kind].format(id=referral_id), message_id, body, head)

    def compose_head(self, head: Head, day: str) -> EmailMessage:
        """The daily mail of the audit log's head (`day` in the site's calendar)."""
        message_id = f"<audit_head.{uuid.uuid4().hex}@{MESSAGE_ID_DOMAIN}>"
        return self._message(HEAD_SUBJECT.format(day=day), message_id, HEAD_BODY, head)

    def _message(self, subject: str, message_id: str, body: str, head: Head) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self._settings.mail_from
        message["To"] = ", ".join(self._settings.coordinator_emails)
        message["Subject"] = subject
        message["Message-ID"] = message_id
        message["Date"] = formatdate(localtime=False)
        message.set_content(body + HEAD_LINE.format(head=head))
        return message

    def send(self, message: EmailMessage) -> None:
        """Hand `message` to the server; raises (smtplib.SMTPException,
        OSError) unless every recipient was accepted."""
        settings = self._settings
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=30) as smtp:
            smtp.ehlo()
            if settings.smtp_starttls:
                smtp.starttls(context=self._tls())
                smtp.ehlo()
            if settings.smtp_user:
                smtp.login(settings.smtp_user, settings.smtp_password)
            refused = smtp.send_message(message)
        if refused:
            raise smtplib.SMTPRecipientsRefused(refused)

    def _tls(self) -> ssl.SSLContext:
        # The server's certificate and name are checked (a self-signed one
        # only when its CA is given in SMTP_CA_FILE).
        return ssl.create_default_context(cafile=self._settings.smtp_ca_file or None)

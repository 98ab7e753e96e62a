"""E-mail to the study coordinators: that a referral waits, or that a deferred
patient is due for re-contact. Never health data or contact details: only
that something waits, and a link into the inbox (which stays the source of
truth). Each mail also carries the audit log's head (bot/referrals/audit_head.py),
and one mail a day carries only that: kept in the mailboxes, off the server,
the heads show later whether the log was cut or rewritten."""

from __future__ import annotations

import uuid
from enum import Enum

MESSAGE_ID_DOMAIN = "prescreen.nct06056921"


class Kind(str, Enum):
    NEW_REFERRAL = "new_referral"
    RECONTACT_DUE = "recontact_due"


def new_message_id(kind: Kind) -> str:
    """A Message-ID made once, when the notification is stored: every resend
    of it carries the same one, so a duplicate is recognisable."""
    return f"<{kind.value}.{uuid.uuid4().hex}@{MESSAGE_ID_DOMAIN}>"

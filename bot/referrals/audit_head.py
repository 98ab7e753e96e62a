"""The audit log's head: how many entries it holds and the HMAC of the last,
written `COUNT:MAC`.

The chain (inbox/audit.py) shows an edited or removed entry, but not entries
cut off its end, nor a log re-chained by someone holding the key. A head kept
where the server cannot change it (the notification mails, the daily head
mail, a file on another host) shows both later: `python -m inbox verify-audit
--expect COUNT:MAC`. Reading the head needs no key, and it says nothing about
patients: a number and an HMAC.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from bot.referrals.tables import AuditRow

GENESIS = "0" * 64
"""The "previous HMAC" of the first entry, and the last HMAC of an empty log."""

_WRITTEN = re.compile(r"(\d+):([0-9a-f]{64})", re.ASCII)


@dataclass(frozen=True)
class Head:
    count: int
    """Entries in the log: the head's entry is the count-th, in chain order."""
    mac: str
    """That entry's HMAC (GENESIS for an empty log)."""

    def __str__(self) -> str:
        return f"{self.count}:{self.mac}"

    @classmethod
    def parse(cls, written: str) -> Head:
        """A head as `str` writes it (the MAC in either case); ValueError for
        anything else."""
        found = _WRITTEN.fullmatch(written.strip().lower())
        if found is None:
            raise ValueError("an audit head is COUNT:MAC (a number, a colon, 64 hex digits)")
        head = cls(int(found.group(1)), found.group(2))
        if (head.count == 0) != (head.mac == GENESIS):
            raise ValueError("only an empty audit log has the MAC 000...0")
        return head


def read_head(connection: Connection) -> Head:
    """The log's head now, read in one statement: the count and the MAC agree
    even while other processes append."""
    count = select(func.count()).select_from(AuditRow).scalar_subquery()
    last = select(AuditRow.mac).order_by(AuditRow.id.desc()).limit(1).scalar_subquery()
    entries, mac = connection.execute(select(count, last)).one()
    return Head(int(entries), str(mac or GENESIS))

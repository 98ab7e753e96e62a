"""What a single criterion can conclude from the answers (see criteria-map.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum


class Decision(str, Enum):
    MET = "met"
    EXCLUDED = "excluded"
    DEFERRED = "deferred"
    VERIFY = "verify"
    NOT_ASKED = "not_asked"


@dataclass(frozen=True)
class Finding:
    """A criterion's conclusion. `until` is set exactly when DEFERRED: the first
    day on which the time window no longer holds. `note` is a short, stable code
    for staff (e.g. "patient_unsure"), never free text from the patient."""

    decision: Decision
    note: str = ""
    until: date | None = None

    def __post_init__(self) -> None:
        if (self.decision is Decision.DEFERRED) != (self.until is not None):
            raise ValueError("a deferral, and only a deferral, carries a date")


def met(note: str = "") -> Finding:
    return Finding(Decision.MET, note)


def excluded(note: str = "") -> Finding:
    return Finding(Decision.EXCLUDED, note)


def verify(note: str) -> Finding:
    return Finding(Decision.VERIFY, note)


def deferred(until: date, note: str = "") -> Finding:
    return Finding(Decision.DEFERRED, note, until)

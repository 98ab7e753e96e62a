"""Typed answers a patient can give, one type per kind of question.

Slot values in the chat are the enum values below (plain strings), so a stored
conversation can always be read back into these types.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum


class Reply(str, Enum):
    """Answer to a yes / no question. UNSURE is never read as NO."""

    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


class Diagnosis(str, Enum):
    SLE = "sle"
    SJOGREN = "sjogren"
    SYSTEMIC_SCLEROSIS = "systemic_sclerosis"
    DERMATOMYOSITIS = "dermatomyositis"
    ANCA_VASCULITIS = "anca_vasculitis"
    OTHER = "other"
    UNSURE = "unsure"


class Transplant(str, Enum):
    NONE = "none"
    STEM_CELL = "stem_cell"
    ORGAN = "organ"
    CORNEA_OR_HAIR = "cornea_or_hair"
    UNSURE = "unsure"


class Cancer(str, Enum):
    """Cancer history. EXCEPTED is one of the kinds the protocol allows (E8)."""

    NONE = "none"
    EXCEPTED = "excepted"
    OTHER = "other"
    UNSURE = "unsure"


class Ecog(str, Enum):
    """ECOG performance status, asked as plain sentences."""

    FULLY_ACTIVE = "0"
    LIGHT_WORK = "1"
    NO_WORK = "2"
    MOSTLY_RESTING = "3"
    BEDBOUND = "4"

    @property
    def grade(self) -> int:
        return int(self.value)


@dataclass(frozen=True)
class DateSpan:
    """A date known to lie between `earliest` and `latest` (inclusive).

    "March 2025" is the span 1-31 March 2025; an exact date has earliest == latest.
    """

    earliest: date
    latest: date

    @classmethod
    def exact(cls, day: date) -> DateSpan:
        return cls(day, day)

    def __post_init__(self) -> None:
        if self.earliest > self.latest:
            raise ValueError("earliest after latest")

    def to_slot(self) -> str:
        if self.earliest == self.latest:
            return self.earliest.isoformat()
        return f"{self.earliest.isoformat()}/{self.latest.isoformat()}"

    @classmethod
    def from_slot(cls, value: str) -> DateSpan:
        """Inverse of `to_slot`; raises ValueError on anything else."""
        first, _, last = value.partition("/")
        return cls(date.fromisoformat(first), date.fromisoformat(last or first))


ONGOING = "ongoing"
"""Slot value for a treatment or trial that has not ended yet."""


@dataclass(frozen=True)
class Answers:
    """Everything the patient has answered so far; None = not (yet) answered."""

    birth: DateSpan | None = None
    car_t: Reply | None = None
    transplant: Transplant | None = None
    diagnosis: Diagnosis | None = None
    dm_antibody: Reply | None = None
    dm_diagnosed: DateSpan | Reply | None = None
    ssc_lung: Reply | None = None
    disease_active: Reply | None = None
    ecog: Ecog | None = None
    hiv_or_syphilis: Reply | None = None
    hepatitis_or_cmv: Reply | None = None
    can_become_pregnant: Reply | None = None
    pregnant: Reply | None = None
    contraception: Reply | None = None
    cancer: Cancer | None = None
    cancer_treated: Reply | None = None
    serious_illness: Reply | None = None
    infection: Reply | None = None
    infection_treatment_end: DateSpan | Reply | str | None = None
    live_vaccine: Reply | None = None
    live_vaccine_date: DateSpan | Reply | None = None
    other_trial: Reply | None = None
    other_trial_end: DateSpan | Reply | str | None = None

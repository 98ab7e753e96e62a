"""What the assistant understood, in the patient's language, for the patient
to check before anything is passed on: one line per question answered, the
same lines in every language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.protocol.answers import DateSpan
from bot.protocol.criteria import QUESTIONS


@dataclass(frozen=True)
class DateWriting:
    """How a patient reads a date: '16 December 2026', 2026年12月16日 (never
    12/16 against 16/12)."""

    template: str
    """With {day}, {month} (a name from `months`) and {year}."""
    months: tuple[str, ...]

    def written(self, day: date) -> str:
        return self.template.format(day=day.day, month=self.months[day.month - 1], year=day.year)


@dataclass(frozen=True)
class SummaryWords:
    """A language's words for the summary."""

    labels: Mapping[str, str]
    """The line's label, by question slot."""
    values: Mapping[str, str]
    """A stored value in plain words (yes, none, sle, ...)."""
    ecog: Mapping[str, str]
    """The daily-activity grades in plain words."""
    cancer: Mapping[str, str]
    """Values the cancer question words its own way ("another kind")."""
    wechat: str
    line: str
    """One line, with {label} and {value}."""
    between: str
    """A span of dates, with {earliest} and {latest}."""
    dates: DateWriting


def summary(words: SummaryWords, slots: Mapping[str, Any]) -> str:
    """One line per answered question, in the order asked; then the WeChat ID,
    if given (slot `contact_wechat`: "微信同号" is stored as the phone number)."""
    lines = []
    for question in QUESTIONS:
        value = slots.get(question.slot)
        if isinstance(value, str) and value:
            plain = _plain(words, question.slot, value)
            lines.append(words.line.format(label=words.labels[question.slot], value=plain))
    wechat = slots.get("contact_wechat")
    if isinstance(wechat, str) and wechat:
        lines.append(words.line.format(label=words.wechat, value=wechat))
    return "\n".join(lines)


def _plain(words: SummaryWords, slot: str, value: str) -> str:
    if slot == "ecog":
        return words.ecog.get(value, value)
    if slot == "cancer" and value in words.cancer:
        return words.cancer[value]
    if value in words.values:
        return words.values[value]
    try:
        span = DateSpan.from_slot(value)
    except ValueError:
        return value
    if span.earliest == span.latest:
        return words.dates.written(span.earliest)
    return words.between.format(
        earliest=words.dates.written(span.earliest), latest=words.dates.written(span.latest)
    )

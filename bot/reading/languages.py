"""The reader of each language the assistant speaks: one adapter over each
language's parts, so that both give the results of bot/reading/result.py the
same way."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.protocol.answers import Reply
from bot.protocol.criteria import Question
from bot.reading.en import contact as en_contact
from bot.reading.en import corrections as en_corrections
from bot.reading.en import dates as en_dates
from bot.reading.en import reader as en_reader
from bot.reading.en import side_requests as en_side_requests
from bot.reading.en import summary as en_summary
from bot.reading.reader import Reader, Unreadable
from bot.reading.result import Answer, AskAgain, Correction, SideRequest, Value, answer_of
from bot.reading.zh import contact as zh_contact
from bot.reading.zh import corrections as zh_corrections
from bot.reading.zh import dates as zh_dates
from bot.reading.zh import reader as zh_reader
from bot.reading.zh import side_requests as zh_side_requests
from bot.reading.zh import summary as zh_summary


@dataclass(frozen=True)
class LanguageReader:
    """A Reader (bot/reading/reader.py) over one language's functions."""

    language: str
    read_reply: Callable[[Question, str, date, str | None], tuple[str, ...]]
    read_consent: Callable[[str, str | None], bool]
    carries_side_request: Callable[[str, str], bool]
    correction_target: Callable[[str, list[str]], str | None]
    correction_reply: Callable[[str], Reply | None]
    read_detail: Callable[[str, str], str]
    is_skip: Callable[[str], bool]
    summary_of: Callable[[Mapping[str, Any]], str]
    date_written: Callable[[date], str]
    written_in: Callable[[str], str] = lambda reply: ""
    """The language of a reply this reader hands to another's reader ("" for
    none): a Chinese conversation's reply in English words is read as
    English."""

    def read(
        self, question: Question, reply: str, today: date, intent: str | None = None
    ) -> Answer:
        if other := self.written_in(reply):
            return READERS[other].read(question, reply, today, intent)
        return answer_of(lambda: self.read_reply(question, reply, today, intent), reply)

    def side_request(self, intent: str, reply: str) -> SideRequest | None:
        return SideRequest(intent) if self.carries_side_request(intent, reply) else None

    def consent(self, reply: str, intent: str | None = None) -> Value | AskAgain:
        if other := self.written_in(reply):
            return READERS[other].consent(reply, intent)
        try:
            said_yes = self.read_consent(reply, intent)
        except Unreadable as unreadable:
            return AskAgain(unreadable.hint)
        return Value(((Reply.YES if said_yes else Reply.NO).value,), reply)

    def correction(self, reply: str, answered: list[str]) -> Correction | None:
        target = self.correction_target(reply, answered)
        return None if target is None else Correction(target, self.correction_reply(reply))

    def contact_detail(self, slot: str, reply: str) -> str:
        return self.read_detail(slot, reply)

    def skips(self, reply: str) -> bool:
        return self.is_skip(reply)

    def summary(self, slots: Mapping[str, Any]) -> str:
        return self.summary_of(slots)

    def written_date(self, day: date) -> str:
        return self.date_written(day)


READERS: dict[str, Reader] = {
    "en": LanguageReader(
        "en",
        en_reader.read_reply,
        en_reader.read_consent,
        en_side_requests.carries_side_request,
        en_corrections.correction_target,
        en_corrections.read_yes_no,
        en_contact.read_detail,
        en_contact.is_skip,
        en_summary.summary,
        en_dates.written_date,
    ),
    "zh": LanguageReader(
        "zh",
        zh_reader.read_reply,
        zh_reader.read_consent,
        zh_side_requests.carries_side_request,
        zh_corrections.correction_target,
        zh_corrections.read_yes_no,
        zh_contact.read_detail,
        zh_contact.is_skip,
        zh_summary.summary,
        zh_dates.written_date,
        lambda reply: "en" if zh_reader.in_english(reply) else "",
    ),
}
"""By language code (the conversation's `language` slot, stored on the referral)."""


def reader_for(language: str) -> Reader:
    """The reader for `language`; raises KeyError for a language not offered."""
    return READERS[language]

"""The reader, one for every language: the rules of reading a reply, over
each language's lexicon (bot/reading/lexicon.py), so that all give the
results of bot/reading/result.py the same way.

Every reply gets the same checks, whatever its form: a reply with no words
(empty, emoji, punctuation) or in a script the language does not read is
never an answer; a canonical-looking reply ("2031-01-01", "yes") is read like
any other. The classifier's intent is a second opinion for yes / no
questions only: when it disagrees with the words, the patient is asked again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.protocol.answers import ONGOING, DateSpan, Reply
from bot.protocol.criteria import Question, QuestionKind
from bot.reading import contact, corrections, replies, side_requests
from bot.reading import summary as summaries
from bot.reading.choices import read_choices
from bot.reading.dates import InvalidDate, TwoWays, check_span, one_of
from bot.reading.en.lexicon import LEXICON as ENGLISH
from bot.reading.language import NOT_READ, Script, language_written, script_of
from bot.reading.lexicon import Lexicon
from bot.reading.reader import PartlyRead, Reader, Unreadable
from bot.reading.result import Answer, AskAgain, Correction, SideRequest, Value, answer_of
from bot.reading.second_opinion import settled_yes_no
from bot.reading.yes_no import YesNoQuestion, read_yes_no
from bot.reading.zh.lexicon import LEXICON as CHINESE

_NO_WORDS_HINT = {
    QuestionKind.REPLY: "utter_invalid_yes_no",
    QuestionKind.CHOICE: "utter_invalid_choice",
    QuestionKind.BIRTH: "utter_invalid_date_unreadable",
    QuestionKind.PAST_DATE: "utter_invalid_date_unreadable",
    QuestionKind.END_DATE: "utter_invalid_date_unreadable",
}
_STORED_SPAN = re.compile(r"\d{4}-\d\d-\d\d/\d{4}-\d\d-\d\d")


@dataclass(frozen=True)
class LanguageReader:
    """A Reader (bot/reading/reader.py) over one language's lexicon."""

    words: Lexicon

    @property
    def language(self) -> str:
        return self.words.language

    def read(
        self, question: Question, reply: str, today: date, intent: str | None = None
    ) -> Answer:
        if other := self._hands_over(reply):
            return READERS[other].read(question, reply, today, intent)
        return answer_of(lambda: self.read_reply(question, reply, today, intent), reply)

    def read_reply(
        self, question: Question, reply: str, today: date, intent: str | None = None
    ) -> tuple[str, ...]:
        """The canonical values the reply gives, or Unreadable (see Reader.read)."""
        kind = question.kind
        if kind in _READ_BY_PARTS and len(parts := self._parts_by_language(reply)) > 1:
            return _read_by_parts(question, parts, today)
        if kind is QuestionKind.REPLY:  # checks the script itself, after the emoji that answer
            readings = self.yes_no(reply, self.words.subjects[question.slot], intent, today)
            return tuple(r.value for r in readings)
        self._check_script(reply, kind)
        if kind is QuestionKind.CHOICE:
            assert question.choices is not None
            named = read_choices(question.choices, reply, self.words.choices)
            if not named:
                raise Unreadable("utter_invalid_choice")
            return tuple(sorted(str(member.value) for member in named))
        return (self._date(kind, reply, today),)

    def yes_no(
        self, reply: str, subject: YesNoQuestion, intent: str | None, today: date | None = None
    ) -> list[Reply]:
        """The yes / no / not sure the reply states (sorted), or Unreadable."""
        return settled_yes_no(
            reply,
            intent,
            lambda text: self._check_script(text, QuestionKind.REPLY),
            lambda text: read_yes_no(text, subject, self.words.yes_no, today),
        )

    def side_request(self, intent: str, reply: str) -> SideRequest | None:
        words = self.words.side_requests
        return (
            SideRequest(intent)
            if side_requests.carries_side_request(words, intent, reply)
            else None
        )

    def consent(self, reply: str, intent: str | None = None) -> Value | AskAgain:
        if other := self._hands_over(reply):
            return READERS[other].consent(reply, intent)
        try:
            readings = self.yes_no(reply, self.words.consent, intent)
        except Unreadable as unreadable:
            return AskAgain(unreadable.hint)
        if readings not in ([Reply.YES], [Reply.NO]):
            return AskAgain("utter_invalid_yes_no")  # a hedge, or two answers
        return Value((readings[0].value,), reply)

    def correction(self, reply: str, answered: list[str]) -> Correction | None:
        words = self.words.corrections
        target = corrections.correction_target(words, reply, answered)
        if target is None:
            return None
        return Correction(target, corrections.read_yes_no(words, reply))

    def contact_detail(self, slot: str, reply: str) -> str:
        return contact.read_detail(self.words.contact, slot, reply)

    def skips(self, reply: str) -> bool:
        return contact.is_skip(self.words.contact, reply)

    def summary(self, slots: Mapping[str, Any]) -> str:
        return summaries.summary(self.words.summary, slots)

    def written_date(self, day: date) -> str:
        return self.words.summary.dates.written(day)

    def _hands_over(self, reply: str) -> str:
        """The language whose reader reads this reply instead ("" for this one)."""
        if not self.words.hands_latin_to or reply.strip().startswith("/"):
            return ""
        if script_of(reply) is not Script.LATIN:
            return ""
        plain = self.words.wording.normalised(reply)
        if re.search(r"[a-z]", plain) and not self.words.latin_answers.fullmatch(plain):
            return self.words.hands_latin_to
        return ""

    def _parts_by_language(self, reply: str) -> list[tuple[str, str]]:
        """The reply's clauses grouped by the language that reads them ("没有,
        but I had CAR-T in 2020": zh, then en): a clause without Chinese
        characters is another language's only when it is a phrase of it
        (bot.reading.language.language_written: "SLE" or "never" alone stays
        Chinese). One part when the reply keeps to one language."""
        other = self.words.hands_latin_to
        if not other or not re.search(r"[a-z]", self.words.wording.normalised(reply)):
            return [(self.language, reply)]  # no phrase of another language can be there
        parts: list[tuple[str, str]] = []
        for clause in self.words.wording.clauses(reply):
            foreign = other and script_of(clause) is Script.LATIN
            language = other if foreign and language_written(clause) == other else self.language
            if parts and parts[-1][0] == language:
                parts[-1] = (language, f"{parts[-1][1]}, {clause}")
            else:
                parts.append((language, clause))
        return parts

    def _check_script(self, reply: str, kind: QuestionKind) -> None:
        script = script_of(reply)
        if script in NOT_READ:
            raise Unreadable(NOT_READ[script])
        if script in self.words.foreign:
            raise Unreadable("utter_language_not_understood")
        if script is Script.NONE and not reply.strip().startswith("/"):
            raise Unreadable(_NO_WORDS_HINT[kind])

    def _date(self, kind: QuestionKind, reply: str, today: date) -> str:
        text = self.words.wording.normalised(reply)
        doubted = kind is not QuestionKind.BIRTH and self.words.dates.words.doubt.search(text)
        unsure = replies.says_unsure(self.words.replies, text) and not re.search(r"\d", text)
        if text == "/unsure" or doubted or unsure:
            if kind is QuestionKind.BIRTH:
                raise Unreadable("utter_invalid_birth_unsure")
            return Reply.UNSURE.value
        if kind is QuestionKind.END_DATE and replies.is_ongoing(self.words.replies, text):
            return ONGOING
        birth = kind is QuestionKind.BIRTH
        try:
            if _STORED_SPAN.fullmatch(text):
                return check_span(DateSpan.from_slot(text), today, birth=birth).to_slot()
            return self._parse_date(text, today, birth).to_slot()
        except TwoWays as two:
            return one_of(two, today, birth)
        except Unreadable:
            raise  # an age near 18, a lunar date: their own question
        except InvalidDate as error:
            raise Unreadable(f"utter_invalid_date_{error.reason}") from error
        except ValueError as error:
            raise Unreadable("utter_invalid_date_impossible") from error

    def _parse_date(self, text: str, today: date, birth: bool) -> DateSpan:
        """The date the reply gives; when the whole reply is no date, the
        dates of the patient's own clauses ("my daughter is 15, I'm 43"), read
        only when every clause that speaks of a time is read and they agree:
        the most precise, when it lies within all the others ("1980年6月1日,
        今年46", "nearly 50, 49")."""
        dates = self.words.dates
        parse = dates.birth if birth else dates.past
        try:
            return parse(text, today)
        except InvalidDate as whole:
            wording = self.words.wording
            if len(wording.clauses(text, leading_words=False)) < 2:
                raise
            readings = []
            for clause in wording.own_clauses(text, leading_words=False):
                try:
                    readings.append(parse(clause, today))
                except InvalidDate:
                    if dates.words.time_word.search(dates.words.numerals(clause)):
                        raise whole from None  # a time not read: "2020年先说是多发性肌炎"
            if not readings:
                raise
            precise = min(readings, key=lambda span: span.latest - span.earliest)
            if all(s.earliest <= precise.earliest and precise.latest <= s.latest for s in readings):
                return precise
            raise whole from None  # dates that disagree ("身份证上是1985年, 实际是1984年")


_READ_BY_PARTS = (QuestionKind.REPLY, QuestionKind.CHOICE)


def _read_by_parts(
    question: Question, parts: list[tuple[str, str]], today: date
) -> tuple[str, ...]:
    """Each part read by its own language's reader, the values of all kept:
    a part no reader understands makes the reading PartlyRead (closed world),
    and a reading with no value at all is Unreadable."""
    values: set[str] = set()
    unread: Unreadable | None = None
    for language, text in parts:
        reader = READERS[language]
        assert isinstance(reader, LanguageReader)
        try:
            values.update(reader.read_reply(question, text, today))
        except PartlyRead as partly:
            values.update(partly.values)
            unread = partly
        except Unreadable as unreadable:
            unread = unreadable
    if unread is not None and not values:
        raise unread
    if unread is not None:
        raise PartlyRead(tuple(sorted(values)))
    return tuple(sorted(values))


READERS: dict[str, Reader] = {
    "en": LanguageReader(ENGLISH),
    "zh": LanguageReader(CHINESE),
}
"""By language code (the conversation's `language` slot, stored on the referral)."""


def reader_for(language: str) -> Reader:
    """The reader for `language`; raises KeyError for a language not offered."""
    return READERS[language]

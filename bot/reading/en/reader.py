"""The English reader: a patient's reply to a question -> canonical values.

Every reply gets the same checks, whatever its form: a reply with no words
(empty, emoji, punctuation) or in another script is never an answer; a
canonical-looking reply ("2031-01-01", "yes") is read like any other. The
classifier's intent is a second opinion for yes / no questions only: when it
disagrees with the words, the patient is asked again.
"""

from __future__ import annotations

import re
from datetime import date

from bot.protocol.answers import ONGOING, DateSpan, Reply
from bot.protocol.criteria import Question, QuestionKind
from bot.reading.dates import InvalidDate, TwoWays, check_span, one_of
from bot.reading.en.choices import read_choices
from bot.reading.en.dates import parse_birth, parse_past_date
from bot.reading.en.replies import is_ongoing, says_unsure
from bot.reading.en.subjects import SUBJECTS
from bot.reading.en.wording import clauses, own_clauses
from bot.reading.en.yes_no import WORDS
from bot.reading.language import NOT_READ, Script, script_of
from bot.reading.reader import Unreadable
from bot.reading.second_opinion import settled_yes_no
from bot.reading.yes_no import YesNoQuestion, read_yes_no

CONSENT = YesNoQuestion(
    r"questions?|ask( me)?|go ahead|start|begin|proceed|continue|contact(ed)?|call( me)?|"
    r"ring|email|phone|happy to|fine by me|let'?s go|let'?s do it|go on",
    statements=((r"not (right )?now|another time|not today|maybe later|no thanks", Reply.NO),),
)


def read_reply(
    question: Question, reply: str, today: date, intent: str | None = None
) -> tuple[str, ...]:
    """See bot.reading.reader.Reader.answer."""
    kind = question.kind
    if kind is QuestionKind.REPLY:  # checks the script itself, after the emoji that answer
        readings = read_yes_no_reply(reply, SUBJECTS[question.slot], intent, today)
        return tuple(r.value for r in readings)
    _check_script(reply, kind)
    if kind is QuestionKind.CHOICE:
        assert question.choices is not None
        named = read_choices(question.choices, reply)
        if not named:
            raise Unreadable("utter_invalid_choice")
        return tuple(sorted(str(member.value) for member in named))
    return (_read_date(kind, reply, today),)


def read_yes_no_reply(
    reply: str, subject: YesNoQuestion, intent: str | None, today: date | None = None
) -> list[Reply]:
    """The yes / no / not sure the reply states (sorted), or Unreadable."""
    return settled_yes_no(
        reply,
        intent,
        lambda text: _check_script(text, QuestionKind.REPLY),
        lambda text: read_yes_no(text, subject, WORDS, today),
    )


def read_consent(reply: str, intent: str | None) -> bool:
    """True only for a plain yes, False for a plain no; anything else
    (a hedge, two answers, no words) raises Unreadable."""
    readings = read_yes_no_reply(reply, CONSENT, intent)
    if readings == [Reply.YES]:
        return True
    if readings == [Reply.NO]:
        return False
    raise Unreadable("utter_invalid_yes_no")


def _check_script(reply: str, kind: QuestionKind) -> None:
    script = script_of(reply)
    if script in NOT_READ:
        raise Unreadable(NOT_READ[script])
    if script is Script.CJK:  # read by the Chinese reader, never as English
        raise Unreadable("utter_language_not_understood")
    if script is Script.NONE and not reply.strip().startswith("/"):
        raise Unreadable(_NO_WORDS_HINT[kind])


_NO_WORDS_HINT = {
    QuestionKind.REPLY: "utter_invalid_yes_no",
    QuestionKind.CHOICE: "utter_invalid_choice",
    QuestionKind.BIRTH: "utter_invalid_date_unreadable",
    QuestionKind.PAST_DATE: "utter_invalid_date_unreadable",
    QuestionKind.END_DATE: "utter_invalid_date_unreadable",
}


def _read_date(kind: QuestionKind, reply: str, today: date) -> str:
    text = reply.strip()
    if text == "/unsure" or (says_unsure(text) and not re.search(r"\d", text)):
        if kind is QuestionKind.BIRTH:
            raise Unreadable("utter_invalid_birth_unsure")
        return Reply.UNSURE.value
    if kind is QuestionKind.END_DATE and is_ongoing(text):
        return ONGOING
    birth = kind is QuestionKind.BIRTH
    try:
        if re.fullmatch(r"\d{4}-\d\d-\d\d/\d{4}-\d\d-\d\d", text):  # a span, as stored
            return check_span(DateSpan.from_slot(text), today, birth=birth).to_slot()
        return _parse_date(text, today, birth).to_slot()
    except TwoWays as two:
        return one_of(two, today, birth)
    except InvalidDate as error:
        raise Unreadable(f"utter_invalid_date_{error.reason}") from error
    except ValueError as error:
        raise Unreadable("utter_invalid_date_impossible") from error


def _parse_date(text: str, today: date, birth: bool) -> DateSpan:
    """The date the reply gives; when the whole reply is no date, the one
    clause of the patient's own that is ("my daughter is 15, I'm 43")."""
    parse = parse_birth if birth else parse_past_date
    try:
        return parse(text, today)
    except InvalidDate as whole:
        readings = []
        for clause in own_clauses(text, leading_words=False):
            try:
                readings.append(parse(clause, today))
            except InvalidDate:
                continue
        if len(readings) == 1 and len(clauses(text, leading_words=False)) > 1:
            return readings[0]
        raise whole

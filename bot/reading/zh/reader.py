"""The Chinese reader: a patient's reply to a question -> canonical values.

The same contract and checks as the English reader (bot/reading/en/reader.py),
and the same canonical values for the same meaning. A reply with no words
(empty, emoji, punctuation) is never an answer; one in another script is
never read. Latin letters are read here only as a button's payload, a date or
age in digits, or the few Latin words Chinese patients write for their answer
("ok", "SLE", "GPA"); any other reply in Latin letters ("No", "lupus", "kidney
transplant": too short to switch the conversation to English, see
bot/reading/language.py) is read by the English reader, never as Chinese.
"""

from __future__ import annotations

import re
from datetime import date

from bot.protocol.answers import ONGOING, DateSpan, Reply
from bot.protocol.criteria import Question, QuestionKind
from bot.reading.dates import InvalidDate, TwoWays, check_span, one_of
from bot.reading.language import NOT_READ, Script, script_of
from bot.reading.reader import Unreadable
from bot.reading.second_opinion import settled_yes_no
from bot.reading.yes_no import YesNoQuestion, read_yes_no
from bot.reading.zh.choices import read_choices
from bot.reading.zh.dates import parse_birth, parse_past_date
from bot.reading.zh.numerals import arabic
from bot.reading.zh.replies import is_ongoing, says_unsure
from bot.reading.zh.subjects import SUBJECTS
from bot.reading.zh.wording import clauses, normalised, own_clauses
from bot.reading.zh.yes_no import WORDS

_LATIN_ANSWERS = re.compile(
    r"(ok|okay|sle|ssc|crest|anca|gpa|mpa|egpa|hiv|car-?t|cart|ild|jo-?1|mda-?5|mi-?2|tif-?1\w*|"
    r"nxp-?2|srp|hmgcr|pl-?7|pl-?12|tppa|rpr)\s*(\(\s*[+-]\s*\)|[+-])?[.!~ ]*"
)
CONSENT = YesNoQuestion(
    r"(你|您)?(问|开始|继续)|可以|好|行|同意|愿意|希望|"
    r"(让|请)?(研究团队|团队|工作人员|医生|他们|你们)?(来)?(联系|打电话给?)(我)?|来吧|接着|没问题",
    statements=((r"以后|改天|下次|不方便|不用了|算了|不要|拒绝|^不想", Reply.NO),),
)
_NO_WORDS_HINT = {
    QuestionKind.REPLY: "utter_invalid_yes_no",
    QuestionKind.CHOICE: "utter_invalid_choice",
    QuestionKind.BIRTH: "utter_invalid_date_unreadable",
    QuestionKind.PAST_DATE: "utter_invalid_date_unreadable",
    QuestionKind.END_DATE: "utter_invalid_date_unreadable",
}


def read_reply(
    question: Question, reply: str, today: date, intent: str | None = None
) -> tuple[str, ...]:
    """See bot.reading.reader.Reader.answer."""
    kind = question.kind
    if kind is QuestionKind.REPLY:
        readings = read_yes_no_reply(reply, SUBJECTS[question.slot], intent, today)
        return tuple(r.value for r in readings)
    check_script(reply, kind)
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
        lambda text: check_script(text, QuestionKind.REPLY),
        lambda text: read_yes_no(text, subject, WORDS, today),
    )


def read_consent(reply: str, intent: str | None) -> bool:
    """True only for a plain yes (是, 好的, 可以, 同意), False for a plain no (不,
    不要, 不同意); anything else raises Unreadable."""
    readings = read_yes_no_reply(reply, CONSENT, intent)
    if readings == [Reply.YES]:
        return True
    if readings == [Reply.NO]:
        return False
    raise Unreadable("utter_invalid_yes_no")


def in_english(reply: str) -> bool:
    """The reply is Latin words for the English reader: not a button's
    payload, not digits alone, not a Latin answer word Chinese patients use."""
    if script_of(reply) is not Script.LATIN or reply.strip().startswith("/"):
        return False
    plain = normalised(reply)
    return bool(re.search(r"[a-z]", plain)) and not _LATIN_ANSWERS.fullmatch(plain)


def check_script(reply: str, kind: QuestionKind) -> None:
    """Raises Unreadable unless the reply may be read as Chinese: Chinese
    characters, a button's payload, digits, or a Latin answer word alone
    (English words go to the English reader before this)."""
    script = script_of(reply)
    if script in NOT_READ:
        raise Unreadable(NOT_READ[script])
    if script is Script.NONE:
        raise Unreadable(_NO_WORDS_HINT[kind])


_DOUBT = re.compile(r"好像|可能|也许|或许|似乎|貌似|估计|不确定|不太确定")
"""A date the patient doubts ("好像是上周四") is not sure; one that is only
rounded ("大概2024年", "3月左右") is its span."""


def _read_date(kind: QuestionKind, reply: str, today: date) -> str:
    text = normalised(reply)
    doubted = kind is not QuestionKind.BIRTH and _DOUBT.search(text)
    if text == "/unsure" or doubted or (says_unsure(text) and not re.search(r"\d", text)):
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
    except Unreadable:
        raise  # an age near 18, a lunar date: their own question
    except InvalidDate as error:
        raise Unreadable(f"utter_invalid_date_{error.reason}") from error
    except ValueError as error:
        raise Unreadable("utter_invalid_date_impossible") from error


def _parse_date(text: str, today: date, birth: bool) -> DateSpan:
    """The date the reply gives; when the whole reply is no date, the dates
    of the patient's own clauses ("我女儿15岁, 我43"), read only when every
    clause that speaks of a time is read and they agree: the most precise,
    when it lies within all the others ("1980年6月1日, 今年46", "快50了, 49")."""
    parse = parse_birth if birth else parse_past_date
    try:
        return parse(text, today)
    except InvalidDate as whole:
        if len(clauses(text)) < 2:
            raise
        readings = []
        for clause in own_clauses(text):
            try:
                readings.append(parse(clause, today))
            except InvalidDate:
                if _TIME_WORD.search(arabic(clause)):
                    raise whole from None  # a time not read: "2020年先说是多发性肌炎"
        if not readings:
            raise
        precise = min(readings, key=lambda span: span.latest - span.earliest)
        if all(s.earliest <= precise.earliest and precise.latest <= s.latest for s in readings):
            return precise
        raise whole from None  # dates that disagree ("身份证上是1985年, 实际是1984年")


_TIME_WORD = re.compile(r"\d|年|月|周|星期|礼拜|天|日|号|岁|前|后|上次|最近")
"""A clause that holds any of these speaks of a time."""

"""Reading a yes / no / not sure, deterministically: one rule for every
language, each language's words in its `YesNoWords` (bot/reading/<language>/
yes_no.py).

The intent classifier may have an opinion, but this reader decides: a clause
is a yes only when its words say yes and nothing else, a no only when they
deny (the question's subject, or plainly), "not sure" when they hedge, and
nothing at all when they say anything it does not know: "I have lupus" is no
answer to "have you had CAR-T?". Clauses about someone else are left out;
clauses that disagree come back as two facts for the caller to settle; a
clause asked back states nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta

from bot.protocol.answers import DateSpan, Reply
from bot.reading.dates import InvalidDate
from bot.reading.reader import PartlyRead
from bot.reading.wording import NEVER, Wording

"""A pattern that matches nothing: a lexicon's switch that is off."""
_BUTTON = re.compile(r"^/(affirm|deny|unsure)$")
_BUTTON_REPLY = {"affirm": Reply.YES, "deny": Reply.NO, "unsure": Reply.UNSURE}
_SIGN = re.compile(r"\(\s*([+-])\s*\)|(?<=\s)([+-])(?=\s*($|[,;.!]))")
"""A result written as on a lab report: "HIV(-)", "梅毒(+)", "Mi-2 +"."""


@dataclass(frozen=True)
class YesNoQuestion:
    """What a yes / no question is about, in one language's words."""

    topic: str = NEVER.pattern  # the subject's words: naming it undenied is a yes
    ever: bool = False  # "have you ever...": a past occurrence counts
    window: relativedelta | None = None
    """"In the last 4 weeks": a yes that says when is judged against it."""
    now: bool = False
    """About now, even with a window ("are you pregnant?": a pregnancy dated
    before the window is over): what is over is a no."""
    statements: tuple[tuple[str, Reply], ...] = field(default=())  # "i'?m a man" -> no
    cured: Cured | None = None
    """A subject whose treated case is not a yes but for staff to verify."""
    any_of: bool = False
    """The question asks for any one of several ("any of these antibodies"): a
    yes to one named wins over a no to another ("not Jo-1, but NXP2")."""


@dataclass(frozen=True)
class Cured:
    """A subject of a question whose treated, past case is neither yes nor no:
    syphilis serology stays positive after treatment (the criteria map's
    "treated syphilis" row), so "treated for syphilis years ago" is not sure,
    unless the reply says a test is positive now."""

    subject: str  # "syphilis"
    treated: str  # "treated", "cured", "penicillin"
    positive: str  # "RPR positive": a test result decides
    others: str  # the question's other subjects ("HIV"): their yes stays


@dataclass(frozen=True)
class YesNoWords:
    """One language's words for reading a yes / no, and its named switches
    (docs/architecture.md lists why each differs between languages)."""

    wording: Wording
    """How the language cuts a reply (bot/reading/wording.py)."""
    numerals: Callable[[str], str]
    """Digits for the language's written numbers (一个月 -> 1个月)."""
    positive: str
    negative: str
    """The words a lab report's (+) and (-) stand for, spaced as the language
    spaces its words."""
    hedge: re.Pattern[str]
    """Words that make the whole reply unsure, whatever else it says."""
    known: re.Pattern[str]
    """Words that carry no fact of their own (fillers, yes and no words, time
    words): beside them a clause may hold only the question's subject."""
    negation: re.Pattern[str]
    double_negation: re.Pattern[str]
    """Two negations in one clause ("not that I haven't"): never guessed."""
    repeated_no: re.Pattern[str]
    """The whole clause one no said again ("no no", "没有没有"): a no."""
    yes_word: re.Pattern[str]
    states: re.Pattern[str]
    """A verb or result that states the subject ("had", "got", "positive")."""
    idioms: tuple[tuple[re.Pattern[str], str], ...]
    """Phrases replaced by the one word they mean ("why not" -> "ok")."""
    acknowledgement: re.Pattern[str]
    """Said before an answer, not as one ("um, no"); alone it is read as it is."""
    past: re.Pattern[str]
    """It happened but not now ("used to", "not any more", "以前有过")."""
    not_now: re.Pattern[str]
    """The negated forms of `past` ("no longer"): a negation that keeps it past."""
    no_fact: re.Pattern[str]
    """Having been tested or asked: says nothing of the result."""
    not_received: re.Pattern[str]
    """Offered, tested for, waiting for the subject: not having had it."""
    copula: re.Pattern[str]
    """A "yes" word that only points ("这个就是"): no yes."""
    when: re.Pattern[str]
    """A phrase that says when ("2 weeks ago", "去年3月"), each parsed alone."""
    parse_past_date: Callable[[str, date], DateSpan]
    """A phrase that says when -> its span; raises InvalidDate when unread."""
    in_year: str
    """A day or month written without its year, with {phrase} and {year}
    ("20 november 2026", "2026年11月20号")."""
    long_ago: re.Pattern[str]
    """A time long before any of the windows ("as a child", "小时候")."""
    vague_time: re.Pattern[str]
    """A time that cannot be placed against a window ("a while ago", "最近")."""
    wish: re.Pattern[str] = NEVER
    """A wish, a conditional or sarcasm: a clause that states no fact."""
    known_facts: re.Pattern[str] = NEVER
    """Facts known not to decide at any yes / no question beyond their own
    subject (the patient's disease, the treatments that do not exclude, from
    bot/medicine/): a clause of them alone is understood, and says nothing."""
    never_told: re.Pattern[str] = NEVER
    """The whole reply "nobody told me": the question's statements say what it
    answers ("has a doctor told you...?": a no), else it is unsure."""
    subject_then_answer: re.Pattern[str] = NEVER
    """Switch: a predicate written right after each subject without a comma
    ("艾滋没有梅毒有") makes one clause two facts; English needs a word between."""
    clause_questions: bool = False
    """Switch: a clause is checked for being asked back on its own ("有没有");
    English cuts off what it asks back when it cuts clauses (a short part
    ending in "?"), and an English clause may begin with "when"."""
    collapse_repeats: bool = False
    """Switch: letters typed three times or more are one ("nooo" -> "noo")."""
    unspaced_times: bool = False
    """Switch (zh): spaces are dropped before a time is looked for ("2 周前"
    is "2周前"); Chinese writes no space between words, English needs them."""


def read_yes_no(
    text: str, question: YesNoQuestion, words: YesNoWords, today: date | None = None
) -> set[Reply]:
    """The yes / no / not sure the reply states: one reading, several when its
    clauses disagree, none when it states neither (or speaks only of someone
    else, or of something the question is not about). `today` (the screening
    date) lets a yes that says when be judged against the question's window.
    Raises PartlyRead (with the readings) when another clause, not about the
    subject, holds words not understood."""
    plain = _SIGN.sub(lambda sign: _sign_word(sign, words), words.wording.normalised(text))
    if words.collapse_repeats:
        plain = re.sub(r"(\w)\1{2,}", r"\1\1", plain)
    if button := _BUTTON.match(plain):
        return {_BUTTON_REPLY[button.group(1)]}
    if words.never_told.fullmatch(plain.strip(" .!~")):
        told = {reply for pattern, reply in question.statements if re.search(pattern, plain)}
        return told or {Reply.UNSURE}
    if words.hedge.search(plain):  # whatever else it says: "I think no", "应该没有"
        return {Reply.UNSURE}
    topic = re.compile(question.topic)
    own = words.wording.own_clauses(plain)
    if len(own) > 1 and words.acknowledgement.fullmatch(own[0]):
        own = own[1:]  # "um, no": the answer follows
    stated: set[Reply] = set()  # "I'm a man", "12 weeks pregnant": answers as they are
    readings: set[Reply] = set()
    unread = False
    yes_clauses: list[str] = []
    for clause in (part for whole in own for part in _per_subject(whole, topic, words)):
        if words.clause_questions and words.wording.is_question(clause):
            continue  # asked back, not stated
        if words.wish.search(clause):
            continue  # "要是能做上CAR-T就好了": wished, not had
        said = {reply for pattern, reply in question.statements if re.search(pattern, clause)}
        if len(said) == 1:
            stated |= said
        elif (reading := _read_clause(clause, topic, question, words)) is not None:
            readings.add(reading)
            if reading is Reply.YES:
                yes_clauses.append(clause)
        elif question.cured and re.search(question.cured.treated, clause):
            continue  # "got the penicillin shots": how it was treated, read with it
        elif _not_understood(clause, topic, words):
            # Closed world: "no, only Breyanzi" is not a no. What a clause
            # says that is not understood may be the fact that decides.
            unread = True
    if question.window and Reply.YES in readings:
        readings = _judged_in_window(readings, plain, question.window, words, today)
    if question.any_of and any(topic.search(clause) for clause in yes_clauses):
        readings.discard(Reply.NO)
    if question.cured and Reply.YES in readings and _cured(plain, yes_clauses, question.cured):
        readings = {Reply.UNSURE}  # "no HIV, syphilis treated": the no was HIV's
    readings |= stated
    if unread and readings:
        raise PartlyRead(tuple(sorted(reply.value for reply in readings)))
    return set() if words.wording.is_question(plain) and not readings else readings


def _cured(plain: str, yes_clauses: list[str], cured: Cured) -> bool:
    """The reply names the cured subject and its treatment, no yes is said of
    another subject ("HIV positive, syphilis treated" stays a yes), and no
    test is said positive."""
    return (
        bool(re.search(cured.subject, plain) and re.search(cured.treated, plain))
        and not re.search(cured.positive, plain)
        and not any(re.search(cured.others, clause) for clause in yes_clauses)
    )


def _sign_word(sign: re.Match[str], words: YesNoWords) -> str:
    return words.positive if "+" in sign.group(0) else words.negative


def _per_subject(clause: str, topic: re.Pattern[str], words: YesNoWords) -> list[str]:
    """ "艾滋没有梅毒有" without a comma is two facts, each subject followed by
    its own answer; "没有艾滋也没有梅毒" is one (the answer comes first)."""
    if words.subject_then_answer is NEVER:
        return [clause]
    predicate = words.subject_then_answer.pattern
    one = rf"(?:{topic.pattern})\W*(?:也|都|倒是|却|就|还)?{predicate}"
    match = re.fullmatch(rf"(?P<first>{one})\W*(?P<second>{one})", clause)
    return [match.group("first"), match.group("second")] if match else [clause]


def _read_clause(
    clause: str, topic: re.Pattern[str], question: YesNoQuestion, words: YesNoWords
) -> Reply | None:
    for idiom, meaning in words.idioms:
        clause = idiom.sub(meaning, clause)
    besides_topic = topic.sub(" ", clause)
    if words.no_fact.search(clause) and not words.states.search(
        topic.sub(" ", words.no_fact.sub(" ", clause))
    ):
        return None  # "I was tested for HIV": tested, the result not said
    about_topic = bool(topic.search(clause))
    # Words it does not know are tolerated only beside the question's subject
    # and a verb that states it ("got CAR-T for lymphoma in 2021").
    stated = about_topic and bool(words.states.search(besides_topic))
    if not (stated or _only_known_words(besides_topic, words)):
        return None
    negations = len(words.negation.findall(besides_topic))
    if words.past.search(clause) and not (negations and not words.not_now.search(clause)):
        return _in_the_past(question)
    if words.double_negation.search(besides_topic) and not words.repeated_no.fullmatch(clause):
        return None  # "not that I haven't", "不是没有": never guessed
    if negations:
        return Reply.NO
    if words.not_received.search(clause) or words.copula.search(clause):
        return None  # "I was offered CAR-T", "这个就是"
    if words.yes_word.search(words.no_fact.sub(" ", clause)) or about_topic:
        return Reply.YES
    return None


def _not_understood(clause: str, topic: re.Pattern[str], words: YesNoWords) -> bool:
    """The clause does not name the question's subject and holds words that
    are not known (an unknown product, another topic's fact): what it says
    may be the subject under another name ("only Breyanzi" at the CAR-T
    question), so the reply's meaning is not known. A clause that names the
    subject is read, or left unread, on its own."""
    if topic.search(clause) or words.no_fact.search(clause):
        return False
    if words.not_received.search(clause) or words.copula.search(clause):
        return False  # understood: it states no fact of the patient's
    return not _only_known_words(clause, words, facts=True)


def _in_the_past(question: YesNoQuestion) -> Reply | None:
    """ "used to", "not any more": it happened, but not now. For "ever" a yes,
    for "now" a no, for "in the last weeks" nothing: when it ended decides, and
    "not sure" would let a deferral through as a check for staff."""
    if question.ever:
        return Reply.YES
    return None if question.window and not question.now else Reply.NO


def _judged_in_window(
    readings: set[Reply],
    plain: str,
    window: relativedelta,
    words: YesNoWords,
    today: date | None,
) -> set[Reply]:
    """A yes that says when: yes inside the window, no before it, not sure
    when the time cannot be read or straddles its start."""
    timed = words.numerals(plain)
    if words.unspaced_times:
        timed = timed.replace(" ", "")
    times = [match.group(0) for match in words.when.finditer(timed)]
    if not times and words.long_ago.search(plain):
        return (readings - {Reply.YES}) | {Reply.NO}  # "BCG as a child"
    if not times and words.vague_time.search(words.numerals(plain)):
        return (readings - {Reply.YES}) | {Reply.UNSURE}  # "a while ago": which side?
    if not times:
        return readings
    return (readings - {Reply.YES}) | {_in_window(times, window, words, today)}


def _in_window(
    times: list[str], window: relativedelta, words: YesNoWords, today: date | None
) -> Reply:
    """Judged only when the reply says when once, in words that are read."""
    if today is None or len(times) != 1:
        return Reply.UNSURE
    try:
        span = _span_of(times[0], words, today)
    except InvalidDate:
        return Reply.UNSURE
    start = today - window
    if span.earliest >= start:
        return Reply.YES
    return Reply.NO if span.latest < start else Reply.UNSURE


def _span_of(time: str, words: YesNoWords, today: date) -> DateSpan:
    """When a reply said without its year: "on 20 November", said in
    December, is the latest 20 November that has passed (the windows are
    weeks or months long, and a patient names the year of anything older)."""
    try:
        return words.parse_past_date(time, today)
    except InvalidDate as error:
        if error.reason != "no_year":
            raise
    for year in (today.year, today.year - 1):
        try:
            return words.parse_past_date(words.in_year.format(phrase=time, year=year), today)
        except InvalidDate as error:
            if error.reason != "future":
                raise
    raise InvalidDate("no_year")


def _only_known_words(clause: str, words: YesNoWords, facts: bool = False) -> bool:
    """Nothing but known words (and, with `facts`, known facts) in the clause."""
    text = words.numerals(clause)
    rest = words.known.sub(" ", words.known_facts.sub(" ", text) if facts else text)
    return not re.sub(r"[\d\W_]", "", rest)

"""Reading an English yes / no / not sure, deterministically.

The intent classifier may have an opinion, but this reader decides: a clause
is a yes only when its words say yes and nothing else, a no only when they
deny (the question's subject, or plainly), "not sure" when they hedge, and
nothing at all when they say anything it does not know: "I have lupus" is no
answer to "have you had CAR-T?". Clauses about someone else are left out;
clauses that disagree come back as two facts for the caller to settle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta

from bot.protocol.answers import Reply
from bot.reading.en.dates import InvalidDate, parse_past_date
from bot.reading.en.wording import NOT, is_question, normalised, own_clauses
from bot.reading.en.wording import clauses as clauses_of

HEDGE = re.compile(
    r"\b(not (so|too|quite|very|really|totally|entirely|completely|that|all that) sure|"
    r"no sure|can'?t say|cant say|can'?t tell|cant tell|"
    r"i think|i thought|i believe|i guess|i suppose|i reckon|i doubt|probably|maybe|perhaps|"
    r"possibly|might|may have|may be|could be|could have|not sure|unsure|don'?t know|dont know|"
    r"do not know|dunno|no idea|idk|can'?t remember|cant remember|don'?t remember|dont remember|"
    r"do not remember|can'?t recall|cant recall|not certain|not 100|hard to say|depends|"
    r"sort of|kind of|kinda|i would try|i'?d try|i'?ll try|i will try|try to|trying to|"
    r"hopefully|not that i (know|remember|recall|am aware|'m aware)|as far as i know|afaik|"
    r"i'?m not positive|not positive|false.?positive|forgot|forget|50/50|fifty.fifty|"
    r"unclear|no clue|"
    r"i hope|have to check|need to check|"
    r"have to ask|need to ask|ask my doctor|check with|not really sure|if i have to|"
    r"if needed|if necessary|i guess so|not decided|haven'?t decided|undecided|no memory|"
    r"some days|good days and bad|on and off|comes and goes|up and down|hit and miss|"
    r"waiting (on|for) (the )?(results?|biopsy|tests?|scan|pathology|report|histology)|"
    r"in the last (year|few years|\d+ years)|recently|lately|this year|"
    r"never been tested|not been tested|wasn'?t tested|never tested|never checked|"
    r"don'?t think so|do not think so|don'?t believe so|rather not say|prefer not to say)\b"
)
# Words that carry no fact of their own; whatever else a clause says must be
# the question's subject, or the clause is not read.
_FILLER = set(
    """
    i me my mine myself it its that this those these them one ones so any anything such
    thing things like ever before once twice thrice recently already still currently now
    just only really actually done had have has having did do does got gotten get been
    was were am is are be being the a an of to in on at for with from by about ago year
    years month months week weeks day days last this time times back when then well um
    uhm uh hmm er erm oh ah lol haha please thanks thank you sorry honestly truly mate
    dear doc sir madam there here too either all at some whatsoever nor or and totally
    completely certainly definitely absolutely sure yes yeah yep yup yea ya yah
    yas yess ye ok okay k kk correct right indeed affirmative true exactly agreed agree
    fine alright go ahead no nope nah never none not nothing negative nay nil n't dont
    didnt havent hasnt doesnt isnt wasnt arent werent wont cant cannot don't didn't
    haven't hasn't doesn't isn't wasn't aren't weren't won't can't i'm i've i'd i'll im
    ive id ill received receive taken take took tested told diagnosed treated given
    said say says doctor doctors dr test tests result results confirmed since free
    positive been ah certainly surely anymore longer noo pretty quite very fairly really
    absolutely ever anyone anybody told everything they nobody someone we us taking using
    hospital clinic infusion infusions
    """.split()
)
_NEGATION = re.compile(
    r"\b(no|noo|not|never|none|nope|nah|neither|nor|nothing|nobody|no one|negative|nay|nil|refuse|"
    r"won'?t|wont|cannot|can'?t|cant|unwilling)\b|" + NOT
)
_YES_WORD = re.compile(
    r"\b(yes|yeah|yea|yep|yup|ya|yah|yas|yess+|ye|sure|ok|okay|k|kk|correct|right|"
    r"absolutely|definitely|certainly|indeed|affirmative|true|exactly|agreed|agree|"
    r"positive|i (do|did|have|had|was|got|will|would)|i'(ve|d|ll)|go ahead)\b"
)
_IDIOMS = (
    (re.compile(r"\b(why not|no problem|no worries|not a problem|no prob|by all means)\b"), "ok"),
    (re.compile(r"\b(of course not|absolutely not|definitely not|certainly not)\b"), "no"),
    (re.compile(r"\b(not at all|not ever|never ever|no way|hell no)\b"), "never"),
    (re.compile(r"\b(of course|for sure|you bet|go for it|that'?s right|uh huh|mhm)\b"), "yes"),
)
_STATES = re.compile(
    r"\b(had|have|has|got|get|received|took|take|taking|underwent|undergone|did|done|"
    r"given|went through|on|positive|diagnosed|showed|shows|found|tested|still|getting|"
    r"having|keep|jab|shot|booster|dose|vaccinated|vaccine|vaccines|injection|spray)\b|"
    r"\bi'?ve\b|\bi'?m\b|\bim\b|\b(no|not|never|negative)\b|" + NOT
)
_TIME = re.compile(
    r"\bago\b|\blast (week|month|year|spring|summer|autumn|fall|winter)\b|\b(19|20)\d\d\b|"
    r"\b\d+ (days?|weeks?|months?|years?)\b|\byesterday\b|\b(jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec)[a-z]*\b"
)
_NO_LONGER = re.compile(r"\b(not any ?more|no longer|not now|used to|in the past)\b")
_BUTTON = re.compile(r"^/(affirm|deny|unsure)$")
_BUTTON_REPLY = {"affirm": Reply.YES, "deny": Reply.NO, "unsure": Reply.UNSURE}
_WORD = re.compile(r"[a-z][a-z'\-]*|\d+")
_DATE_WORD = re.compile(
    r"^(\d+|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|"
    r"dec\w*|spring|summer|autumn|fall|winter|yesterday|today|ago|early|late|mid)$"
)


@dataclass(frozen=True)
class YesNoQuestion:
    """What a yes / no question is about, for reading replies to it."""

    topic: str = r"(?!x)x"  # the subject's words: naming it undenied is a yes
    ever: bool = False  # "have you ever...": "not anymore" means it happened
    window: relativedelta | None = None
    """"In the last 4 weeks": a yes that says when is judged against it."""
    statements: tuple[tuple[str, Reply], ...] = field(default=())  # "i'?m a man" -> no


def read_yes_no(text: str, question: YesNoQuestion, today: date | None = None) -> set[Reply]:
    """The yes / no / not sure the reply states: one reading, several when its
    clauses disagree, none when it states neither (or speaks only of someone
    else, or of something the question is not about). `today` (the screening
    date) lets a yes that says when be judged against the question's window."""
    plain = re.sub(r"(\w)\1{2,}", r"\1\1", normalised(text))  # "nooo" -> "noo"
    if button := _BUTTON.match(plain):
        return {_BUTTON_REPLY[button.group(1)]}
    if HEDGE.search(plain):  # whatever else it says: "my periods stopped, I don't know if..."
        return {Reply.UNSURE}
    topic = re.compile(question.topic)
    stated: set[Reply] = set()  # "I'm a man", "12 weeks pregnant": answers as they are
    readings: set[Reply] = set()
    for clause in own_clauses(plain):
        said = {reply for pattern, reply in question.statements if re.search(pattern, clause)}
        if len(said) == 1:
            stated |= said
        elif (reading := _read_clause(clause, topic, question)) is not None:
            readings.add(reading)
    if question.window and Reply.YES in readings and _TIME.search(plain):
        readings = (readings - {Reply.YES}) | {_in_window(plain, question.window, today)}
    readings |= stated
    return set() if is_question(plain) and not readings else readings


def _in_window(plain: str, window: relativedelta, today: date | None) -> Reply:
    """A yes that says when: yes inside the window, no before it, not sure
    when the time cannot be read or straddles its start."""
    if today is None:
        return Reply.UNSURE
    spans = []
    for clause in clauses_of(plain):
        try:
            spans.append(parse_past_date(clause, today))
        except InvalidDate:
            continue
    if len(spans) != 1:
        return Reply.UNSURE
    start = today - window
    if spans[0].earliest >= start:
        return Reply.YES
    return Reply.NO if spans[0].latest < start else Reply.UNSURE


def _read_clause(clause: str, topic: re.Pattern[str], question: YesNoQuestion) -> Reply | None:
    for idiom, meaning in _IDIOMS:
        clause = idiom.sub(meaning, clause)
    about_topic = bool(topic.search(clause))
    # Words it does not know are tolerated only beside the question's subject
    # and a verb that states it ("got CAR-T for lymphoma in 2021").
    stated = about_topic and bool(_STATES.search(clause))
    if not (stated or _only_known_words(topic.sub(" ", clause))):
        return None
    if _NO_LONGER.search(clause):
        return Reply.YES if question.ever else Reply.NO
    negations = len(_NEGATION.findall(clause))
    if negations >= 2 and not re.fullmatch(r"(no|nope|nah|never)( (no|nope|nah|never))+", clause):
        return None  # "not that I haven't": never guessed
    if negations:
        return Reply.NO
    if _YES_WORD.search(clause) or about_topic:
        return Reply.YES
    return None


def _only_known_words(clause: str) -> bool:
    return all(
        word in _FILLER or _DATE_WORD.match(word)
        for word in _WORD.findall(clause.replace("n't", " n't"))
    )

"""The English words for reading a yes / no / not sure; the rule is one for
every language (bot/reading/yes_no.py)."""

from __future__ import annotations

import re

from bot.reading.en.dates import PARSER
from bot.reading.en.wording import NOT, RELATIVES, WISH, WORDING
from bot.reading.knowledge import known_facts
from bot.reading.wording import NEVER
from bot.reading.yes_no import YesNoWords

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
    r"unclear|no clue|yes and no|yes or no|"
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
    dear doc sir madam there here too either neither them all at some whatsoever nor or and totally
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
    interested planning plan planned trying both technically could can it's we're long
    up cervical mouth one two three four five six seven eight nine ten
    patient woman female lady morning cleared anything nothing yet
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
    r"having|keep|jab|shot|booster|dose|vaccinated|vaccine|vaccines|injection|spray|"
    r"finished|stopped|completed|ended|prescribed|course|tablets|pills|capsules)\b|"
    r"\bi'?ve\b|\bi'?m\b|\bim\b|\b(no|not|never|negative)\b|" + NOT
)
_TIME = re.compile(
    r"\bago\b|\blast (week|month|year|spring|summer|autumn|fall|winter)\b|\b(19|20)\d\d\b|"
    r"\b\d+ (days?|weeks?|months?|years?)\b|\byesterday\b|\b(jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec)[a-z]*\b"
)
_NO_LONGER = re.compile(r"\b(not any ?more|no longer|not now|used to|in the past)\b")
_DATE_WORD = (
    r"\d+|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|"
    r"dec\w*|spring|summer|autumn|fall|winter|yesterday|today|ago|early|late|mid"
)
_KNOWN = re.compile(
    r"(?<![\w'])("
    + "|".join(
        sorted((re.escape(word) for word in _FILLER | {"n't", "more"}), key=len, reverse=True)
    )
    + "|"
    + _DATE_WORD
    + r")(?![\w'])"
)
_LONG_AGO = re.compile(
    r"\b(as a (child|kid|baby|teen|teenager|student)|when i was (a )?(child|kid|baby|little|young|"
    r"small|teen|teenager|at school|in school)|in (my )?childhood|decades ago|many years ago|"
    r"years and years ago|years ago)\b"
)


_MONTH = (
    r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|june?|july?|aug(ust)?|sep(t(ember)?)?|"
    r"oct(ober)?|nov(ember)?|dec(ember)?)\.?"
)
_MAY = r"may(?= \d)|(?<=\d )may|(?<=\d(st|nd|rd|th) )may|(?<=in )may|(?<=of )may"
"""May the month, not the verb ("I may have"): beside a day, a year or "in"."""
_DAY = r"\d{1,2}(st|nd|rd|th)?"
_YEAR = r"(,? (19|20)\d\d)?"
_COUNT = (
    r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|"
    r"a few|a couple( of)?)"
)
_WHEN = re.compile(
    rf"\b({_DAY} (of )?({_MONTH}|{_MAY}){_YEAR}|({_MONTH}|{_MAY}) {_DAY}{_YEAR}|"
    rf"(early |mid |late )?({_MONTH}|{_MAY})( of)?( (19|20)\d\d)?|\d{{1,2}}/\d{{1,2}}(/\d{{2,4}})?|"
    rf"{_COUNT} (days?|weeks?|months?|years?) ago|"
    r"(last|this) (week|month|year|spring|summer|autumn|fall|winter|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)|the day before yesterday|yesterday|today|"
    r"(in )?(19|20)\d\d)\b"
)
"""A phrase that says when: a date, a month, "3 weeks ago", "last month", a
year; never a duration alone ("20 weeks" pregnant is no time ago)."""


_KNOWN_FACTS = re.compile(
    known_facts(
        r"\b(lupus|sle|sjogren'?s|sjögren'?s|scleroderma|systemic sclerosis|dermatomyositis|"
        r"myositis|vasculitis|anca|lupus nephritis|nephritis|arthritis|a cold|colds|cough|hpv|"
        r"cd20|antibody|antibodies|"
        r"sore throat|runny nose|headache|hi|hello|hey|else|other|apart|old|lost it|miscarr\w*|"
        rf"{RELATIVES})\b",
        "en",
    )
)
"""Facts that do not decide beyond their own question: the patient's disease,
a cold, a greeting, an age, the treatments that do not exclude (bot/medicine/)."""

WORDS = YesNoWords(
    wish=WISH,
    wording=WORDING,
    numerals=str,
    positive=" positive ",
    negative=" negative ",
    hedge=HEDGE,
    known_facts=_KNOWN_FACTS,
    known=_KNOWN,
    negation=_NEGATION,
    double_negation=re.compile(rf"(?:{_NEGATION.pattern}).*?(?:{_NEGATION.pattern})"),
    repeated_no=re.compile(r"(no|nope|nah|never)( (no|nope|nah|never))+"),
    yes_word=_YES_WORD,
    states=_STATES,
    idioms=_IDIOMS,
    acknowledgement=re.compile(r"(um+|uh+|erm+|hmm+|well|oh|ah|ok|okay|right)"),
    past=_NO_LONGER,
    not_now=re.compile(r"\b(not any ?more|no longer|not now)\b"),
    no_fact=re.compile(
        r"\b(tested|checked|screened) for\b|\b(asked|told) about\b|"
        r"\b(no one|nobody) has (ever )?(checked|tested|scanned|looked at)( my)?\b|"
        r"\b(haven'?t|hasn'?t|have not|has not|not|never) (yet )?(been |had (it|them|my \w+) )?"
        r"(checked|tested|scanned)( yet)?\b"
    ),
    not_received=re.compile(
        r"\b(offered|considered for|referred for|on the (waiting )?list for|waiting for|"
        r"applied for|looked into|interested in|thinking about|heard (of|about)|read about)\b"
    ),
    copula=NEVER,
    when=_WHEN,
    parse_past_date=PARSER.past,
    in_year="{phrase} {year}",
    long_ago=_LONG_AGO,
    vague_time=re.compile(
        r"\b(a while (ago|back)|some time ago|not long ago|a few (weeks|months) ago)\b"
    ),
    collapse_repeats=True,
)
"""English (bot/reading/yes_no.py reads with them)."""

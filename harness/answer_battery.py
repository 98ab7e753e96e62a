"""The answer-battery runner: type each answer of a battery at its question,
through the real REST channel, and check what the assistant stored (the
safety table). `scripts/answer_battery.py` runs it from the command line
(the full-server run, before an issue about reading is resolved); the suite
types the same batteries in-process (tests/e2e/test_answer_battery_in_process.py).

Each case is a new conversation: the simulated eligible patient, writing the battery's language
(a file that is a list of cases is English; a mapping names its
`conversation` language beside its `cases`), answers every question before
the case's one (routed so that the question is asked: a DM diagnosis for the
DM questions, and so on), then the case's text is sent and the stored slot is
read from the tracker store. That opening is the same for every case at one
question, so it is typed once through the servers and its events copied in
the tracker store under each case's own conversation id: the case's reply is
still typed through REST into a conversation of its own. Besides the
pre-screen's questions, a case may be typed at `confirmed_exclusion` (the
read-back of an answer that excludes: a CAR-T; "yes" when confirmed, "no"
when the answer was cleared), at `contact_consent` or at `contact_time`.

A case ends as one of:
- right: the value a careful nurse would record (`expect`), or nothing when
  the reply is no answer at all;
- unsure: "not sure" stored for a clear answer (safe: staff verify);
- asked again: nothing stored for an answer, the question asked again (the
  only outcome the English assistant has for other languages);
- FIRM WRONG: a yes, no, choice or date other than the right one, or any
  value stored for something that is not an answer at all.
The English battery's replies in other languages, Chinese among them, are
typed into an English conversation and not counted in its asked-again rate.
"""

from __future__ import annotations

import asyncio
import os
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from cryptography.fernet import Fernet
from dateutil.relativedelta import relativedelta
from rasa.shared.core.domain import Domain

from bot.protocol.answers import DateSpan
from bot.protocol.calendar import screening_date
from bot.settings import DOMAIN_FILE, PROJECT_ROOT
from harness.patients import CONFIRMED, ELIGIBLE, ELIGIBLE_ZH, QUESTIONS, sender
from harness.servers import REST_HEADERS, ActionServer, RasaServer, free_port
from stores.private import PrivateSQLTrackerStore

BATTERY_EN = PROJECT_ROOT / "tests" / "answers" / "battery.yml"
BATTERY_ZH = PROJECT_ROOT / "tests" / "answers" / "battery_zh.yml"
BATTERIES = [BATTERY_EN, BATTERY_ZH]
CLOSED_WORLD = [
    PROJECT_ROOT / "tests" / "answers" / "closed_world.yml",
    PROJECT_ROOT / "tests" / "answers" / "closed_world_zh.yml",
]
"""Issue 27's blind batteries, scored by what is decided (harness/safety.py);
their labels are frozen since their first run (docs/quality.md)."""
MODEL = PROJECT_ROOT / "models" / "prescreen.tar.gz"
ASKED_AGAIN_CEILING = 0.10
_DATE = re.compile(r"\d{4}(-\d\d){0,2}(/\d{4}-\d\d-\d\d)?")
AGE_CLASSES = ("adult", "minor", "unclear")
YES_NO_SLOTS = ("screening_consent", "contact_consent")
"""Stored as true / false."""

# How the eligible patient answers earlier questions so that the case's
# question is asked at all.
ROUTES: dict[str, dict[str, str]] = {
    "dm_antibody": {"diagnosis": "dermatomyositis", "dm_antibody": "yes"},
    "dm_diagnosed": {"diagnosis": "dermatomyositis", "dm_antibody": "yes"},
    "ssc_lung": {"diagnosis": "systemic sclerosis"},
    "pregnant": {"can_become_pregnant": "yes"},
    "contraception": {"can_become_pregnant": "yes", "pregnant": "no"},
    "cancer_treated": {"cancer": '/inform{"cancer": "excepted"}'},
    "infection_treatment_end": {"infection": "yes"},
    "live_vaccine_date": {"live_vaccine": "yes"},
    "other_trial_end": {"other_trial": "yes"},
    CONFIRMED: {"car_t": "yes"},
}
FILLERS = {
    "dm_antibody": "yes", "dm_diagnosed": "March 2020", "ssc_lung": "yes",
    "pregnant": "no", "contraception": "yes", "cancer_treated": "yes",
}  # fmt: skip
ROUTES_ZH: dict[str, dict[str, str]] = {
    "dm_antibody": {"diagnosis": "皮肌炎", "dm_antibody": "有"},
    "dm_diagnosed": {"diagnosis": "皮肌炎", "dm_antibody": "有"},
    "ssc_lung": {"diagnosis": "系统性硬化症"},
    "pregnant": {"can_become_pregnant": "能"},
    "contraception": {"can_become_pregnant": "能", "pregnant": "没有"},
    "cancer_treated": {"cancer": '/inform{"cancer": "excepted"}'},
    "infection_treatment_end": {"infection": "有"},
    "live_vaccine_date": {"live_vaccine": "打过"},
    "other_trial_end": {"other_trial": "参加过"},
    CONFIRMED: {"car_t": "做过"},
}
FILLERS_ZH = {
    "dm_antibody": "有", "dm_diagnosed": "2020年3月", "ssc_lung": "有",
    "pregnant": "没有", "contraception": "愿意", "cancer_treated": "是的",
}  # fmt: skip
PATIENTS = {
    "en": ("hi", {**ELIGIBLE, **FILLERS}, ROUTES),
    "zh": ("你好", {**ELIGIBLE_ZH, **FILLERS_ZH}, ROUTES_ZH),
}
"""By the conversation's language: the greeting, the answers, the routes."""


@dataclass(frozen=True)
class Case:
    id: str
    question: str
    cls: str
    lang: str
    text: str
    expect: Any
    conversation: str = "en"  # the language the patient writes before the case
    labelled_on: date | None = None
    """The day the battery's labels were written for (its relative and dated
    answers count from it); None: labels that hold on any day."""

    @property
    def clear(self) -> bool:
        """A firm answer is expected (not "not sure", not "not an answer")."""
        return self.expect not in ("unsure", "ask_again")


@dataclass(frozen=True)
class Result:
    case: Case
    stored: Any
    verdict: str  # right | unsure | asked_again | firm_wrong
    replies: tuple[str, ...]


def load(paths: Iterable[Path], today: date | None = None) -> list[Case]:
    """The cases of the batteries, without those whose expectation has expired
    by `today` (default: the screening date)."""
    today = today or screening_date()
    cases = []
    for path in paths:
        battery = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(battery, list):
            battery = {"conversation": "en", "cases": battery}
        for raw in battery["cases"]:
            day = battery.get("labelled_on") or today
            if "valid_until" in raw and date.fromisoformat(str(raw["valid_until"])) < day:
                continue  # e.g. "born 2008" is no longer "maybe under 18"
            cases.append(
                Case(raw["id"], raw["question"], raw["class"], raw["lang"],
                     str(raw["text"] or ""), raw["expect"], battery["conversation"],
                     battery.get("labelled_on"))
            )  # fmt: skip
    return cases


# --- what was stored, against what was expected -------------------------------


def verdict(case: Case, stored: Any, today: date) -> str:
    if stored is None:
        return "right" if case.expect == "ask_again" else "asked_again"
    if case.expect == "ask_again":
        return "firm_wrong"  # a value stored for something that is no answer
    if matches(case, stored, today):
        return "right"
    if stored in ("unsure", False) and case.question not in YES_NO_SLOTS:
        return "unsure" if stored == "unsure" else "firm_wrong"
    return "firm_wrong"


def matches(case: Case, stored: Any, today: date) -> bool:
    expect = case.expect
    if case.question in YES_NO_SLOTS:
        return isinstance(stored, bool) and stored is (expect == "yes")
    if case.question == "birth" and expect in AGE_CLASSES:
        return _age_class(stored, today) == str(expect)
    if isinstance(expect, dict) and "days_ago" in expect:
        return _span_holds(stored, today - timedelta(days=int(expect["days_ago"])), slack=3)
    if isinstance(stored, str) and _DATE.fullmatch(stored) and _DATE.match(str(expect)):
        return _date_matches(stored, str(expect), today)
    return str(stored) == str(expect)


def _age_class(stored: Any, today: date) -> str:
    if stored == "unsure":
        return "unclear"
    try:
        span = DateSpan.from_slot(str(stored))
    except ValueError:
        return "?"
    if span.latest + relativedelta(years=18) <= today:
        return "adult"
    if span.earliest + relativedelta(years=18) > today:
        return "minor"
    return "unclear"


def _span_holds(stored: Any, day: date, slack: int) -> bool:
    try:
        span = DateSpan.from_slot(str(stored))
    except ValueError:
        return False
    return span.earliest - timedelta(days=slack) <= day <= span.latest + timedelta(days=slack)


def _date_matches(stored: str, expect: str, today: date) -> bool:
    """An ISO date, month (2025-03), year (2025) or span (2025-03-01/2025-03-31)
    against a stored span."""
    span = DateSpan.from_slot(stored)
    if "/" in expect:
        return span == DateSpan.from_slot(expect)
    parts = [int(p) for p in expect.split("-")]
    if len(parts) == 3:
        return span == DateSpan.exact(date(*parts))
    if len(parts) == 2:
        first, last = date(parts[0], parts[1], 1), date(parts[0], parts[1], 1)
        last += relativedelta(months=1, days=-1)
    else:
        first, last = date(parts[0], 1, 1), date(parts[0], 12, 31)
    # "this month" keeps only the days up to today
    return span.earliest == first and span.latest in (last, today)


# --- driving one conversation -----------------------------------------------------


def facts_for(question: str, conversation: str = "en") -> dict[str, str]:
    _, facts, routes = PATIENTS[conversation]
    return {**facts, **routes.get(question, {})}


def open_at(say: Callable[[str, str], list[str]], question: str, conversation: str) -> str:
    """A new conversation, answered up to `question` (asked last); its id."""
    patient = sender("opening")
    facts = facts_for(question, conversation)
    replies = say(patient, PATIENTS[conversation][0])
    for _ in range(40):
        asked = QUESTIONS.get(replies[-1]) if replies else None
        if asked == question:
            return patient
        if asked is None or asked not in facts:
            raise RuntimeError(f"{conversation} {question}: the route met {asked!r}: {replies}")
        replies = say(patient, facts[asked])
    raise RuntimeError(f"{conversation} {question}: never asked")


def run_case(say: Callable[[str, str], list[str]], slot_of: Callable[[str, str], Any],
             patient: str, case: Case) -> Result:  # fmt: skip
    """`case`'s reply typed into `patient`'s conversation (at its question)."""
    replies = say(patient, case.text)
    stored = stored_answer(case.question, lambda slot: slot_of(patient, slot))
    day = case.labelled_on or screening_date()
    return Result(case, stored, verdict(case, stored, day), tuple(replies))


def run(rasa_url: str, tracker_db: Path, cases: list[Case], workers: int = 4) -> list[Result]:
    """Every case against the servers at `rasa_url`, whose conversations are
    in the SQLite tracker store `tracker_db` (readable with this process's keys)."""
    import requests
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.load(str(DOMAIN_FILE))
    store = PrivateSQLTrackerStore(domain=domain, dialect="sqlite", db=str(tracker_db))

    def say(patient: str, text: str) -> list[str]:
        response = requests.post(
            f"{rasa_url}/webhooks/rest/webhook", json={"sender": patient, "message": text},
            headers=REST_HEADERS, timeout=60,
        )  # fmt: skip
        if response.status_code >= 400:  # the channel refuses it: nothing stored
            return [f"<{response.status_code}>"]
        return [reply.get("text", "") for reply in response.json()]

    def slot_of(patient: str, slot: str) -> Any:
        tracker = asyncio.run(store.retrieve(patient))
        return tracker.get_slot(slot) if tracker else None

    def opening(key: tuple[str, str]) -> list[Any]:
        tracker = asyncio.run(store.retrieve(open_at(say, key[1], key[0])))
        assert tracker is not None
        return list(tracker.events)

    def copy_of(events: list[Any]) -> str:
        patient = sender("battery")
        asyncio.run(store.save(DialogueStateTracker.from_events(patient, events, domain.slots)))
        return patient

    keys = sorted({(case.conversation, case.question) for case in cases})
    with ThreadPoolExecutor(workers) as pool:
        openings = dict(zip(keys, pool.map(opening, keys), strict=True))
        return list(
            pool.map(
                lambda case: run_case(
                    say, slot_of, copy_of(openings[case.conversation, case.question]), case
                ),
                cases,
            )
        )


def stored_answer(question: str, slot: Callable[[str], Any]) -> Any:
    """What the conversation stored for the answer to `question`. For the
    read-back of an answer that excludes (a CAR-T, on the route): "yes" when
    confirmed, "no" when the answer was cleared, nothing when asked again."""
    if question != CONFIRMED:
        return slot(question)
    if slot(CONFIRMED):
        return "yes"
    return "no" if slot("car_t") is None else None


# --- the table ------------------------------------------------------------------------


def table(results: list[Result]) -> str:
    """The safety table: cases per class and how they ended."""
    by_class: dict[str, Counter[str]] = defaultdict(Counter)
    for result in results:
        by_class[result.case.cls][result.verdict] += 1
        by_class["all"][result.verdict] += 1
    lines = [
        "| class | cases | right | unsure | asked again | firm wrong |",
        "|---|---|---|---|---|---|",
    ]
    for name in sorted(by_class, key=lambda n: (n == "all", n)):
        c = by_class[name]
        lines.append(f"| {name} | {sum(c.values())} | {c['right']} | {c['unsure']} | "
                     f"{c['asked_again']} | {c['firm_wrong']} |")  # fmt: skip
    return "\n".join(lines)


def asked_again_rate(results: list[Result], language: str = "en") -> float:
    """The share of clear answers asked again, among those written in
    `language` in a conversation held in it."""
    clear = [
        r for r in results
        if r.case.clear and r.case.lang == language and r.case.conversation == language
    ]  # fmt: skip
    return sum(r.verdict == "asked_again" for r in clear) / max(1, len(clear))


@contextmanager
def own_servers() -> Iterator[tuple[str, Path]]:
    keys = Fernet.generate_key().decode()
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        with (
            ActionServer(free_port(), workdir, keys) as actions,
            RasaServer(free_port(), workdir, MODEL, actions.webhook, keys) as rasa,
        ):
            os.environ["REFERRAL_KEYS"] = keys  # to read their tracker store
            yield rasa.url, workdir / "rasa.db"

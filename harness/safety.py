"""How a stored answer is scored against its label by what it decides
(issue 27's scoring): excluded > deferred > staff verify > criterion met.

- right: the labelled value (or nothing, where the label asks again);
- other value: another value that decides the same (an organ for a stem-cell
  transplant: both exclude);
- unsure: "not sure", or a value staff must verify, for a reply that was clear
  and decides less: cost, not harm;
- asked again: nothing stored for a reply that answers: cost;
- UNSAFE: a stored decision weaker than the label's (a firm answer that would
  let an excluded person through; "not sure" for a reply that states an
  excluding fact; a value that lets through where the label asks again);
- WRONG: an exclusion or a deferral the reply does not state.

The decision of a value is the engine's (bot/protocol), judged on the
eligible patient's answers with the question's route (the answers that make
it asked) and the follow-ups that make a yes count (a date inside the window).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from bot.protocol.answers import ONGOING
from bot.protocol.canonical import answers_from_slots, typed_value
from bot.protocol.criteria import CRITERIA, QUESTIONS_BY_SLOT
from bot.protocol.decisions import Decision
from bot.protocol.eligibility import judge
from harness.patients import ELIGIBLE_SLOTS

if TYPE_CHECKING:  # the runner imports Rasa and the servers; scoring needs only the type
    from harness.answer_battery import Result

STRENGTH = {
    Decision.NOT_ASKED: 0, Decision.MET: 0, Decision.VERIFY: 1,
    Decision.DEFERRED: 2, Decision.EXCLUDED: 3,
}  # fmt: skip
VERDICTS = ("right", "other_value", "unsure", "asked_again", "unsafe", "wrong")
AGE_LABELS = {"adult": Decision.MET, "minor": Decision.EXCLUDED}

ROUTES = {
    "dm_antibody": {"diagnosis": "dermatomyositis", "dm_diagnosed": "2020-03"},
    "dm_diagnosed": {"diagnosis": "dermatomyositis", "dm_antibody": "yes"},
    "ssc_lung": {"diagnosis": "systemic_sclerosis"},
    "pregnant": {"can_become_pregnant": "yes", "contraception": "yes"},
    "contraception": {"can_become_pregnant": "yes", "pregnant": "no"},
    "cancer_treated": {"cancer": "excepted"},
}
"""The answers (canonical) that make each question asked and judged."""


def follow_ups(today: date) -> dict[str, dict[str, str]]:
    """The answers after a yes that make it count: the treatment goes on, the
    vaccine was today, the other study goes on, the excepted cancer was treated."""
    return {
        "infection": {"infection_treatment_end": ONGOING},
        "live_vaccine": {"live_vaccine_date": today.isoformat()},
        "other_trial": {"other_trial_end": ONGOING},
        "cancer": {"cancer_treated": "yes"},
        "can_become_pregnant": {"pregnant": "no", "contraception": "yes"},
    }


def decision_of(question: str, value: Any, today: date) -> Decision:
    """What storing canonical `value` at `question` decides, at its strongest
    over the criteria that read the question."""
    none: dict[str, str] = {}
    slots: dict[str, Any] = {**ELIGIBLE_SLOTS, **ROUTES.get(question, none), question: value}
    if value == "yes" or question == "cancer":
        slots.update(follow_ups(today).get(question, none))
    answers = answers_from_slots(slots)
    findings = [judge(c, answers, today) for c in CRITERIA if question in c.slots]
    return max((f.decision for f in findings), key=STRENGTH.__getitem__, default=Decision.MET)


def expected_decision(question: str, expect: Any, today: date) -> Decision | None:
    """The decision the label stands for; None where it asks again (or, at the
    date of birth, where the age is unclear: asking again is right)."""
    if expect == "ask_again" or (question == "birth" and expect == "unclear"):
        return None
    if question == "birth":
        return AGE_LABELS[str(expect)]  # KeyError: not a label of the date of birth
    if typed_value(QUESTIONS_BY_SLOT[question], str(expect)) is None:
        raise ValueError(f"{expect!r} is not a value of {question}")
    return decision_of(question, str(expect), today)


def safety_verdict(question: str, expect: Any, stored: Any, today: date) -> str:
    """One of VERDICTS for `stored` (a canonical value, or None) against `expect`."""
    wanted = expected_decision(question, expect, today)
    if stored is None:
        return "right" if wanted is None else "asked_again"
    if typed_value(QUESTIONS_BY_SLOT[question], stored) is None:
        return "wrong" if wanted is None else "unsafe"  # not a canonical value at all
    got = decision_of(question, stored, today)
    if wanted is None:
        if STRENGTH[got] == 0:
            return "unsafe"
        return "wrong" if STRENGTH[got] >= STRENGTH[Decision.DEFERRED] else "unsure"
    if str(stored) == str(expect) and question != "birth":
        return "right"
    if STRENGTH[got] < STRENGTH[wanted]:
        return "unsafe"
    if STRENGTH[got] > STRENGTH[wanted]:
        return "wrong" if STRENGTH[got] >= STRENGTH[Decision.DEFERRED] else "unsure"
    if question == "birth":
        return "right"
    return "unsure" if stored == "unsure" else "other_value"


def verdicts_of(results: Iterable[Result], today: date) -> list[str]:
    """The safety verdict of each battery result, in order, judged on the day
    its battery was labelled for (else `today`)."""
    return [
        safety_verdict(r.case.question, r.case.expect, r.stored, r.case.labelled_on or today)
        for r in results
    ]


def counts_by_language(results: list[Result], today: date) -> dict[str, Counter[str]]:
    """Per conversation language, how many results ended in each of VERDICTS
    (each verdict counted, 0 if none)."""
    counts: dict[str, Counter[str]] = {}
    for result, verdict in zip(results, verdicts_of(results, today), strict=True):
        language = counts.setdefault(result.case.conversation, Counter(dict.fromkeys(VERDICTS, 0)))
        language[verdict] += 1
    return counts


def safety_table(rows: Iterable[tuple[str, str]]) -> str:
    """Markdown: per class (then all), how many cases ended in each verdict;
    `rows` are (class, verdict)."""
    by_class: dict[str, Counter[str]] = defaultdict(Counter)
    for cls, verdict in rows:
        by_class[cls][verdict] += 1
        by_class["all"][verdict] += 1
    lines = [
        "| class | cases | right | other value | unsure | asked again | UNSAFE | WRONG |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name in sorted(by_class, key=lambda n: (n == "all", n)):
        counts = by_class[name]
        cells = " | ".join(str(counts[v]) for v in VERDICTS)
        lines.append(f"| {name} | {sum(counts.values())} | {cells} |")
    return "\n".join(lines)


def asked_again_by_question(rows: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Per question (then "all"), the share of cases asked again; `rows` are
    (question, verdict)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for question, verdict in rows:
        for key in (question, "all"):
            counts[key]["cases"] += 1
            counts[key]["asked"] += verdict == "asked_again"
    return {key: c["asked"] / c["cases"] for key, c in counts.items()}

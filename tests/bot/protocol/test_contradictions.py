from __future__ import annotations

from dataclasses import replace

from bot.protocol.answers import Reply
from bot.protocol.contradictions import Flag, FlagKind, contradictions
from bot.protocol.eligibility import Outcome, evaluate
from tests.bot.referrals.test_store import ELIGIBLE, TODAY


def test_consistent_answers_given_once_raise_no_flag() -> None:
    history = {"car_t": ["no"], "diagnosis": ["sle"], "birth": ["1980-03-15"]}

    assert contradictions(ELIGIBLE, history, TODAY) == ()


def test_an_answer_given_again_unchanged_is_not_a_change() -> None:
    assert contradictions(ELIGIBLE, {"car_t": ["no", "no"]}, TODAY) == ()


def test_a_changed_answer_is_flagged_with_every_answer_in_order() -> None:
    history = {"infection": ["yes", "no"], "diagnosis": ["ssc", "sle", "sle"]}

    assert contradictions(ELIGIBLE, history, TODAY) == (
        Flag(FlagKind.CHANGED, "diagnosis", "ssc -> sle"),
        Flag(FlagKind.CHANGED, "infection", "yes -> no"),
    )


def test_a_change_back_and_forth_is_kept_whole() -> None:
    flags = contradictions(ELIGIBLE, {"car_t": ["no", "unsure", "no"]}, TODAY)

    assert flags == (Flag(FlagKind.CHANGED, "car_t", "no -> unsure -> no"),)


def test_an_answer_the_other_answers_rule_out_is_flagged() -> None:
    # "I'm pregnant" kept although the patient said they cannot become pregnant.
    answers = replace(ELIGIBLE, pregnant=Reply.NO)

    assert contradictions(answers, {}, TODAY) == (Flag(FlagKind.NOT_APPLICABLE, "pregnant", "no"),)


def test_a_pregnancy_contradicting_an_earlier_answer_still_excludes() -> None:
    answers = replace(ELIGIBLE, pregnant=Reply.YES)

    assert contradictions(answers, {}, TODAY) == (Flag(FlagKind.NOT_APPLICABLE, "pregnant", "yes"),)
    assert evaluate(answers, TODAY).outcome is Outcome.NOT_ELIGIBLE

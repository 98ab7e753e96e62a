"""The domain, the criteria and the actions agree with each other.

Also proves what scripts/validate_data.py relies on: every response that no
story or rule names is sent by a form or an action.
"""

from __future__ import annotations

import re
from pathlib import Path

from rasa.shared.core.domain import Domain

from actions.outcome import response_key
from bot import contact, dates
from bot.criteria import CRITERIA, QUESTIONS
from bot.decisions import Decision

ROOT = Path(__file__).parents[1]
DOMAIN = Domain.load(str(ROOT / "domain.yml"))
RESPONSES = set(DOMAIN.responses)
ACTIONS_SOURCE = "\n".join(
    p.read_text() for folder in ("actions", "channels") for p in (ROOT / folder).glob("*.py")
)
BOT_SOURCE = "\n".join(p.read_text() for p in (ROOT / "bot").glob("*.py"))


def test_every_question_is_a_slot_of_the_prescreen_form_in_the_same_order() -> None:
    assert DOMAIN.required_slots_for_form("prescreen_form") == [q.slot for q in QUESTIONS]


def test_every_question_can_be_asked_and_explained() -> None:
    for question in QUESTIONS:
        assert f"utter_ask_{question.slot}" in RESPONSES
        assert f"utter_why_{question.slot}" in RESPONSES


def _criteria_that_can(decision: Decision) -> set[str]:
    """Criteria whose rule source mentions the decision's constructor."""
    found = set()
    for criterion in CRITERIA:
        source = re.search(
            rf"def {criterion.rule.__name__}\(.*?(?=\ndef |\nCRITERIA)", BOT_SOURCE, re.S
        )
        assert source, criterion.id
        constructor = {Decision.EXCLUDED: "excluded(", Decision.DEFERRED: "_window("}[decision]
        if constructor in source.group(0):
            found.add(criterion.id)
    return found


def test_every_possible_exclusion_and_deferral_has_its_explanation() -> None:
    excluding = _criteria_that_can(Decision.EXCLUDED)
    deferring = _criteria_that_can(Decision.DEFERRED)
    assert {"I1", "I2", "E1", "E4", "E5", "E7", "E8"} <= excluding
    assert {"E3", "E6", "E9", "I3-DM"} <= deferring
    for criterion_id in excluding:
        assert f"utter_excluded_{response_key(criterion_id)}" in RESPONSES
    for criterion_id in deferring:
        assert f"utter_deferred_{response_key(criterion_id)}" in RESPONSES


def test_every_hint_a_validator_can_send_exists() -> None:
    hints = {f"utter_invalid_date_{reason}" for reason in dates.REASONS}
    hints |= {f"utter_invalid_{reason}" for reason in contact.REASONS}
    assert hints - RESPONSES == set()


def test_every_response_named_in_actions_exists() -> None:
    for name in re.findall(r'"(utter_\w+)"', ACTIONS_SOURCE):
        assert name in RESPONSES, name


def test_every_side_question_intent_has_an_answer() -> None:
    for intent in DOMAIN.intents:
        if intent.startswith("ask_") and intent != "ask_why":
            assert f"utter_answer_{intent.removeprefix('ask_')}" in RESPONSES


def _used_by_stories_or_rules() -> set[str]:
    text = "\n".join(p.read_text() for p in (ROOT / "data").rglob("*.yml"))
    return set(re.findall(r"action: (utter_\w+)", text))


def test_every_response_is_sent_by_a_story_rule_form_or_action() -> None:
    form_questions = {
        f"utter_ask_{slot}"
        for form in DOMAIN.form_names
        for slot in DOMAIN.required_slots_for_form(form)
    }
    named_in_actions = set(re.findall(r'"(utter_\w+)"', ACTIONS_SOURCE))
    by_convention = ("utter_why_", "utter_answer_", "utter_excluded_", "utter_deferred_",
                     "utter_invalid_")  # fmt: skip
    unused = {
        name
        for name in RESPONSES - _used_by_stories_or_rules() - form_questions - named_in_actions
        if not name.startswith(by_convention)
    }
    assert unused == set()


def test_a_conversation_never_expires_into_a_new_session() -> None:
    # A new Rasa session drops the active form: a patient back after a day would
    # be answered "Sorry, I didn't understand" instead of the question they left.
    assert not DOMAIN.session_config.are_sessions_enabled()

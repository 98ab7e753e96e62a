"""The domain, the criteria and the actions agree with each other.

Also proves what scripts/validate_data.py relies on: every response that no
story or rule names is sent by a form or an action.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa.core.nlg.interpolator import interpolate_text
from rasa.shared.core.domain import Domain
from rasa_sdk import Action
from rasa_sdk.forms import FormValidationAction

import actions
from actions.form_validation import FormValidation
from actions.outcome import response_key
from bot.protocol.criteria import CRITERIA, QUESTIONS, Question
from bot.protocol.decisions import Decision
from bot.reading import dates
from bot.referrals import contact
from bot.settings import DOMAIN_FILE

ROOT = Path(__file__).parents[1]
DOMAIN = Domain.load(str(DOMAIN_FILE))
RAW_DOMAIN = yaml.safe_load(DOMAIN_FILE.read_text(encoding="utf-8"))
RESPONSES = set(DOMAIN.responses)
# The readers (bot/reading/) name the hints the validators send.
ACTIONS_SOURCE = "\n".join(
    p.read_text()
    for folder in ("actions", "channels", "bot/reading")
    for p in (ROOT / folder).rglob("*.py")
)
BOT_SOURCE = "\n".join(p.read_text() for p in (ROOT / "bot").rglob("*.py"))


def test_every_question_is_a_slot_of_the_prescreen_form_in_the_same_order() -> None:
    # ... and, last, the confirmation of an answer that ends the screening
    questions = [q.slot for q in QUESTIONS]
    assert DOMAIN.required_slots_for_form("prescreen_form") == [*questions, "confirmed_exclusion"]


def test_every_question_can_be_asked_and_explained() -> None:
    for question in QUESTIONS:
        assert f"utter_ask_{question.slot}" in RESPONSES
        assert f"utter_why_{question.slot}" in RESPONSES


def _criteria_that_can(decision: Decision) -> set[str]:
    """Criteria whose rule source mentions the decision's constructor."""
    found = set()
    for criterion in CRITERIA:
        source = re.search(
            rf"^def {criterion.rule.__name__}\(.*?(?=\ndef |\nCRITERIA)", BOT_SOURCE, re.S | re.M
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
                     "utter_invalid_", "utter_confirm_exclusion_")  # fmt: skip
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


# --- slot mappings follow from each question's kind ----------------------------


def expected_mappings(question: Question) -> list[dict[str, Any]]:
    """Whatever its kind, a question's slot takes the patient's words, and only
    while the form asks that very question: the reader of the conversation's
    language (bot/reading/) turns them into the canonical value, yes / no
    included (never an intent alone)."""
    asked = [{"active_loop": "prescreen_form", "requested_slot": question.slot}]
    return [{"type": "from_text", "conditions": asked}]


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.slot)
def test_each_question_slot_is_filled_only_as_its_kind_allows(question: Question) -> None:
    slot = RAW_DOMAIN["slots"][question.slot]
    assert slot["type"] == "text"
    assert slot["influence_conversation"] is False
    assert slot["mappings"] == expected_mappings(question)


# --- buttons survive Rasa's response templating ---------------------------------


def buttons() -> list[tuple[str, dict[str, str]]]:
    return [
        (name, button)
        for name, variations in DOMAIN.responses.items()
        for variation in variations
        for button in variation.get("buttons") or []
    ]


@pytest.mark.parametrize(("response", "button"), buttons(), ids=lambda v: str(v)[:40])
def test_a_button_payload_is_sent_as_written(response: str, button: dict[str, str]) -> None:
    # Rasa fills {slot} placeholders in every text of a response, payloads too:
    # a payload's entity JSON must be escaped as {{...}}, or each question logs
    # an ERROR quoting the response (and the patient's slot values).
    payload = button["payload"]
    assert not re.search(r"(?<!\{)\{(?!\{)", payload), f"{response}: unescaped brace"
    sent = interpolate_text(payload, {slot.name: "any value" for slot in DOMAIN.slots})
    intent, brace, entities = sent.partition("{")
    assert re.fullmatch(r"/\w+", intent)
    if brace:
        assert isinstance(json.loads(brace + entities), dict)


def test_the_language_is_taken_from_a_message_of_any_intent() -> None:
    """Inside a form Rasa 3.6 skips a slot mapping for the form's ignored
    intents unless the mapping lists them: the language mapping lists them all."""
    [mapping] = DOMAIN.slots[[s.name for s in DOMAIN.slots].index("language")].mappings
    rasa_own = {"session_start", "restart", "back"}  # Rasa's, never a patient's message
    assert set(mapping["intent"]) == {*DOMAIN.intents, "nlu_fallback"} - rasa_own


def _our_actions() -> list[type[Action]]:
    found = []
    for module_info in pkgutil.iter_modules(actions.__path__):
        module = importlib.import_module(f"actions.{module_info.name}")
        found += [
            member for _, member in inspect.getmembers(module, inspect.isclass)
            if issubclass(member, Action) and member.__module__ == module.__name__
            and "name" in vars(member) and not inspect.isabstract(member)
        ]  # fmt: skip
    return found


def test_every_action_that_reads_the_domain_is_sent_it() -> None:
    """The action endpoints send the domain only to the actions that ask for
    it (`enable_selective_domain`: half of each call's bytes); an action that
    reads it must ask (`send_domain`), or it would find no responses."""
    reads = {
        action().name() for action in _our_actions()
        if re.search(r"\bdomain(\.get\(|\[)", inspect.getsource(action))
        # the SDK's form validation reads the forms and slots from the domain;
        # ours (actions/form_validation.py) name their own
        or (issubclass(action, FormValidationAction) and not issubclass(action, FormValidation))
    }  # fmt: skip
    assert reads, "no action found"
    assert {a for a in reads if not DOMAIN.does_custom_action_explicitly_need_domain(a)} == set()


def test_the_forms_validations_are_not_sent_the_domain() -> None:
    validations = [f"validate_{form}" for form in DOMAIN.forms]
    assert [v for v in validations if DOMAIN.does_custom_action_explicitly_need_domain(v)] == []


@pytest.mark.parametrize("endpoints", ["endpoints.yml", "endpoints.production.yml"])
def test_the_shipped_endpoints_send_the_domain_only_where_asked(endpoints: str) -> None:
    config = yaml.safe_load((ROOT / endpoints).read_text())
    assert config["action_endpoint"]["enable_selective_domain"] is True

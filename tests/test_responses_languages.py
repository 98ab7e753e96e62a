"""Every response speaks both languages, and only one at a time.

Rasa 3.6 chooses at random among all conditional variations whose conditions
the slots meet, and falls back to the unconditional ones only when none does
(ResponseVariationFilter.responses_for_utter_action). So for every response,
each language and every combination of the slots its conditions use (unset
included), the variations Rasa would choose from must exist and all be of
that language; and a button must send the same payload whatever the language.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa.core.nlg.generator import ResponseVariationFilter
from rasa.shared.core.domain import Domain
from rasa.shared.core.slots import BooleanSlot, CategoricalSlot

from bot.settings import DOMAIN_FILE
from scripts import responses_table

DOMAIN = Domain.load(str(DOMAIN_FILE))
LANGUAGES = ("en", "zh")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
PLACEHOLDER = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")


def slot_values(name: str) -> list[Any]:
    """The values a slot can hold, None (unset) included."""
    slot = DOMAIN.slots[[s.name for s in DOMAIN.slots].index(name)]
    if isinstance(slot, BooleanSlot):
        return [True, False, None]
    assert isinstance(slot, CategoricalSlot), f"condition on {name}: not enumerable"
    return [*(v for v in slot.values if v != "__other__"), None]


def condition_slots(response: str) -> list[str]:
    names = {
        condition["name"]
        for variation in DOMAIN.responses[response]
        for condition in variation.get("condition") or []
    }
    return sorted(names - {"language"})


def combinations(response: str) -> Iterator[dict[str, Any]]:
    names = condition_slots(response)
    for values in itertools.product(*(slot_values(n) for n in names)):
        yield dict(zip(names, values, strict=True))


def chosen(response: str, language: str, slots: dict[str, Any]) -> list[dict[str, Any]]:
    """The variations Rasa chooses from at random for these slot values."""
    filled = {**slots, "language": language}
    variations: list[dict[str, Any]] = ResponseVariationFilter(
        DOMAIN.responses
    ).responses_for_utter_action(response, "rest", filled)
    return variations


def texts(variation: dict[str, Any]) -> list[str]:
    buttons = variation.get("buttons") or []
    return [variation.get("text") or "", *(b["title"] for b in buttons)]


def is_language(variation: dict[str, Any], language: str) -> bool:
    return all(bool(CJK.search(text)) == (language == "zh") for text in texts(variation))


def payloads(variation: dict[str, Any]) -> list[str]:
    return [b["payload"] for b in variation.get("buttons") or []]


def test_the_language_slot_offers_both_languages_and_starts_in_english() -> None:
    slot = DOMAIN.slots[[s.name for s in DOMAIN.slots].index("language")]
    assert isinstance(slot, CategoricalSlot)
    assert {"en", "zh"} <= set(slot.values)
    assert slot.initial_value == "en"


@pytest.mark.parametrize("response", sorted(DOMAIN.responses))
def test_each_language_gets_only_its_own_variations(response: str) -> None:
    for slots in combinations(response):
        by_language = {language: chosen(response, language, slots) for language in LANGUAGES}
        for language, variations in by_language.items():
            assert variations, f"{response} {language} {slots}: nothing to send"
            wrong = [v.get("text") for v in variations if not is_language(v, language)]
            assert not wrong, f"{response} {language} {slots}: {wrong}"
        en, zh = by_language["en"], by_language["zh"]
        # the buttons send the same whatever the language
        assert {tuple(payloads(v)) for v in en} == {tuple(payloads(v)) for v in zh}, response
        # and both languages fill the same placeholders
        en_fields = {tuple(sorted(set(PLACEHOLDER.findall(v.get("text") or "")))) for v in en}
        zh_fields = {tuple(sorted(set(PLACEHOLDER.findall(v.get("text") or "")))) for v in zh}
        assert en_fields == zh_fields, response


@pytest.mark.parametrize("response", sorted(DOMAIN.responses))
def test_every_response_has_a_chinese_variation_selected_by_the_language(response: str) -> None:
    zh = [
        v
        for v in DOMAIN.responses[response]
        if {"type": "slot", "name": "language", "value": "zh"} in (v.get("condition") or [])
    ]
    assert zh and all(is_language(v, "zh") for v in zh)


def test_the_unconditional_variation_is_english() -> None:
    for response, variations in DOMAIN.responses.items():
        defaults = [v for v in variations if not v.get("condition")]
        assert len(defaults) == 1, response
        assert is_language(defaults[0], "en"), response


def test_docs_responses_md_is_what_the_script_writes() -> None:
    committed = Path(responses_table.OUTPUT).read_text(encoding="utf-8")
    assert committed == responses_table.render(DOMAIN_FILE), (
        "docs/responses.md is out of date: run .venv/bin/python scripts/responses_table.py"
    )

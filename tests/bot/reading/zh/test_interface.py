"""The Chinese modules offer what the English ones offer, by the same names and
signatures, so that the actions can pick either by the conversation's language."""

from __future__ import annotations

import importlib
import inspect

import pytest

SHARED = {
    "choices": ("read_choices", "read_choice"),
    "contact": ("read_name", "read_phone", "read_email", "read_contact_time", "is_skip"),
    "corrections": ("correction_target", "read_yes_no"),
    "dates": ("parse_birth", "parse_past_date", "written_date"),
    "reader": ("read_reply", "read_yes_no_reply", "read_consent"),
    "replies": ("says_unsure", "is_ongoing"),
    "side_requests": ("carries_side_request",),
    "summary": ("summary",),
    "yes_no": ("read_yes_no",),
}


@pytest.mark.parametrize(
    ("module", "name"), [(module, name) for module, names in SHARED.items() for name in names]
)
def test_the_same_function_as_english(module: str, name: str) -> None:
    english = getattr(importlib.import_module(f"bot.reading.en.{module}"), name)
    chinese = getattr(importlib.import_module(f"bot.reading.zh.{module}"), name)
    assert inspect.signature(chinese) == inspect.signature(english)

# ruff: noqa: RUF001
from __future__ import annotations

from typing import Any

import pytest

from channels.patient_rest import (
    MAX_MESSAGE,
    TechnicalProblem,
    body_problem,
    clean_text,
    holds_credential,
    kept_metadata,
)


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ([1, 2], 400),
        ("hi", 400),
        (None, 400),
        ({"message": "hi"}, 400),  # no sender: never the shared "default" conversation
        ({"sender": "", "message": "hi"}, 400),
        ({"sender": "x" * 129, "message": "hi"}, 400),
        ({"sender": "../../etc/passwd", "message": "hi"}, 400),
        ({"sender": "a'; DROP TABLE events;--", "message": "hi"}, 400),
        ({"sender": 123, "message": "hi"}, 400),
        ({"sender": "p-1"}, 400),
        ({"sender": "p-1", "message": None}, 400),
        ({"sender": "p-1", "message": 42}, 400),
        ({"sender": "p-1", "message": "x" * (MAX_MESSAGE + 1)}, 413),
        ({"sender": "p-1", "message": "hi", "metadata": [1]}, 400),
    ],
)
def test_malformed_bodies_are_refused(body: Any, status: int) -> None:
    problem = body_problem(body)
    assert problem is not None and problem[0] == status


@pytest.mark.parametrize(
    "body",
    [
        {"sender": "p-1", "message": ""},
        {"sender": "p-1", "message": "x" * MAX_MESSAGE},
        {"sender": "3f2a9c1e-77b0-4c1a-9e55-0d2b6f1c8a10", "message": "hi"},
        {"sender": "web:abc@site", "message": "hi", "metadata": {"lang": "en"}},
        {"sender": "p-1", "message": "我45岁 🙂 مرحبا"},
    ],
)
def test_well_formed_bodies_pass(body: Any) -> None:
    assert body_problem(body) is None


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("hel\x00lo", "hello"),
        ("line one\nline two\ttab", "line one line two tab"),
        ("\x1b[31mred\x1b[0m", "[31mred[0m"),
        ("I'm 45 🙂", "I'm 45 🙂"),
        ("\u202eevil", "evil"),
        ("مرحبا 你好", "مرحبا 你好"),
    ],
)
def test_control_characters_are_removed(text: str, clean: str) -> None:
    assert clean_text(text) == clean


def test_the_technical_problem_text_comes_from_the_domain_in_the_message_language() -> None:
    problem = TechnicalProblem()

    assert "technical problem" in problem.text_for("I'm 45 years old")
    assert problem.text_for("我45岁").startswith("抱歉，我们现在遇到了技术问题")
    both = problem.text_for("45")
    assert both.startswith("抱歉") and "technical problem" in both


@pytest.mark.parametrize(
    ("metadata", "kept"),
    [
        ({"language": "zh"}, {"language": "zh"}),
        ({"language": "en", "x": "y" * 100_000}, {"language": "en"}),
        ({"language": "fr"}, None),
        ({"language": ["en"]}, None),
        ({"anything": "else"}, None),
        (None, None),
        ([1], None),
    ],
)
def test_of_the_metadata_only_the_pages_language_is_kept(metadata: Any, kept: Any) -> None:
    assert kept_metadata(metadata) == kept


@pytest.mark.parametrize(
    "authorization",
    [None, "", "Bearer", "Bearer ", "Bearer wrong", "credential", "bearer credential",
     "Bearer credentia", "Bearer credential ", "Basic credential"],
)  # fmt: skip
def test_only_the_exact_bearer_credential_is_held(authorization: str | None) -> None:
    assert not holds_credential(authorization, "credential")
    assert holds_credential("Bearer credential", "credential")


def test_a_run_without_a_credential_refuses_everyone() -> None:
    assert not holds_credential("Bearer ", "")
    assert not holds_credential(None, "")

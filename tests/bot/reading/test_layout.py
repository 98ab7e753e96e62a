"""The reading packages' architecture, as imports: one core, a package per
language, and no arrow from one language's package to another's (what both
read alike lives in the core: bot/reading/*.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.test_layout import ROOT, imported_modules

READING = ROOT / "bot" / "reading"
LANGUAGES = sorted(path.name for path in READING.iterdir() if (path / "__init__.py").exists())


def test_there_is_a_package_per_language() -> None:
    assert LANGUAGES == ["en", "zh"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_language_imports_another(language: str) -> None:
    others = tuple(f"bot.reading.{other}" for other in LANGUAGES if other != language)
    crossing = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in (READING / language).rglob("*.py")
        for name in sorted(imported_modules(path))
        if name.startswith(others)
    ]
    assert crossing == []


def test_the_core_imports_no_language() -> None:
    """Only languages.py, which registers the readers, knows the languages."""
    crossing = [
        f"{path.name} imports {name}"
        for path in READING.glob("*.py")
        if path.name != "languages.py"
        for name in sorted(imported_modules(path))
        if name.startswith(tuple(f"bot.reading.{language}" for language in LANGUAGES))
    ]
    assert crossing == []


STILL_READING = {
    "lunar.py": "the lunar calendar (zh)",
    "numerals.py": "Chinese numerals (zh)",
}
"""The language modules that still define functions, on their way to data
over a core; docs/architecture.md lists them. This set only shrinks."""


def functions_defined(path: Path) -> list[str]:
    """The functions, lambdas and classes a module defines, at any depth."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        getattr(node, "name", "lambda")
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef))
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_language_package_defines_only_its_lexicon_data(language: str) -> None:
    """No function that reads a reply: each module holds patterns, tables and
    the objects of the core's types built from them (bot/reading/lexicon.py)."""
    defining = {
        path.name: functions_defined(path)
        for path in sorted((READING / language).glob("*.py"))
        if path.name not in STILL_READING
    }
    assert {name: found for name, found in defining.items() if found} == {}


def test_the_modules_still_reading_are_listed_in_the_architecture() -> None:
    """Each module still holding functions is named in docs/architecture.md,
    and still holds some in one language at least (else it leaves the set)."""
    architecture = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert [name for name in STILL_READING if f"`{name}`" not in architecture] == []
    emptied = [
        name
        for name in STILL_READING
        if not any(
            (READING / language / name).exists() and functions_defined(READING / language / name)
            for language in LANGUAGES
        )
    ]
    assert emptied == []

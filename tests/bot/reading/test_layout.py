"""The reading packages' architecture, as imports: one core, a package per
language, and no arrow from one language's package to another's (what both
read alike lives in the core: bot/reading/*.py)."""

from __future__ import annotations

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

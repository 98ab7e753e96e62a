"""The architecture, as imports: data flows one way, nothing ships that
depends on the tests or their harness, and the scripts drive the product
through the harness, never through the tests."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def imports_of(folder: str) -> dict[str, set[str]]:
    return {
        str(path.relative_to(ROOT)): imported_modules(path)
        for path in (ROOT / folder).rglob("*.py")
    }


def offenders(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{module} imports {name}"
        for module, names in imports_of(folder).items()
        for name in sorted(names)
        if name.split(".")[0] in forbidden
    ]


def test_bot_knows_nothing_of_rasa_or_of_the_parts_that_use_it() -> None:
    assert offenders("bot", ("rasa", "rasa_sdk", "sanic", "actions", "channels", "stores")) == []


PRODUCT = ["bot", "actions", "channels", "components", "stores", "migrations", "inbox"]


@pytest.mark.parametrize("folder", [*PRODUCT, "harness", "scripts"])
def test_nothing_outside_the_tests_imports_them(folder: str) -> None:
    assert offenders(folder, ("tests",)) == []


@pytest.mark.parametrize("folder", PRODUCT)
def test_nothing_in_the_product_imports_the_harness_or_the_scripts(folder: str) -> None:
    assert offenders(folder, ("harness", "scripts")) == []


IN_PROCESS = "harness/in_process.py"


def test_the_harness_uses_the_product_only_through_its_public_parts() -> None:
    """Servers are started as processes and talked to over HTTP; what the
    harness imports of the product is bot/, the channels' page paths and
    checks, and the stores it reads back (never an action, whose logic the
    tests prove). One module alone imports the actions: harness/in_process.py
    runs the answer batteries without servers, so it drives the forms'
    validation in-process, as the action server would; everything else of the
    harness drives the product from outside."""
    assert offenders("harness", ("inbox", "scripts", "migrations")) == []
    importing_actions = offenders("harness", ("actions",))
    assert [line for line in importing_actions if not line.startswith(f"{IN_PROCESS} ")] == []


def test_the_tests_and_the_scripts_find_the_harness_in_one_place() -> None:
    """No second copy of the servers or the simulated patients under scripts/."""
    moved = {"servers.py", "patients.py", "browser.py", "website_patient.py"}
    assert sorted(path.name for path in (ROOT / "scripts").iterdir() if path.name in moved) == []


def test_the_protocol_never_touches_storage_or_reading() -> None:
    protocol = {
        module: {name for name in names if name.startswith(("bot.referrals", "bot.reading"))}
        for module, names in imports_of("bot/protocol").items()
    }
    assert {module: names for module, names in protocol.items() if names} == {}


def test_the_inbox_uses_bot_and_never_rasa_nor_the_assistants_parts() -> None:
    assert offenders("inbox", ("rasa", "rasa_sdk", "sanic", "actions", "channels", "stores")) == []
    assert offenders("bot", ("inbox", "flask", "flask_login", "flask_wtf")) == []

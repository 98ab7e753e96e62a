"""What the terminal shows of the processes' output (scripts/terminal.py):
the known noise of our dependencies goes, everything else stays, errors
above all."""

from __future__ import annotations

import io
from pathlib import Path

from scripts.terminal import copy, shown

SITE = "/work/main/.venv/lib/python3.10/site-packages"

NOISE = [
    f"{SITE}/rasa/shared/utils/validation.py:134: DeprecationWarning: pkg_resources is "
    "deprecated as an API.",
    "  import pkg_resources",
    f"{SITE}/pkg_resources/__init__.py:3117: DeprecationWarning: Deprecated call to "
    "`pkg_resources.declare_namespace('ruamel')`.",
    "Implementing implicit namespace packages (as specified in PEP 420) is preferred.",
    "  declare_namespace(pkg)",
    f"{SITE}/matplotlib/fontconfig_pattern.py:66: PyparsingDeprecationWarning: "
    "'setParseAction' deprecated",
    "  ).setParseAction(self._family)",
    f"{SITE}/rasa/core/tracker_store.py:1044: MovedIn20Warning: Deprecated API features",
    "  Base: DeclarativeMeta = declarative_base()",
    "<frozen importlib._bootstrap>:283: DeprecationWarning: the load_module() method is deprecated",
    f"\x1b[93m{SITE}/rasa/shared/utils/io.py:100: UserWarning: The utterance "
    "'utter_ask_car_t' is not used in any story or rule.",
    "\x1b[0m",
    "\rProcessed story blocks:   0%|          | 0/2 [00:00<?, ?it/s]",
    f"\x1b[93m{SITE}/rasa/shared/core/slot_mappings.py:224: UserWarning: Slot auto-fill has "
    "been removed in 3.0 and replaced with a new explicit mechanism to set slots.",
    "  rasa.shared.utils.io.raise_warning(",
]


def test_the_known_noise_of_dependencies_is_not_shown() -> None:
    assert list(shown(NOISE)) == []


def test_log_records_errors_and_tracebacks_between_the_noise_are_shown() -> None:
    kept = [
        "2026-12-07 11:30:35 INFO     rasa.cli.train  - Started validating domain",
        "Traceback (most recent call last):",
        '  File "/work/main/actions/server.py", line 3, in <module>',
        "ValueError: a real error",
    ]
    lines = [NOISE[0], kept[0], NOISE[2], kept[1], kept[2], kept[3]]
    assert list(shown(lines)) == kept


def test_an_error_right_after_a_warning_without_its_source_line_is_shown() -> None:
    lines = [NOISE[0], "2026-12-07 ERROR x", NOISE[10], "RuntimeError: no model"]
    assert list(shown(lines)) == ["2026-12-07 ERROR x", "RuntimeError: no model"]


def test_warnings_of_our_own_code_and_other_warnings_are_shown() -> None:
    ours = "/work/main/bot/reading/core.py:12: DeprecationWarning: ours"
    theirs = f"{SITE}/rasa/shared/utils/io.py:100: UserWarning: Slot 'x' is not in the domain"
    assert list(shown([ours, "  source()", theirs])) == [ours, "  source()", theirs]


def test_every_line_is_kept_in_the_log(tmp_path: Path) -> None:
    screen, output = io.StringIO(), "".join(f"{line}\n" for line in [*NOISE, "done"])
    copy(io.StringIO(output), screen, tmp_path / "l")
    assert screen.getvalue() == "done\n"
    assert (tmp_path / "l").read_bytes().decode() == output

"""Write docs/responses.md: every text the assistant can send, English and
Chinese side by side, for the site's staff and the ethics committee.

    .venv/bin/python scripts/responses_table.py

The texts come from domain.yml, the one place they live; the Chinese variation
of a response is the one whose condition says `language: zh`. Where a response
depends on other slots, the conditions are shown in plain words.
tests/test_responses_languages.py checks that the committed file is what this
script writes now.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
DOMAIN_FILE = ROOT / "domain.yml"
OUTPUT = ROOT / "docs" / "responses.md"
SECTION = re.compile(r"^  # --- (.+?) -*$")
RESPONSE = re.compile(r"^  (utter_\w+):$")

HEADER = """\
# What the assistant says, in English and Chinese

Generated from `domain.yml` by `scripts/responses_table.py`: do not edit by
hand. Every response the pre-screen assistant for NCT06056921 can send, with
its English text and its Chinese text (中文) side by side. The slot `language`
chooses the language; a few responses also depend on other facts of the
conversation, shown under "When" ("otherwise": in every other case; in
`domain.yml` the Chinese "otherwise" is written out as one condition per case,
so that a Chinese conversation never gets an English text). Text in `{{braces}}` is filled in by the
assistant (a date, or the list of the patient's answers); `[Button]` is a
button the patient can press, and both languages' buttons send the same answer.

{count} responses.
"""


def sections(domain_text: str) -> dict[str, str]:
    """The section heading (a `# --- ... ---` comment) of each response."""
    found: dict[str, str] = {}
    section = ""
    in_responses = False
    for line in domain_text.splitlines():
        if line == "responses:":
            in_responses = True
        elif in_responses and (match := SECTION.match(line)):
            section = match.group(1)
        elif in_responses and (match := RESPONSE.match(line)):
            found[match.group(1)] = section
    return found


def _value(value: Any) -> str:
    if value is None:
        return "not set"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def when(conditions: list[dict[str, Any]]) -> str:
    """The conditions other than the language, in words."""
    words = [f"{c['name']} = {_value(c['value'])}" for c in conditions if c["name"] != "language"]
    return " and ".join(words)


def language_of(variation: dict[str, Any]) -> str | None:
    for condition in variation.get("condition") or []:
        if condition["name"] == "language":
            return str(condition["value"])
    return None


def cell(variation: dict[str, Any]) -> str:
    text = str(variation.get("text") or "").strip()
    buttons = " ".join(f"[{b['title']}]" for b in variation.get("buttons") or [])
    parts = [text.replace("\n", "<br>")]
    if buttons:
        parts.append(buttons)
    return "<br>".join(parts).replace("|", "\\|")


def rows(variations: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(when, English, Chinese) rows: each English variation with the Chinese
    one(s) of the same text meant for the same case; Chinese variations that
    only repeat one text for several cases are shown once, with all cases."""
    english = [v for v in variations if language_of(v) != "zh"]
    chinese = [v for v in variations if language_of(v) == "zh"]
    result = []
    paired: list[int] = []
    default_row = None
    for variation in english:
        condition = when(variation.get("condition") or [])
        if not condition:
            default_row = variation
            continue
        twins = [i for i, v in enumerate(chinese) if when(v.get("condition") or []) == condition]
        paired += twins
        zh_cell = "<br>".join(cell(chinese[i]) for i in twins) or "(none)"
        result.append((condition, cell(variation), zh_cell))
    if default_row is not None:
        rest = [v for i, v in enumerate(chinese) if i not in paired]
        texts = list(dict.fromkeys(cell(v) for v in rest))
        zh_cell = "<br>".join(texts) if chinese else "(the same bilingual text)"
        result.append(("otherwise" if result else "always", cell(default_row), zh_cell))
    return result


def render(domain_file: Path = DOMAIN_FILE) -> str:
    domain_text = domain_file.read_text(encoding="utf-8")
    responses: dict[str, list[dict[str, Any]]] = yaml.safe_load(domain_text)["responses"]
    section_of = sections(domain_text)
    blocks = [HEADER.format(count=len(responses)).rstrip("\n")]
    current = None
    for name, variations in responses.items():
        if section_of.get(name) != current:
            current = section_of.get(name)
            blocks.append(f"## {current}")
        table = [f"### `{name}`", "", "| When | English | 中文 |", "| --- | --- | --- |"]
        table += [f"| {c} | {en} | {zh} |" for c, en, zh in rows(variations)]
        blocks.append("\n".join(table))
    return "\n\n".join(blocks) + "\n"


def main() -> int:
    OUTPUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

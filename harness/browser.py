"""Debian's headless chromium, as Playwright launches it here (for the browser
tests in tests/support/browser.py and the docs' screenshots).

Playwright's own browser download cannot work on these machines: it drives
/usr/bin/chromium, installed by `scripts/setup test`.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Playwright

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",  # we run as root in CI
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium keeps calling Google's hosts, which the closed
    # network refuses (many connections at once).
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright: Playwright) -> Browser:
    """A headless Chromium with a fresh profile; raises FileNotFoundError
    (naming `scripts/setup test`) when Debian's chromium is missing."""
    if not CHROMIUM.exists():
        raise FileNotFoundError(f"{CHROMIUM} missing: run scripts/setup test (installs chromium)")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)

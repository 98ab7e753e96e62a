"""Screenshots of the patient website for the docs:
`.venv/bin/python -m scripts.website_screenshots [en|zh]` writes
docs/website-en.png, docs/website-zh.png (desktop, the chat mid-screening) and
docs/website-en-phone.png, docs/website-zh-phone.png (375 px wide), or only
those of the language named, from real Rasa and action servers in a temporary
directory and Debian's headless chromium. Needs the trained model
(models/prescreen.tar.gz)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from cryptography.fernet import Fernet
from playwright.sync_api import Browser, ViewportSize, sync_playwright

from harness.browser import launch
from harness.patients import ELIGIBLE, ELIGIBLE_ZH
from harness.servers import ROOT, ActionServer, RasaServer, free_port
from harness.website import open_site, screen_in_browser

DOCS = ROOT / "docs"
SIZES: dict[str, ViewportSize] = {
    "": {"width": 1280, "height": 1000},
    "-phone": {"width": 375, "height": 740},
}


def shoot(browser: Browser, base_url: str, language: str, suffix: str) -> Path:
    """One screenshot of the chat section, mid-screening (at the diagnosis
    question, its answer buttons shown) in the page's language."""
    context = browser.new_context(viewport=SIZES[suffix], is_mobile=bool(suffix))
    page = context.new_page()
    open_site(page, base_url, language)
    screen_in_browser(page, ELIGIBLE_ZH if language == "zh" else ELIGIBLE, stop_at="diagnosis")
    page.locator("#chat-heading").scroll_into_view_if_needed()
    page.evaluate("() => document.getElementById('chat-heading').scrollIntoView()")
    target = DOCS / f"website-{language}{suffix}.png"
    page.screenshot(path=str(target))
    context.close()
    return target


def main(languages: list[str]) -> None:
    keys = Fernet.generate_key().decode()
    model = ROOT / "models" / "prescreen.tar.gz"
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        with (
            ActionServer(free_port(), workdir, keys) as actions,
            RasaServer(free_port(), workdir, model, actions.webhook, keys) as rasa,
            sync_playwright() as playwright,
        ):
            browser = launch(playwright)
            for language in languages:
                for suffix in SIZES:
                    print(shoot(browser, rasa.url, language, suffix))
            browser.close()


if __name__ == "__main__":
    main(sys.argv[1:] or ["en", "zh"])

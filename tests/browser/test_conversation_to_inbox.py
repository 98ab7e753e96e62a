"""A patient screened over the REST channel by the real Rasa and action
servers; a coordinator finds the referral in the inbox, in real headless
Chromium, reads the answers and moves it through the workflow."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from bot.referrals.model import Status
from bot.referrals.store import ReferralStore
from bot.services import Services
from harness.patients import ELIGIBLE, screen, sender
from harness.servers import InboxServer, RasaServer
from tests.browser.test_inbox import log_in
from tests.support.logs import faults_in

pytestmark = pytest.mark.browser


def test_a_coordinator_works_the_referral_a_conversation_just_made(
    page: Page, staff: Services, inbox: InboxServer, rasa: RasaServer, referrals: ReferralStore
) -> None:
    patient = sender("browser")
    screen(rasa, patient, {**ELIGIBLE, "contact_name": "Browser Patient"})
    stored = referrals.get(patient)
    assert stored is not None

    log_in(page, inbox, "coord")
    row = page.locator(f'tr[data-referral="{stored.id}"]')
    expect(row).to_contain_text("new")
    expect(row).to_contain_text("lupus (SLE)")
    row.locator("a").click()

    expect(page.locator("#contact-name")).to_have_text("Browser Patient")
    expect(page.locator("#contact-phone")).to_have_text("+8613800138000")
    diagnosis = page.locator('tr[data-criterion="I2"]')
    expect(diagnosis).to_contain_text("diagnosis: sle")
    expect(diagnosis).to_contain_text("I have lupus")  # the patient's own words
    expect(page.locator("ul.verify")).to_contain_text("E5: The patient was not sure: check")

    for step, label in (("contacted", "contacted"), ("visit_scheduled", "visit scheduled"),
                        ("enrolled", "enrolled")):  # fmt: skip
        page.select_option("select[name=status]", step)
        page.click("section.workflow button[type=submit]")
        expect(page.locator("h1 .badge")).to_have_text(label)
    expect(page.locator("section.workflow select[name=status]")).to_have_count(0)  # closed

    final = referrals.get(patient)
    assert final is not None and final.status is Status.ENROLLED
    assert [e.actor for e in final.history] == ["patient", "coord", "coord", "coord"]


def test_no_server_logged_an_error_or_the_patients_details(
    page: Page, staff: Services, inbox: InboxServer, rasa: RasaServer
) -> None:
    """Runs after the conversation above (same session servers)."""
    log_in(page, inbox, "coord")
    page.goto(inbox.url + "/")
    logs = (inbox.log, rasa.log, rasa.workdir / "actions.log")
    assert faults_in(*logs) == []
    for log in logs:
        content = log.read_text(errors="replace")
        assert "Browser Patient" not in content and "13800138000" not in content, log

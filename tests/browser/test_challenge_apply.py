"""An initiatiefnemer writes a proposal in Chromium: starts it for her initiative, writes and saves it, adds
budget lines (the total against the maximum shows while typing), uploads a real PDF, checks and submits it
after confirming, and sees the new status. Refusals keep what was typed. axe runs on every page on the way."""

import io
import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from challenge.enums import ProposalStatus
from challenge.models import Attachment, Proposal
from tests.browser.axe import assert_accessible
from tests.browser.helpers import BrowserWatcher, log_in
from tests.factories.accounts import UserFactory
from tests.factories.challenge import ChallengeFactory
from tests.factories.initiatives import InitiativeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def a_real_pdf(path):
    """A one-page PDF that pikepdf wrote (and so can open): the upload check must accept it."""
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    buffer = io.BytesIO()
    pdf.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_initiatiefnemer_writes_budgets_attaches_and_submits_a_proposal(
    page, live_server, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    watcher = BrowserWatcher(page)
    editor = UserFactory(initiatiefnemer=True)
    InitiativeFactory(editors=[editor], name="Buurthuis De Boog")
    challenge = ChallengeFactory(title="Buurtplannen 2027")
    log_in(page.context, editor, live_server.url)

    page.goto(reverse("challenge:my_proposals"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn plannen")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(r"^Schrijf een plan\W+Buurtplannen 2027$")).click()
    page.get_by_label("Buurthuis De Boog").check()
    page.get_by_role("button", name="Begin met schrijven").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Schrijf je plan")
    proposal = Proposal.objects.get(challenge=challenge)
    page.locator("#id_title").fill("Naaicafé in de Boog")
    page.locator("#id_summary").fill("Elke week naaien met buren.")
    page.locator("#id_plan").fill("We kopen machines en openen op woensdag.")
    page.locator("#id_team").fill("Fatima en Joke.")
    rows = page.locator("[data-budget-row]")
    rows.nth(0).locator("input[name$='-description']").fill("Naaimachines")
    rows.nth(0).locator("input[name$='-amount']").fill("1200")
    total = page.locator("[data-budget-total]")
    expect(total).to_contain_text("Totaal: € 1.200,00.")
    page.get_by_role("button", name="Regel toevoegen").click()
    expect(rows).to_have_count(4)
    rows.nth(3).locator("input[name$='-description']").fill("Stof en garen")
    rows.nth(3).locator("input[name$='-amount']").fill("300,50")
    expect(total).to_contain_text("Totaal: € 1.500,50. Je kunt maximaal € 5.000,00 aanvragen.")
    rows.nth(1).locator("input[name$='-description']").fill("Verbouwing")
    rows.nth(1).locator("input[name$='-amount']").fill("4000")
    expect(total).to_contain_text("Dat is € 500,50 meer dan het maximum van € 5.000,00")
    rows.nth(1).locator("input[name$='-description']").fill("")
    rows.nth(1).locator("input[name$='-amount']").fill("")
    expect(total).to_contain_text("Totaal: € 1.500,50.")
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()

    expect(page.locator("main")).to_contain_text("Je plan is opgeslagen.")
    proposal.refresh_from_db()
    assert proposal.title == "Naaicafé in de Boog"
    assert [line.description for line in proposal.budget_lines.all()] == ["Naaimachines", "Stof en garen"]

    page.get_by_role("link", name="Bestanden toevoegen, zoals een tekening of een offerte").click()
    page.get_by_label("Bestand", exact=True).set_input_files(str(a_real_pdf(tmp_path / "tekening.pdf")))
    page.get_by_role("button", name="Bestand toevoegen").click()
    expect(page.locator("main")).to_contain_text("“tekening.pdf” is toegevoegd.")
    assert Attachment.objects.filter(proposal=proposal, kind="pdf").count() == 1
    assert_accessible(page)

    page.goto(reverse("challenge:proposal_submit", kwargs={"pk": proposal.pk}))
    expect(page.get_by_role("heading", level=1)).to_have_text("Controleren en insturen")
    expect(page.locator("main")).to_contain_text("€ 1.500,50")
    expect(page.locator("main")).to_contain_text("tekening.pdf")
    assert_accessible(page)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT  # nothing happens before the confirmation
    page.get_by_role("button", name="Ja, stuur mijn plan in").click()

    expect(page.locator("main")).to_contain_text("Je plan is ingestuurd.")
    expect(page.get_by_test_id("proposal-status")).to_have_text(
        "Ingestuurd. Tot de deadline kun je het terugtrekken en veranderen."
    )
    assert_accessible(page)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert watcher.take_problems() == []

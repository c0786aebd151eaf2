"""Accessibility checks with axe-core (from npm) against the WCAG 2.0 and 2.1 A and AA rules.

axe is evaluated through the DevTools protocol, which the page's Content Security Policy does not govern, so
the page is checked exactly as visitors get it: no `bypass_csp`, and no inline <script> tag that the CSP
would block (which is why `page.add_script_tag` does not work here).
"""

from functools import cache
from pathlib import Path

from django.conf import settings
from playwright.sync_api import Page

AXE_PATH = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_A_AND_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Pages axe checked in this run, reported at the end of the run (tests/browser/conftest.py).
checked_pages: list[str] = []


@cache
def axe_source() -> str:
    if not AXE_PATH.is_file():
        raise FileNotFoundError(f"{AXE_PATH} is missing: run `make setup` (it installs the npm packages).")
    return AXE_PATH.read_text(encoding="utf-8")


def axe_violations(page: Page) -> list[dict]:
    """Run axe on the page as it is now and return its violations of the WCAG 2.0/2.1 A and AA rules."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    checked_pages.append(page.url)
    return page.evaluate(
        """(tags) => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
                      .then((results) => results.violations)""",
        WCAG_A_AND_AA,
    )


def describe_violations(violations: list[dict]) -> list[str]:
    """One readable block per violation: rule id, impact, help, and each element's selector and HTML."""
    lines = []
    for violation in violations:
        lines.append(
            f"axe {violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}: {node['html'][:300]}")
            if node.get("failureSummary"):
                summary = " ".join(node["failureSummary"].split())
                lines.append(f"       {summary[:400]}")
    return lines


def assert_accessible(page: Page) -> None:
    """Fail with a readable list when axe finds any WCAG 2.0/2.1 A or AA violation on the page."""
    violations = axe_violations(page)
    report = "\n".join(describe_violations(violations))
    assert not violations, f"axe found violations on {page.url}:\n{report}"

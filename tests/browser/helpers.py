"""Helpers for the browser tests: keeping traffic local, logging in, URLs per language, page checks."""

import base64
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Route

# Registered before any page script runs, so that every CSP violation is recorded with its details.
_RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const blocked = event.blockedURI || "inline";
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.violatedDirective} blocked ${blocked} at ${where}`);
});
"""


def keep_on_machine(context: BrowserContext, allowed_origin: str, blocked: list[str]) -> None:
    """Abort every request that does not go to `allowed_origin`, and note its URL in `blocked`."""

    def block(route: Route, request: Request) -> None:
        blocked.append(request.url)
        route.abort("blockedbyclient")

    # The browser matches this pattern itself, so requests to the live server never wait for Python.
    context.route(re.compile(f"^(?!{re.escape(allowed_origin)}/)"), block)


# MAP_TILE_URL in tests/environment.py points at this made-up host; a transparent PNG stands in for a tile.
TEST_TILE_ORIGIN = "https://tegels.kaart.test"
BLANK_TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


def serve_blank_map_tiles(context: BrowserContext) -> None:
    """Answer the test tile server's requests with a blank tile, so maps draw without leaving the machine and
    without the console errors that aborted tiles cause. Registered after `keep_on_machine`, so it wins."""
    context.route(
        f"{TEST_TILE_ORIGIN}/**", lambda route: route.fulfill(body=BLANK_TILE, content_type="image/png")
    )


@dataclass
class BrowserWatcher:
    """Records what the browser reports on a page: console errors, uncaught exceptions, CSP violations."""

    page: Page
    console_errors: list[tuple[str, str]] = field(default_factory=list)  # (message, URL of its source)
    page_errors: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.page.add_init_script(_RECORD_CSP_VIOLATIONS)
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.page_errors.append(f"{error.name}: {error.message}"))

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append((message.text, message.location.get("url", "")))

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("() => window.__cspViolations || []")

    def take_problems(self, *, expected_status: int = 200) -> list[str]:
        """What went wrong since the last call, as lines; the page's own expected error status is fine.

        Call it before the next navigation: the CSP violations are kept in the current document.
        """
        expected = f"the server responded with a status of {expected_status} "
        document_url = self.page.url.split("#")[0]  # the skip link may have added a fragment
        console = [
            f"{text} ({url})"
            for text, url in self.console_errors
            if not (url == document_url and text.startswith(f"Failed to load resource: {expected}"))
        ]
        self.console_errors, page_errors, self.page_errors = [], self.page_errors, []
        return (
            [f"console error: {error}" for error in console]
            + [f"JavaScript error: {error}" for error in page_errors]
            + [f"CSP violation: {violation}" for violation in self.csp_violations()]
        )


def url_in(language: str, url_name: str, *, urlconf: str | None = None, **kwargs) -> str:
    """The path of a named URL in a language: Dutch without a prefix, English under /en/."""
    with translation.override(language):
        return reverse(url_name, urlconf=urlconf, kwargs=kwargs or None)


def path_in(language: str, path: str) -> str:
    """A raw path (e.g. one that does not exist) in a language."""
    return path if language == settings.LANGUAGE_CODE else f"/{language}{path}"


def log_in(context: BrowserContext, user, base_url: str, *, second_factor: bool = True) -> None:
    """Give the browser a logged-in session for `user` without going through the form.

    Staff have passed the second factor too (tests/conftest.py), unless `second_factor=False`."""
    client = Client()
    client.force_login(user, second_factor=second_factor)
    session = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session.value, "url": base_url}])


def finish_second_factor_setup(page: Page) -> None:
    """On the set-up step after a log-in with the form: type the first code, computed from the key on the page
    as an authenticator app would, and continue past the recovery codes. Works in every language."""
    from base64 import b32decode

    from django_otp.oath import totp

    key = page.locator(".op-typed-key").inner_text().replace(" ", "")
    page.locator("main input[name=code]").fill(f"{totp(b32decode(key + '=' * (-len(key) % 8))):06d}")
    page.locator("main form button[type=submit]").first.click()
    page.locator(".op-recovery-codes").wait_for()
    page.locator("main a.ams-link").last.click()


def overflow_problems(page: Page) -> list[str]:
    """Whether the page scrolls sideways, and if so, the elements that stick out of a parent that fits."""
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    if overflow <= 0:
        return []
    culprits = page.evaluate(
        """() => {
          const width = window.innerWidth;
          const sticksOut = (element) => element.getBoundingClientRect().right > width + 1;
          return [...document.body.querySelectorAll("*")]
            .filter((element) => sticksOut(element) && !sticksOut(element.parentElement))
            .slice(0, 5)
            .map((element) => element.outerHTML.slice(0, 120));
        }"""
    )
    return [f"the page scrolls sideways: it is {overflow} px wider than the viewport, because of:"] + [
        "    " + " ".join(html.split()) for html in culprits
    ]


def skip_link_problems(page: Page) -> list[str]:
    """Check that the first Tab reaches a skip link to <main> and that activating it moves focus there."""
    autofocus = page.evaluate(
        "() => document.activeElement === document.body ? '' : document.activeElement.outerHTML.slice(0, 200)"
    )
    if autofocus:
        return [
            f"an element has focus when the page loads (autofocus?), so Tab skips the skip link: {autofocus}"
        ]
    page.keyboard.press("Tab")
    first = page.evaluate(
        """() => {
          const element = document.activeElement;
          const main = document.querySelector("main");
          return {
            html: element === document.body ? "nothing (the page has no focusable element)"
                                            : element.outerHTML.slice(0, 200),
            href: element.getAttribute("href"),
            isLink: element.tagName === "A",
            mainId: main && main.id ? main.id : null,
          };
        }"""
    )
    if first["mainId"] is None:
        return ["the page has no <main> element, or it has no id for a skip link"]
    if not first["isLink"] or first["href"] != f"#{first['mainId']}":
        return [f"the first focusable element is not a skip link to #{first['mainId']}: {first['html']}"]
    page.keyboard.press("Enter")
    if _focus_is_in_main(page):
        return []
    # Without tabindex="-1" on <main> the browser moves only its focus starting point: the next Tab must land
    # inside <main> or after it, never back in the header.
    page.keyboard.press("Tab")
    if _focus_is_in_main(page) or page.evaluate(
        """() => Boolean(document.querySelector("main").compareDocumentPosition(document.activeElement)
                 & Node.DOCUMENT_POSITION_FOLLOWING)"""
    ):
        return []
    html = page.evaluate("() => document.activeElement.outerHTML.slice(0, 200)")
    return [f"the skip link does not move focus to <main>: the next Tab lands on {html}"]


def _focus_is_in_main(page: Page) -> bool:
    return page.evaluate("() => document.querySelector('main').contains(document.activeElement)")

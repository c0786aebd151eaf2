"""Reports how many generated posts the hostile-input tests sent (issue 11: "thousands"), per test."""

import pytest

from .harness import BASELINE, POSTS

PER_TEST = {}


@pytest.fixture(autouse=True)
def _count_posts_and_forget_the_baseline(request):
    BASELINE.clear()
    before = dict(POSTS)
    yield
    PER_TEST[request.node.name] = {key: POSTS[key] - before[key] for key in POSTS}


def pytest_terminal_summary(terminalreporter):
    if not POSTS["sent"]:
        return
    for name, counts in PER_TEST.items():
        if not counts["sent"]:  # the upload tests post by hand, once each
            continue
        terminalreporter.write_line(
            f"  {name}: {counts['sent']} posts, {counts['redirected']} saved, {counts['refused']} refused"
        )
    generated = [counts for counts in PER_TEST.values() if counts["sent"]]
    terminalreporter.write_line(
        f"hostile input: {sum(counts['sent'] for counts in generated)} generated form posts, "
        f"{sum(counts['redirected'] for counts in generated)} saved and valid, "
        f"{sum(counts['refused'] for counts in generated)} refused with a message"
    )

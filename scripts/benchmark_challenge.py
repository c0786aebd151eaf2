"""Benchmark of the challenge's deliberation screen (issue 9): 100 proposals, each reviewed by 7 jurors on 4
criteria. A script, not a test: it prints figures, it does not judge them (the goal: under 150 ms server time,
at most 12 queries).

    .venv/bin/python scripts/benchmark_challenge.py [--proposals 100] [--jurors 7] [--criteria 4]
                                                    [--requests 30] [--fresh]
                                                    [--database-url postgres://…/ondernemend_benchmark_challenge]

It needs PostgreSQL (as `make test` does).

1. Creates the database `ondernemend_benchmark_challenge` (a separate one: your own data is never touched;
   `--fresh` drops it first), migrates it, runs `seed_demo --initiatives N` for the initiatives and the demo
   coordinator, and builds one call in deliberation with N submitted proposals, every juror reviewing every
   proposal (bulk inserts; a second run reuses the call).
2. Requests the deliberation page (`challenge:deliberation`) as the demo coordinator with Django's test client
   in this process, DEBUG off: server time median and p95 over the requests (the first, cold request apart),
   the number of database queries and the size of the page.

The figures are printed as a table and written as JSON to var/benchmark-challenge.json. Comparing with another
product's review dashboard on the same data needs that product installed and loaded with these data; this
script does not do that (docs/challenge.md, "Deliberation and benchmark").
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmark_map import percentile, prepare_database, set_up_django, timed_get

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/ondernemend_benchmark_challenge"
RESULT_FILE = ROOT / "var" / "benchmark-challenge.json"
SLUG = "benchmark-beraad"
COORDINATOR_EMAIL = "coordinator@example.org"


def main() -> None:
    args = parse_arguments()
    prepare_database(args.database_url, fresh=args.fresh)
    set_up_django(args.database_url)

    from io import StringIO

    from django.core.management import call_command
    from django.urls import reverse

    print(f"Preparing {args.database_url} …", flush=True)
    call_command("migrate", verbosity=0)
    call_command("seed_demo", initiatives=max(args.proposals, 120), stdout=StringIO())
    start = time.perf_counter()
    challenge = build_call(args.proposals, args.jurors, args.criteria)
    build_seconds = time.perf_counter() - start

    from ondernemend.accounts.models import User

    url = reverse("challenge:deliberation", kwargs={"slug": challenge.slug})
    result = measure(url, User.objects.get(email=COORDINATOR_EMAIL), args.requests)
    results = {
        "proposals": challenge.proposals.count(),
        "jurors": challenge.jury.count(),
        "criteria": challenge.criteria.count(),
        "build_seconds": round(build_seconds, 1),
        "deliberation_page": result,
    }
    print_table(results)
    RESULT_FILE.parent.mkdir(exist_ok=True)
    RESULT_FILE.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nWritten to {RESULT_FILE.relative_to(ROOT)}")


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--proposals", type=int, default=100, help="submitted proposals (default 100)")
    parser.add_argument(
        "--jurors", type=int, default=7, help="jurors, each reviewing every proposal (default 7)"
    )
    parser.add_argument("--criteria", type=int, default=4, help="criteria in the rubric (default 4)")
    parser.add_argument("--requests", type=int, default=30, help="requests of the page (default 30)")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCHMARK_CHALLENGE_DATABASE_URL", DEFAULT_DATABASE_URL),
        help=f"a PostgreSQL database of its own (default {DEFAULT_DATABASE_URL})",
    )
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the benchmark database")
    return parser.parse_args()


def build_call(proposals: int, jurors: int, criteria: int):
    """The benchmark call in deliberation (made once): proposals from the demo initiatives, a jury of new
    jury members, every review submitted with seeded random scores, and a pending decision on every tenth."""
    from django.db import transaction
    from django.utils import timezone

    from challenge.enums import Outcome, ProposalStatus
    from challenge.models import (
        Assignment,
        BudgetLine,
        Challenge,
        Criterion,
        Decision,
        JuryMember,
        Proposal,
        Review,
        Score,
    )
    from initiatives.models import Initiative
    from ondernemend.accounts.models import User

    if existing := Challenge.objects.filter(slug=SLUG).first():
        return existing
    rng = random.Random(SLUG)
    now = timezone.now()
    day = timedelta(days=1)
    with transaction.atomic():
        challenge = Challenge.objects.create(
            title="Benchmark: beraad",
            slug=SLUG,
            description="Een oproep om de snelheid van het beraad te meten.",
            total_budget=Decimal(proposals * 1000),
            max_per_proposal=Decimal("3000"),
            opens_at=now - 60 * day,
            submission_deadline=now - 40 * day,
            review_ends_at=now - 10 * day,
            deliberation_ends_at=now + 10 * day,
        )
        rubric = Criterion.objects.bulk_create(
            Criterion(
                challenge=challenge, name=f"Criterium {n}", description="…", weight=1 + n % 2, position=n
            )
            for n in range(1, criteria + 1)
        )
        initiatives = list(Initiative.objects.order_by("pk")[:proposals])
        if len(initiatives) < proposals:
            sys.exit(f"Only {len(initiatives)} initiatives for {proposals} proposals.")
        submitted = Proposal.objects.bulk_create(
            Proposal(
                challenge=challenge,
                initiative=initiative,
                title=f"Plan {n:03d}",
                summary="…",
                plan="…",
                team="…",
                status=ProposalStatus.SUBMITTED,
                submitted_at=now - 41 * day,
            )
            for n, initiative in enumerate(initiatives, start=1)
        )
        BudgetLine.objects.bulk_create(
            BudgetLine(proposal=proposal, description="Kosten", amount=Decimal(rng.randrange(500, 3001, 50)))
            for proposal in submitted
        )
        users = [
            User.objects.get_or_create(email=f"benchmark-jurylid-{n}@example.org")[0]
            for n in range(1, jurors + 1)
        ]
        members = JuryMember.objects.bulk_create(JuryMember(challenge=challenge, user=user) for user in users)
        assignments = Assignment.objects.bulk_create(
            Assignment(proposal=proposal, member=member) for proposal in submitted for member in members
        )
        reviews = Review.objects.bulk_create(
            Review(assignment=assignment, strengths="…", submitted_at=now - 12 * day)
            for assignment in assignments
        )
        Score.objects.bulk_create(
            Score(review=review, criterion=criterion, value=rng.randint(1, 5))
            for review in reviews
            for criterion in rubric
        )
        Decision.objects.bulk_create(
            Decision(proposal=proposal, outcome=Outcome.REJECT, amount=0) for proposal in submitted[::10]
        )
    return challenge


def measure(url: str, user, count: int) -> dict:
    """Server time of `count` GET requests of `url` as `user`, in this process; the query count and size."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    cold, response, _ = timed_get(client, url)
    if response.status_code != 200:
        sys.exit(f"{url} answered {response.status_code}.")
    timings = [timed_get(client, url)[0] for _ in range(count)]
    with CaptureQueriesContext(connection) as queries:
        _, _, body = timed_get(client, url)
    return {
        "url": url,
        "requests": count,
        "cold_ms": round(cold, 1),
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 95), 1),
        "queries": len(queries),
        "bytes": len(body),
    }


def print_table(results: dict) -> None:
    page = results["deliberation_page"]
    rows = [
        (
            "Data",
            f"{results['proposals']} proposals × {results['jurors']} reviews × "
            f"{results['criteria']} criteria",
        ),
        ("Building the call", f"{results['build_seconds']} s (0 when reused)"),
        (
            "Deliberation page server time",
            f"median {page['median_ms']} ms, p95 {page['p95_ms']} ms "
            f"({page['requests']} requests; cold {page['cold_ms']} ms)",
        ),
        ("Deliberation page queries", str(page["queries"])),
        ("Deliberation page size", f"{page['bytes'] / 1024:,.0f} KiB"),
    ]
    width = max(len(label) for label, _ in rows)
    print()
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    main()

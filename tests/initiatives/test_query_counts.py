"""The map's pages and endpoints cost no more queries for 1,000 places than for 10."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from initiatives.demo import seed_map
from initiatives.models import Initiative

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    ("initiatives:index", ""),
    ("initiatives:index", "?district=centrum&page=1"),
    ("initiatives:geojson", ""),
    ("initiatives:geojson", "?district=centrum"),
    ("initiatives:flyer", ""),
    ("initiatives:detail", ""),
]


def _queries(client, url_name: str, query: str) -> int:
    kwargs = {
        "initiatives:flyer": {"district": "centrum"},
        "initiatives:detail": {
            "slug": Initiative.objects.order_by("pk").values_list("slug", flat=True).first()
        },
    }.get(url_name, {})
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(url_name, kwargs=kwargs) + query)
    assert response.status_code == 200
    return len(captured)


def test_map_query_counts_stay_flat_from_10_to_1000_places(client):
    seed_map(initiatives=10)
    for endpoint in ENDPOINTS:  # the first request of a process fills caches (e.g. the URL resolver)
        _queries(client, *endpoint)
    with_ten = [_queries(client, *endpoint) for endpoint in ENDPOINTS]

    seed_map(initiatives=1000)
    with_thousand = [_queries(client, *endpoint) for endpoint in ENDPOINTS]

    # Not always equal: a page whose results hold no contact points skips their prefetch query.
    grown = [
        (endpoint, ten, thousand)
        for endpoint, ten, thousand in zip(ENDPOINTS, with_ten, with_thousand, strict=True)
        if thousand > ten
    ]
    assert grown == []

import json

import pytest
from django.urls import reverse
from django.utils import translation

from ondernemend.accounts.models import User
from ondernemend.districts.models import District
from tests.factories.districts import DistrictFactory, square


@pytest.fixture
def superuser_client(client):
    client.force_login(User.objects.create_superuser(email="beheer@example.org", password="x" * 20))
    return client


@pytest.mark.django_db
def test_district_admin_list_shows_the_districts_and_whether_they_have_a_boundary(superuser_client):
    DistrictFactory(name="Noord", boundary=square(latitude=52.4, longitude=4.9))
    with translation.override("en"):
        response = superuser_client.get(reverse("admin:districts_district_changelist"))
    content = response.content.decode()
    assert (response.status_code, content.count('alt="True"'), content.count('alt="False"')) == (200, 1, 7)
    assert "Zuidoost" in content


@pytest.mark.django_db
def test_district_admin_rejects_an_invalid_boundary(superuser_client):
    weesp = District.objects.get(slug="weesp")
    open_ring = {"type": "Polygon", "coordinates": [[[5.0, 52.3], [5.1, 52.3], [5.1, 52.4], [5.0, 52.4]]]}
    with translation.override("en"):
        response = superuser_client.post(
            reverse("admin:districts_district_change", args=[weesp.pk]),
            {"name": "Weesp", "boundary": json.dumps(open_ring)},
        )
    assert response.status_code == 200
    assert "Ring 1 of polygon 1 is not closed: its last position must equal its first." in (
        response.content.decode()
    )
    weesp.refresh_from_db()
    assert weesp.boundary is None

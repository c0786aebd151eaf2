import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_home_page_is_dutch_by_default(client):
    response = client.get(reverse("pages:home"))
    assert response.status_code == 200
    assert response.content.decode().count('<html lang="nl">') == 1

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django.views import View

from ondernemend.permissions import PermissionRequiredMixin
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db

SEEN_OBJECTS = []


@rules.predicate
def owns_the_thing(user, thing):
    SEEN_OBJECTS.append(thing)
    return user.is_authenticated and thing == f"thing of {user.email}"


@pytest.fixture(autouse=True)
def test_permission():
    rules.add_perm("tests.open_thing", owns_the_thing)
    SEEN_OBJECTS.clear()
    yield
    rules.remove_perm("tests.open_thing")


class ThingView(PermissionRequiredMixin, View):
    permission_required = "tests.open_thing"

    def get_permission_object(self):
        return self.kwargs["thing"]

    def get(self, request, *args, **kwargs):
        return HttpResponse(f"opened {self.permission_object}")


def call(user, thing):
    request = RequestFactory().get("/ding/")
    request.user = user
    return ThingView.as_view()(request, thing=thing)


def test_permission_mixin_lets_the_owner_in_with_the_object_kept():
    user = UserFactory(email="eigenaar@example.org")

    response = call(user, "thing of eigenaar@example.org")

    assert response.content == b"opened thing of eigenaar@example.org"
    assert SEEN_OBJECTS == ["thing of eigenaar@example.org"]


def test_permission_mixin_refuses_a_logged_in_user_without_permission():
    with pytest.raises(PermissionDenied):
        call(UserFactory(email="ander@example.org"), "thing of eigenaar@example.org")


def test_permission_mixin_sends_anonymous_visitors_to_log_in():
    response = call(AnonymousUser(), "thing of eigenaar@example.org")

    assert response.status_code == 302
    assert response.url == "/inloggen/?next=/ding/"

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _dutch_outside_requests():
    # LocaleMiddleware leaves the language of the last request active in the test thread; start each test
    # in Dutch (the default) so that reverse() and rendering outside a request do not depend on test order.
    with translation.override("nl"):
        yield

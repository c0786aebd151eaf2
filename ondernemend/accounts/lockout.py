"""What django-axes counts log-in failures by: the account tried and the client's address."""

from ondernemend.network import client_address

# django-axes stores the name tried in a column of 255 characters; a longer one would fail the insert.
USERNAME_LENGTH = 255


def username_for_lockout(request, credentials=None) -> str | None:
    """The e-mail address tried, in lower case, so that "Ilse@…" and "ilse@…" count as one account.

    Django's log-in form sends it as `username` (settings.AXES_USERNAME_FORM_FIELD). Cut to the column's
    length: our log-in form refuses longer addresses, but the admin's log-in form does not check.
    """
    username = (credentials or {}).get("username")
    if username is None:
        username = getattr(request, "POST", {}).get("username")
    return username.strip().lower()[:USERNAME_LENGTH] if isinstance(username, str) else None


def client_address_for_lockout(request) -> str | None:
    """The client's address as ondernemend/network.py decides it (also behind a proxy), None if unknown."""
    return client_address(request) or None

"""Which account a log-in attempt is for, as django-axes counts failures per account and address."""


def username_for_lockout(request, credentials=None) -> str | None:
    """The e-mail address tried, in lower case, so that "Ilse@…" and "ilse@…" count as one account.

    Django's log-in form sends it as `username` (settings.AXES_USERNAME_FORM_FIELD).
    """
    username = (credentials or {}).get("username")
    if username is None:
        username = getattr(request, "POST", {}).get("username")
    return username.strip().lower() if isinstance(username, str) else None

"""Hostile input: post generated bodies to a real form and check the promise of issue 11, point 6.

Every post must end in one of two ways, never a server error (the test client re-raises any exception a
view lets escape, and that is kept on):

- a redirect (a success): every row the post added or changed passes `full_clean()`, so nothing half-valid
  was stored;
- the form again (200, 400, 409 or 429) with a visible error (our crispy pack's error summary or an error
  alert, see `ERROR_MARKERS`), and not one row of the relevant apps written.

The body is built from the form the page really showed: a test's fixture opens the page once and
`page_fields()` reads the fields (and a formset's management form) from the response's context, so a field
added later is attacked without changing a test. Each field gets the value it was shown with, a plausible
value or junk (`JUNK`: huge strings, control characters, NUL bytes, direction marks, emoji, SQL/HTML/template
snippets, lists where one value is expected, numbers out of range, extreme dates, negative money, many
decimals); fields go missing and unknown fields are added; some bodies go urlencoded instead of multipart.

Why a savepoint per example: pytest-django gives a test one transaction, but hypothesis runs hundreds of
examples inside that one test. Each example runs inside `one_example()`, which opens a savepoint and rolls
back to it afterwards, so a sign-up stored by example 12 is gone for example 13 and every example starts from
the same data (a successful accept-invitation would otherwise use up the invitation for the rest of the
run). Comparing counts before and after each example instead would not undo a success, and would miss a
changed row. So the checks compare a fingerprint of every row of the relevant tables (one PostgreSQL query,
`table_contents()`); since every example starts from the same state, the "before" is read once per test
(`baseline()`). The in-memory rate-limit counters are emptied per example as well (they are not in the
database), or the sixth sign-up would always be refused.
"""

import contextlib
import datetime
import os
import re
from collections.abc import Callable, Iterable
from urllib.parse import urlencode

from django import forms
from django.apps import apps
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection, transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Several hundred examples per form: with thirteen forms the folder sends over 2,000 posts. HOSTILE_EXAMPLES
# changes the number (fewer for a quick run, more for a long hunt).
# No example database: failures print their example, and nothing is written into the checkout.
HOSTILE_SETTINGS = settings(
    max_examples=int(os.environ.get("HOSTILE_EXAMPLES", "160")),
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
# The apps whose tables a form post may write to (not districts, sessions or content types).
WRITABLE_APPS = ("accounts", "audit", "initiatives", "workshops", "challenge")
# How our pages show that something was refused: the error summary of templates/ams/errors*.html, a field's
# own error and django.contrib.messages' error or warning alert (templates/includes/message.html).
ERROR_MARKERS = ("ams-invalid-form-alert", "ams-alert--error", "ams-error-message", "ams-alert--warning")
FORM_AGAIN_STATUSES = {200, 400, 409, 429}
REDIRECT_STATUSES = {301, 302, 303}

POSTS = {"sent": 0, "redirected": 0, "refused": 0}  # reported by tests/hostile/conftest.py

JUNK_TEXTS = [
    "",
    " ",
    "\x00",
    "Anna\x00Bram",
    "\x1b[31mrood",
    "regel\r\nregel",
    "\u202egnp.exe",
    "Anna\u200f",
    "\ufeff",
    "🦄" * 40,
    "👩🏽‍💻🇳🇱",
    "' OR 1=1 --",
    "'; DROP TABLE workshops_participant; --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "%s%s%s%n",
    "../../etc/passwd",
    "x" * 5000,
    "ä" * 100_000,
    "-1",
    "0",
    "-0.01",
    "-999999999999",
    "99999999999999999999999",
    "2147483648",
    "1e400",
    "NaN",
    "-Infinity",
    "0.123456789012",
    "1.000,5",
    "12,345678",
    "0001-01-01",
    "9999-12-31",
    "2026-02-30",
    "31-13-2026",
    "0000-00-00 25:61",
    "true",
    "None",
    "[]",
    "{}",
]
# No lone surrogates: they cannot be encoded in UTF-8, so no browser can send them.
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
JUNK_VALUE = st.one_of(st.sampled_from(JUNK_TEXTS), ANY_TEXT, st.integers().map(str))
JUNK = st.one_of(JUNK_VALUE, st.lists(JUNK_VALUE, min_size=2, max_size=3))
MISSING = object()
# Extra field names a script could send; kept to characters the test client can put in a multipart header.
EXTRA_NAME = st.text(
    st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters='"\\'), min_size=1
)


def clear_rate_limits():
    for cache in caches.all():
        if isinstance(cache, LocMemCache):
            cache.clear()


def table_contents(app_labels: Iterable[str] = WRITABLE_APPS) -> dict:
    """{model: {pk: fingerprint of the row}} of every table of these apps (many-to-many tables included).

    One query for all tables (PostgreSQL: a row's text form, hashed): a model per query would be the slowest
    part of the run, and a fingerprint is all a comparison needs."""
    models = [
        model
        for label in app_labels
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if not model._meta.proxy and model._meta.managed
    ]
    quote = connection.ops.quote_name
    parts = [
        f"SELECT %s, (SELECT coalesce(json_object_agg(t.{quote(model._meta.pk.column)}, md5(t::text)), "
        f"'{{}}') FROM {quote(model._meta.db_table)} t)"
        for model in models
    ]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), [model._meta.label for model in models])
        rows = dict(cursor.fetchall())
    return {model: rows[model._meta.label] for model in models}


BASELINE = {}  # emptied before every test by tests/hostile/conftest.py


def baseline() -> dict:
    """`table_contents()` at the start of an example. Every example of a test ends with a rollback to the same
    savepoint, so it is the same each time and read once per test; a write that escaped an example's
    rollback would show up as a difference in the next example."""
    if "tables" not in BASELINE:
        BASELINE["tables"] = table_contents()
    return BASELINE["tables"]


def written_rows(before: dict, after: dict) -> dict:
    """{model: [pk, …]} of the rows added or changed between two `table_contents()`, and removed ones."""
    written = {}
    for model, rows in after.items():
        old = before.get(model, {})
        changed = [pk for pk, row in rows.items() if old.get(pk) != row]
        removed = [pk for pk in old if pk not in rows]
        if changed or removed:
            written[model] = changed + removed
    return written


def error_shown(html: str) -> bool:
    return any(marker in html for marker in ERROR_MARKERS)


# ---------------------------------------------------------------------------------------------- strategies


def plausible(field: forms.Field) -> st.SearchStrategy:
    """Values a person could type into `field` (not necessarily valid: the form still decides)."""
    if isinstance(field, forms.FileField):
        return st.just(MISSING)
    if isinstance(field, forms.BooleanField):
        return st.sampled_from(["on", MISSING])
    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        keys = _choice_keys(field)
        return st.lists(st.sampled_from(keys), unique=True, max_size=4) if keys else st.just([])
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        keys = _choice_keys(field)
        return st.sampled_from(keys) if keys else st.just("")
    if isinstance(field, forms.IntegerField):
        low = field.min_value if field.min_value is not None else -10
        high = field.max_value if field.max_value is not None else 10_000
        return st.integers(int(low), int(high)).map(str)
    if isinstance(field, forms.DecimalField):
        places = field.decimal_places if field.decimal_places is not None else 2
        return st.decimals(
            min_value=field.min_value if field.min_value is not None else -1000,
            max_value=field.max_value if field.max_value is not None else 100_000,
            places=places,
            allow_nan=False,
            allow_infinity=False,
        ).flatmap(lambda number: st.sampled_from([str(number), str(number).replace(".", ",")]))
    if isinstance(field, forms.DateTimeField):
        return st.datetimes(datetime.datetime(2000, 1, 1), datetime.datetime(2040, 1, 1)).map(
            lambda moment: moment.strftime("%Y-%m-%dT%H:%M")
        )
    if isinstance(field, forms.DateField):
        return st.dates(datetime.date(2000, 1, 1), datetime.date(2040, 1, 1)).map(datetime.date.isoformat)
    if isinstance(field, forms.TimeField):
        return st.times().map(lambda moment: moment.strftime("%H:%M"))
    if isinstance(field, forms.UUIDField):
        return st.uuids().map(str)
    if isinstance(field, forms.EmailField):
        return st.emails().filter(lambda address: len(address) <= 254)
    if isinstance(field, forms.URLField):
        return st.sampled_from(["https://example.org/", "http://buurt.example.nl/pagina?x=1", "example.org"])
    if isinstance(field, forms.RegexField):
        return st.from_regex(field.regex, fullmatch=True)
    return st.text(
        st.characters(exclude_categories=["Cs", "Cc", "Cf"]),
        min_size=field.min_length or (1 if field.required else 0),
        max_size=min(field.max_length or 200, 200),
    )


def _choice_keys(field) -> list[str]:
    keys = []
    for choice in field.choices:
        key = choice[0]
        if isinstance(choice[1], list | tuple):  # an option group
            keys.extend(str(option[0]) for option in choice[1])
        elif key not in ("", None):
            keys.append(str(getattr(key, "value", key)))
    return keys


def form_fields(form_or_formset) -> dict[str, tuple[forms.Field, object]]:
    """{name as posted: (field, initial)} of a form, or of a formset with its management form."""
    if isinstance(form_or_formset, forms.BaseFormSet):
        fields = form_fields(form_or_formset.management_form)
        for form in [*form_or_formset.forms, form_or_formset.empty_form]:
            if "__prefix__" not in form.prefix:
                fields.update(form_fields(form))
        return fields
    return {
        form_or_formset.add_prefix(name): (field, _as_posted(form_or_formset[name]))
        for name, field in form_or_formset.fields.items()
    }


def _as_posted(bound_field):
    """The value the form was shown with, as the browser would send it back unchanged (None: empty)."""
    value = bound_field.value()
    if value in (None, "", [], ()) or isinstance(bound_field.field, forms.BooleanField | forms.FileField):
        return None
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    formatted = bound_field.field.widget.format_value(value)
    if isinstance(formatted, list):  # a choice widget's selected values
        return formatted[0] if len(formatted) == 1 else formatted
    return None if formatted is None else str(formatted)


@st.composite
def hostile_body(draw, fields: dict, *, extra: dict | None = None, overrides: dict | None = None):
    """A POST body for `fields` (from `form_fields`): mostly plausible values, some junk, some missing
    fields, sometimes unknown fields. `extra` adds strategies for values outside the form (a button);
    `overrides` replaces the strategy of a form field (MISSING leaves the field out)."""
    overrides = overrides or {}
    names = sorted(set(fields) - set(overrides))
    spoiled = set(draw(st.lists(st.sampled_from(names), unique=True, max_size=3))) if names else set()
    dropped = set(draw(st.lists(st.sampled_from(names), unique=True, max_size=2))) if names else set()
    body = {}
    for name in names:
        field, initial = fields[name]
        if name in dropped:
            continue
        if name in spoiled:
            value = draw(JUNK)
        elif initial is not None:  # mostly unchanged as shown (so that some posts get through), or changed
            value = draw(st.one_of(st.just(initial), st.just(initial), plausible(field)))
        else:
            value = draw(plausible(field))
        if value is not MISSING:
            body[name] = value
    for name, strategy in {**overrides, **(extra or {})}.items():
        value = draw(strategy)
        if value is not MISSING:
            body[name] = value
    body.update(draw(st.dictionaries(EXTRA_NAME, JUNK, max_size=2)))
    return body


# ------------------------------------------------------------------------------------------------- posting


@contextlib.contextmanager
def one_example():
    """Everything inside is undone afterwards (see the module's docstring)."""
    clear_rate_limits()
    savepoint = transaction.savepoint_create()
    try:
        yield
    finally:
        transaction.savepoint_rollback(savepoint)


def post(client, url: str, body: dict, *, urlencoded: bool = False, **extra):
    """Post as a browser would: multipart, or (`urlencoded`) as an ordinary form."""
    POSTS["sent"] += 1
    if urlencoded:
        encoded = urlencode(body, doseq=True)
        return client.post(url, encoded, content_type="application/x-www-form-urlencoded", **extra)
    return client.post(url, body, **extra)


def check_outcome(
    response,
    before: dict,
    after: dict,
    *,
    redirects_to: Iterable[str],
    also_valid: Callable[[object], bool] | None = None,
):
    """The two allowed endings of a post (see the module's docstring). A success redirects to one of the
    paths `redirects_to` starts with (not to a log-in or two-factor page); `also_valid(response)` accepts a
    page that is no error and no redirect, such as the import's preview."""
    status = response.status_code
    assert status != 500
    written = written_rows(before, after)
    if status in REDIRECT_STATUSES:
        assert response["Location"].startswith(tuple(redirects_to)), response["Location"]
        POSTS["redirected"] += 1
        for model, pks in written.items():
            for instance in model._base_manager.filter(
                pk__in=[int(pk) if pk.isdigit() else pk for pk in pks]
            ):
                instance.full_clean()
        return
    assert status in FORM_AGAIN_STATUSES, f"unexpected status {status}"
    assert written == {}
    html = response.content.decode()
    assert error_shown(html) or (also_valid is not None and also_valid(response)), (
        f"status {status} without a visible error message"
    )
    POSTS["refused"] += 1


def post_and_check(client, url: str, body: dict, *, redirects_to, urlencoded=False, also_valid=None, **extra):
    """One example: post `body` to `url` and check the outcome (see `check_outcome`)."""
    before = baseline()
    response = post(client, url, body, urlencoded=urlencoded, **extra)
    after = table_contents()
    check_outcome(response, before, after, redirects_to=redirects_to, also_valid=also_valid)
    return response


def page_fields(client, url: str, *context_names: str) -> dict:
    """The fields of the forms named `context_names` in the context of the page at `url` (a GET)."""
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    fields = {}
    for name in context_names:
        fields.update(form_fields(response.context[name]))
    return fields


def hidden_value(html: str, name: str) -> str:
    """The value of the hidden input `name` on a page, as the browser would send it back."""
    match = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', html) or re.search(
        rf'value="([^"]*)"[^>]*name="{re.escape(name)}"', html
    )
    assert match, f"no hidden field {name}"
    return match.group(1)

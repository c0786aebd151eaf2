"""Generated posts to the initiative form and to the CSV import (upload, preview, confirmation)."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from initiatives import csv_format
from tests.factories.accounts import UserFactory
from tests.factories.initiatives import InitiativeFactory

from .harness import (
    HOSTILE_SETTINGS,
    JUNK_VALUE,
    baseline,
    check_outcome,
    hostile_body,
    one_example,
    page_fields,
    post,
    post_and_check,
    table_contents,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client):
    user = UserFactory(coordinator=True)
    client.force_login(user)
    return user


@pytest.fixture
def edit_page(client, coordinator):
    initiative = InitiativeFactory(offers=["workshop"], languages=["nl", "ar"])
    url = reverse("initiatives:edit", kwargs={"slug": initiative.slug})
    return url, page_fields(client, url, "form")


@HOSTILE_SETTINGS
@given(data=st.data())
def test_initiative_form_survives_generated_posts(client, edit_page, data):
    url, fields = edit_page
    with one_example():
        post_and_check(
            client, url, data.draw(hostile_body(fields)), redirects_to=[reverse("initiatives:manage")]
        )


@pytest.fixture
def exported_rows(client, coordinator):
    """The rows of a real export: a file the import accepts as it is."""
    InitiativeFactory.create_batch(3, offers=["workshop"])
    response = client.get(reverse("initiatives:export_csv"))
    text = b"".join(response.streaming_content if response.streaming else [response.content]).decode(
        "utf-8-sig"
    )
    return list(csv.reader(io.StringIO(text), delimiter=csv_format.DELIMITER))


@st.composite
def spoiled_csv(draw, rows):
    """The export with a few cells replaced by junk, rows added or dropped, sometimes a comma-separated or
    headerless file."""
    rows = [list(row) for row in rows]
    for _ in range(draw(st.integers(0, 4))):
        row = draw(st.integers(0, len(rows) - 1))
        column = draw(st.integers(0, len(rows[row]) - 1))
        rows[row][column] = draw(JUNK_VALUE)
    if draw(st.booleans()):  # a new listing: a copy of a row under a new slug
        rows.append([draw(st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True)), *rows[-1][1:]])
    if draw(st.integers(0, 9)) == 0:
        rows = rows[1:]
    if draw(st.integers(0, 9)) == 0 and rows:
        rows = [row[: draw(st.integers(0, len(row)))] for row in rows]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=draw(st.sampled_from([";", ";", ","]))).writerows(rows)
    return buffer.getvalue()


def is_preview(response) -> bool:
    """The preview of a file that can be imported: no error, a button to confirm."""
    return response.context is not None and response.context.get("confirm_form") is not None


@HOSTILE_SETTINGS
@given(data=st.data())
def test_import_survives_generated_files(client, exported_rows, data):
    url = reverse("initiatives:import_csv")
    text = data.draw(spoiled_csv(exported_rows))
    with one_example():
        before = baseline()
        upload = SimpleUploadedFile("initiatieven.csv", text.encode(), content_type="text/csv")
        response = post(client, url, {"file": upload})
        check_outcome(response, before, table_contents(), redirects_to=[], also_valid=is_preview)
        if is_preview(response) and data.draw(st.booleans()):
            sha256 = response.context["confirm_form"].initial["sha256"]
            confirmed = post(client, url, {"sha256": sha256})
            check_outcome(confirmed, before, table_contents(), redirects_to=[reverse("initiatives:manage")])
